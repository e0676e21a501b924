import { escapeHtml } from "../report/escapeHtml";
import type { DocNode } from "../text/articleText";
import { inlineNodeText, isTextBlock, TEXT_BLOCK_SEPARATOR } from "../text/textBlocks";
import { type HighlightInput, type HighlightRun, highlightRuns } from "./highlightRuns";

/** About a long first screen of text (a 1400 × 900 window shows some 3,000 characters): what the preview draws. */
export const FIRST_SCREEN_CHARACTERS = 6_000;

/** The first blocks of a document, with where each text block starts in the article's text projection. */
export interface FirstBlocks {
  blocks: DocNode[];
  /** Their text: the start of the article's text projection (core's articleText), to the end of the last block. */
  text: string;
}

/**
 * The top-level blocks of `doc` that fill about `characters` of text: whole blocks, at least one. Cheap on any
 * document (it stops at the budget), so a 200,000-word article costs what a short one does.
 */
export function firstBlocks(doc: DocNode, characters = FIRST_SCREEN_CHARACTERS): FirstBlocks {
  const blocks: DocNode[] = [];
  let text = "";
  let textBlocks = 0;
  const collect = (node: DocNode) => {
    if (isTextBlock(node.type)) {
      if (textBlocks > 0) text += TEXT_BLOCK_SEPARATOR;
      textBlocks += 1;
      for (const child of node.content ?? []) text += inlineNodeText(child);
      return;
    }
    for (const child of node.content ?? []) collect(child);
  };
  for (const block of doc.content ?? []) {
    if (blocks.length > 0 && text.length >= characters) break;
    blocks.push(block);
    collect(block);
  }
  return { blocks, text };
}

/**
 * An article's first screen as HTML: the first blocks of `doc` (firstBlocks: whole blocks filling about
 * `characters` of text) with the claims of `highlights` drawn on them, in the elements and classes the editor
 * renders (Tiptap's `.tiptap.ProseMirror.article-text` in `.article-editor`) and the runs the editor draws
 * (highlightRuns: the same verdict underlines, titles, counts and labels for screen readers). Each text block
 * carries `data-text-start`, where it starts in the article's text. Every text and attribute is escaped; a link
 * keeps its href only when http(s). Read-only, not focusable, announced as loading (aria-busy). The server puts it
 * in an article's page and the web app's ArticlePreview draws it, so both are the same markup.
 */
export function renderArticlePreviewHtml(
  doc: DocNode,
  highlights: HighlightInput,
  characters = FIRST_SCREEN_CHARACTERS,
): string {
  const { blocks, text } = firstBlocks(doc, characters);
  const placed = [];
  for (const claim of highlights.claims) {
    const { start: from, end: to } = claim.selectors.position;
    if (!claim.isOrphaned && from < text.length && from < to) placed.push({ claim, from, to });
  }
  // Runs past the last block are cut there by the rendering; their text is what the first screen has.
  const runs = highlightRuns(placed, highlights, (from, to) => text.slice(from, to));
  const context: RenderContext = { offset: 0, textBlocks: 0, runs, runIndex: 0 };
  let html = "";
  for (const block of blocks) html += renderBlock(block, context);
  return (
    '<div class="article-editor" data-article-preview=""><div>' +
    '<div class="tiptap ProseMirror article-text" role="document" aria-busy="true" aria-label="Article text, loading." translate="no">' +
    `${html}</div></div></div>`
  );
}

interface RenderContext {
  /** Where the next inline text starts in the article's text projection. */
  offset: number;
  textBlocks: number;
  runs: readonly HighlightRun[];
  /** The first run that may still lie at or after `offset` (runs are in text order). */
  runIndex: number;
}

