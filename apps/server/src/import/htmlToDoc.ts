import type { DocNode } from "@factmark/core";
import { DomUtils, ElementType, parseDocument } from "htmlparser2";
import { assertHtmlWithinLimits } from "./assertHtmlWithinLimits";
import { CONTAINER_TAGS } from "./containerTags";
import { sanitizeArticleHtml } from "./sanitizeArticleHtml";

type Mark = NonNullable<DocNode["marks"]>[number];
/** A node of htmlparser2's DOM (domhandler): an element, text, a comment... */
type HtmlNode = ReturnType<typeof parseDocument>["children"][number];
type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;
type HtmlData = Extract<HtmlNode, { data: string }>;

/** Elements that hold blocks; their inline children are gathered into paragraphs. */
const CONTAINERS = new Set<string>([...CONTAINER_TAGS, "li", "body"]);
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCK_TAGS = new Set(["p", "pre", "ul", "ol", "blockquote", ...Object.keys(HEADINGS), ...CONTAINERS]);
/** How deep lists and quotes may nest in the result; deeper ones are flattened into their parent. */
const MAX_NESTING = 8;

/**
 * Converts untrusted HTML to a Tiptap document of the editor's schema: its size checked first
 * (assertHtmlWithinLimits: 413 past IMPORT_LIMITS.htmlElements or htmlDepth), sanitised
 * (sanitize-html), then parsed (htmlparser2, which runs nothing and is some twenty times faster
 * than jsdom on long documents) and walked node by node. Text keeps its bold, italic and http(s)
 * link marks; whitespace collapses as a browser would show it.
 */
export function htmlToDoc(html: string): DocNode {
  assertHtmlWithinLimits(html);
  const clean = sanitizeArticleHtml(html);
  return { type: "doc", content: blocksOf(parseDocument(clean).children, 0) };
}

/** The blocks of a run of nodes: block elements become blocks, runs of inline nodes paragraphs. */
function blocksOf(nodes: HtmlNode[], depth: number): DocNode[] {
  const blocks: DocNode[] = [];
  let inline: HtmlNode[] = [];
  const flushInline = () => {
    pushParagraph(blocks, inlineOf(inline, []));
    inline = [];
  };
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag && BLOCK_TAGS.has(tag)) {
      flushInline();
      // A loop, not a spread into push: a container may hold more blocks than a call may take arguments.
      for (const block of blockOf(node as HtmlElement, tag, depth)) blocks.push(block);
    } else {
      inline.push(node);
    }
  }
  flushInline();
  return blocks;
}

function blockOf(element: HtmlElement, tag: string, depth: number): DocNode[] {
  const level = HEADINGS[tag];
  if (level !== undefined) {
    const content = inlineOf(element.children, []);
    return content.length > 0 ? [{ type: "heading", attrs: { level }, content }] : [];
  }
  if (tag === "p") return paragraphsOf(inlineOf(element.children, []));
  if (tag === "pre") {
    // Preformatted text keeps its lines: one paragraph each.
    const lines = DomUtils.textContent(element)
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim());
    return lines
      .filter((line) => line.length > 0)
      .map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
  }
  if (tag === "ul" || tag === "ol") {
    if (depth >= MAX_NESTING) return blocksOf(element.children, depth);
    const items = listItemsOf(element, depth + 1);
    if (items.length === 0) return [];
    if (tag === "ul") return [{ type: "bulletList", content: items }];
    const start = Number.parseInt(element.attribs.start ?? "1", 10);
    const attrs = Number.isInteger(start) && start >= 0 && start <= 1_000_000 && start !== 1 ? { start } : undefined;
    return [{ type: "orderedList", ...(attrs ? { attrs } : {}), content: items }];
  }
  if (tag === "blockquote") {
    if (depth >= MAX_NESTING) return blocksOf(element.children, depth);
    const content = blocksOf(element.children, depth + 1);
    return content.length > 0 ? [{ type: "blockquote", content }] : [];
  }
  return blocksOf(element.children, depth); // a container: its blocks, in place
}

