/**
 * A rationale's light formatting, read from plain text: paragraphs (split by blank lines),
 * lists (lines starting "- ", "* " or "1. "), emphasis (*words* or _words_), strong emphasis (**words**)
 * and links ([text](https://…) or a bare http(s) URL). Only http and https links become links; everything
 * else stays text. The conclusion's summary uses the same formatting. Renderers escape the text: every report
 * format renders it with core's renderRationale (HTML, Markdown, plain text) or, for the PDF, from these blocks.
 */

export type RationaleInline =
  | { type: "text"; text: string }
  | { type: "emphasis"; text: string }
  | { type: "strong"; text: string }
  | { type: "link"; text: string; href: string };

export type RationaleBlock =
  | { type: "paragraph"; lines: RationaleInline[][] }
  | { type: "list"; isOrdered: boolean; items: RationaleInline[][] };

const LIST_ITEM = /^\s*(?:([-*•])|(\d+)[.)])\s+(.*)$/;
const LINK = /\[([^\]\n]{1,500})\]\((https?:\/\/[^\s)]{1,2000})\)|(https?:\/\/[^\s<>"]{1,2000})/g;

export function parseRationale(source: string): RationaleBlock[] {
  const blocks: RationaleBlock[] = [];
  for (const chunk of source.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").filter((line) => line.trim().length > 0);
    let paragraph: RationaleInline[][] = [];
    let list: { isOrdered: boolean; items: RationaleInline[][] } | null = null;
    const flushParagraph = () => {
      if (paragraph.length > 0) blocks.push({ type: "paragraph", lines: paragraph });
      paragraph = [];
    };
    const flushList = () => {
      if (list) blocks.push({ type: "list", ...list });
      list = null;
    };
    for (const line of lines) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        flushParagraph();
        const isOrdered = item[2] !== undefined;
        if (list && list.isOrdered !== isOrdered) flushList();
        list ??= { isOrdered, items: [] };
        list.items.push(parseInlines(item[3] ?? ""));
      } else {
        flushList();
        paragraph.push(parseInlines(line.trim()));
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}

/** Text, emphasis and links within one line. Links are found first, so a URL's own `*` or `_` stays in it. */
export function parseInlines(line: string): RationaleInline[] {
  const inlines: RationaleInline[] = [];
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    const at = match.index ?? 0;
    if (at > last) for (const inline of parseEmphasis(line.slice(last, at))) inlines.push(inline);
    if (match[3]) {
      // A bare URL does not take the sentence's closing punctuation with it.
      const url = match[3].replace(/[.,;:!?]+$/, "");
      inlines.push({ type: "link", text: url, href: url });
      last = at + url.length;
      continue;
    }
    inlines.push({ type: "link", text: match[1] ?? "", href: match[2] ?? "" });
    last = at + match[0].length;
  }
  if (last < line.length) for (const inline of parseEmphasis(line.slice(last))) inlines.push(inline);
  return inlines;
}

/**
 * `**strong**`, `*emphasis*` and `_emphasis_`: the markers hug the words (no space inside them), and `_` or `*`
 * inside a word (snake_case, 2*3*4) stays text, so arithmetic and identifiers are left alone.
 */
const EMPHASIS =
  /\*\*(?=\S)([^*\n]*?\S)\*\*(?!\*)|(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu;

function parseEmphasis(text: string): RationaleInline[] {
  const inlines: RationaleInline[] = [];
  let last = 0;
  for (const match of text.matchAll(EMPHASIS)) {
    const at = match.index ?? 0;
    if (at > last) inlines.push({ type: "text", text: text.slice(last, at) });
    if (match[1] !== undefined) inlines.push({ type: "strong", text: match[1] });
    else inlines.push({ type: "emphasis", text: match[2] ?? match[3] ?? "" });
    last = at + match[0].length;
  }
  if (last < text.length) inlines.push({ type: "text", text: text.slice(last) });
  return inlines;
}