function renderBlock(node: DocNode, context: RenderContext): string {
  const children = () => (node.content ?? []).map((child) => renderBlock(child, context)).join("");
  switch (node.type) {
    case "paragraph": {
      const start = textBlockStart(context);
      return `<p dir="auto" data-text-start="${start}">${renderInline(node, context)}</p>`;
    }
    case "heading": {
      const level = Number(node.attrs?.level);
      const tag = `h${Number.isInteger(level) ? Math.min(4, Math.max(1, level)) : 1}`;
      const start = textBlockStart(context);
      return `<${tag} dir="auto" data-text-start="${start}">${renderInline(node, context)}</${tag}>`;
    }
    case "bulletList":
      return `<ul>${children()}</ul>`;
    case "orderedList": {
      const start = Number(node.attrs?.start ?? 1);
      return Number.isInteger(start) && start !== 1
        ? `<ol start="${start}">${children()}</ol>`
        : `<ol>${children()}</ol>`;
    }
    case "listItem":
      return `<li dir="auto">${children()}</li>`;
    case "blockquote":
      return `<blockquote>${children()}</blockquote>`;
    default:
      // A text block of another kind still counts in the text, as articleText counts it.
      if (!isTextBlock(node.type)) return `<div>${children()}</div>`;
      return `<div data-text-start="${textBlockStart(context)}">${renderInline(node, context)}</div>`;
  }
}

/** Where the next text block starts in the text: after the separator from the one before. */
function textBlockStart(context: RenderContext): number {
  return context.offset + (context.textBlocks > 0 ? TEXT_BLOCK_SEPARATOR.length : 0);
}

/** A text block's inline content, cut where highlight runs start and end, each piece in its marks. */
function renderInline(block: DocNode, context: RenderContext): string {
  context.offset = textBlockStart(context);
  context.textBlocks += 1;
  const inline = block.content ?? [];
  if (inline.length === 0) return '<br class="ProseMirror-trailingBreak">';
  let html = "";
  for (const child of inline) {
    if (child.type === "hardBreak") {
      html += "<br>";
      context.offset += inlineNodeText(child).length;
      continue;
    }
    const text = inlineNodeText(child);
    const start = context.offset;
    const end = start + text.length;
    let at = start;
    // The runs and run boundaries inside this text: plain text between them, a highlighted span for each.
    while (at < end) {
      while (context.runIndex < context.runs.length && (context.runs[context.runIndex] as HighlightRun).to <= at) {
        context.runIndex += 1;
      }
      const run = context.runs[context.runIndex];
      if (!run || run.from >= end) {
        html += withMarks(child, text.slice(at - start));
        at = end;
      } else if (run.from > at) {
        html += withMarks(child, text.slice(at - start, run.from - start));
        at = run.from;
      } else {
        const until = Math.min(run.to, end);
        if (at === run.from) html += screenReaderText(run.startLabel);
        let content = withMarks(child, text.slice(at - start, until - start));
        for (const layerClass of [...run.layerClasses].reverse()) {
          content = `<span class="${escapeHtml(layerClass)}">${content}</span>`;
        }
        html += `<span${attributesHtml(run.attributes)}>${content}</span>`;
        if (until === run.to && run.endLabel !== null) html += screenReaderText(run.endLabel);
        at = until;
      }
    }
    context.offset = end;
  }
  return html;
}

/** ` name="value"` for each attribute, `class` first; names are the run's own (fixed), values escaped. */
function attributesHtml(attributes: Record<string, string>): string {
  const { class: className, ...rest } = attributes;
  let html = ` class="${escapeHtml(className ?? "")}"`;
  for (const [name, value] of Object.entries(rest)) html += ` ${name}="${escapeHtml(value)}"`;
  return html;
}

function withMarks(node: DocNode, text: string): string {
  let content = escapeHtml(text);
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") content = `<strong>${content}</strong>`;
    else if (mark.type === "italic") content = `<em>${content}</em>`;
    else if (mark.type === "link") {
      const href =
        typeof mark.attrs?.href === "string" && /^https?:\/\//i.test(mark.attrs.href)
          ? ` href="${escapeHtml(mark.attrs.href)}"`
          : "";
      content = `<a${href} target="_blank" rel="noopener noreferrer nofollow">${content}</a>`;
    }
  }
  return `<span>${content}</span>`;
}

function screenReaderText(text: string): string {
  return `<span class="visually-hidden" dir="ltr"> ${escapeHtml(text)} </span>`;
}