/** A list's items: each `li` becomes an item that starts with a paragraph, as the editor requires. */
function listItemsOf(list: HtmlElement, depth: number): DocNode[] {
  const items: DocNode[] = [];
  for (const child of list.children) {
    const content = tagOf(child) === "li" ? blocksOf((child as HtmlElement).children, depth) : blocksOf([child], depth);
    if (content.length === 0) continue;
    if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
    items.push({ type: "listItem", content });
  }
  return items;
}

/** Splits inline content at hard breaks that start or end it, and drops it if it holds no text. */
function paragraphsOf(content: DocNode[]): DocNode[] {
  const blocks: DocNode[] = [];
  pushParagraph(blocks, content);
  return blocks;
}

function pushParagraph(blocks: DocNode[], content: DocNode[]): void {
  while (content[0]?.type === "hardBreak") content.shift();
  while (content.at(-1)?.type === "hardBreak") content.pop();
  if (content.some((node) => node.type === "text")) blocks.push({ type: "paragraph", content });
}

/** The inline nodes of a run of DOM nodes, with marks; whitespace collapsed and trimmed at the ends. */
function inlineOf(nodes: HtmlNode[], marks: Mark[]): DocNode[] {
  const result: DocNode[] = [];
  collectInline(nodes, marks, result);
  return tidyWhitespace(result);
}

function collectInline(nodes: HtmlNode[], marks: Mark[], into: DocNode[]): void {
  for (const node of nodes) {
    if (node.type === ElementType.Text) {
      const text = (node as HtmlData).data.replace(/[ \t\n\r\f]+/g, " ");
      if (text.length > 0) appendText(into, text, marks);
      continue;
    }
    const tag = tagOf(node);
    if (!tag) continue;
    if (tag === "br") {
      into.push({ type: "hardBreak" });
      continue;
    }
    const mark = markOf(node as HtmlElement, tag);
    const inner = mark && !marks.some((existing) => existing.type === mark.type) ? [...marks, mark] : marks;
    // A block inside inline content (a <p> in an <a>) reads as text separated by a space.
    if (BLOCK_TAGS.has(tag)) appendText(into, " ", marks);
    collectInline((node as HtmlElement).children, inner, into);
    if (BLOCK_TAGS.has(tag)) appendText(into, " ", marks);
  }
}

function markOf(element: HtmlElement, tag: string): Mark | undefined {
  if (tag === "strong" || tag === "b") return { type: "bold" };
  if (tag === "em" || tag === "i") return { type: "italic" };
  if (tag === "a") {
    const href = element.attribs.href;
    if (href && isWebLink(href)) return { type: "link", attrs: { href } };
  }
  return undefined;
}

function isWebLink(href: string): boolean {
  try {
    const url = new URL(href);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0 && href.length <= 2048;
  } catch {
    return false;
  }
}

/** Adds text, merging it into the previous text node when the marks are the same. */
function appendText(into: DocNode[], text: string, marks: Mark[]): void {
  const last = into.at(-1);
  if (last?.type === "text" && sameMarks(last.marks ?? [], marks)) {
    last.text = `${last.text ?? ""}${text}`;
    return;
  }
  into.push({ type: "text", text, ...(marks.length > 0 ? { marks: [...marks] } : {}) });
}

function sameMarks(left: Mark[], right: Mark[]): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Collapses spaces across node boundaries and around hard breaks, trims the ends, drops empty text. */
function tidyWhitespace(nodes: DocNode[]): DocNode[] {
  let isAfterSpace = true; // the start of a block counts as after a space
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      isAfterSpace = true;
      continue;
    }
    let text = node.text ?? "";
    if (isAfterSpace) text = text.replace(/^ +/, "");
    node.text = text;
    if (text.length > 0) isAfterSpace = text.endsWith(" ");
  }
  for (let index = nodes.length - 1, isBeforeBreak = true; index >= 0; index -= 1) {
    const node = nodes[index] as DocNode;
    if (node.type === "hardBreak") {
      isBeforeBreak = true;
      continue;
    }
    if (isBeforeBreak) node.text = (node.text ?? "").replace(/ +$/, "");
    if ((node.text ?? "").length > 0) isBeforeBreak = false;
  }
  return nodes.filter((node) => node.type !== "text" || (node.text ?? "").length > 0);
}

function tagOf(node: HtmlNode): string | undefined {
  return "attribs" in node ? node.name.toLowerCase() : undefined;
}
