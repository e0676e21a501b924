/**
 * Text made inert in Markdown while staying readable as plain text, so a CommonMark or GitHub renderer shows what
 * was typed:
 * - inline markup characters, raw HTML and `$` (math on GitHub and in KaTeX/MathJax renderers) are
 *   backslash-escaped everywhere;
 * - `](` keeps its `(` escaped too (marked reads `\[a\](b)` inside a link's text as a link), and a bare URL's
 *   `://` or `www.` is escaped, so GitHub's autolinks make no link of it; so is every `@`, so an email address
 *   (`foo@bar.com`, which GFM's extended autolinks make a `mailto:` link) and an `@mention` stay text;
 * - an `&` that starts an entity (`&amp;`, `&#38;`) is escaped, so it shows as typed instead of as "&";
 * - characters that only mean something at the start of a line (headings, lists, quotes, rules) are escaped there,
 *   and a trailing run of `#` that would close a heading at the end;
 * Line breaks become spaces; callers that keep lines split the text first. Text that starts a line goes through
 * escapeMarkdownLine, which keeps its leading spaces too.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]<>|~$@]/g, "\\$&")
    .replace(/\\\]\(/g, "\\]\\(")
    .replace(/(?<=[A-Za-z]):\/\//g, "\\://")
    .replace(/(?<![A-Za-z0-9])(www)\./gi, "$1\\.")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
    .replace(/^(\s*)([#+\-=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2")
    .replace(/(\s)#(#*\s*)$/, "$1\\#$2");
}

/**
 * escapeMarkdown for text that starts a line (a quote's line, a paragraph): its leading spaces become `&nbsp;`,
 * because a renderer strips plain leading spaces (and reads four as a code block) while a no-break space survives
 * and shows. A tab counts as four spaces.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdown(text).replace(/^[ \t]+/, (spaces) => spaces.replaceAll("\t", "    ").replaceAll(" ", "&nbsp;"));
}
