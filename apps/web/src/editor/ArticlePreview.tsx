import { type DocNode, inlineNodeText, isTextBlock, TEXT_BLOCK_SEPARATOR } from "@factmark/core";
import { type ReactNode, useMemo } from "react";
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

export interface ArticlePreviewProps {
  doc: DocNode;
  /** What the editor will draw: the same claims, selection and emphasis, so the preview looks as it will. */
  highlights: HighlightInput;
}

/**
 * The article's first screen, drawn at once from the document and the claims while the editor is being made (a
 * long article's editor takes a while): the same elements and classes the editor renders, the highlights drawn by
 * the same runs (highlightRuns) in the same verdict colours and underlines, with the same labels for screen
 * readers. It is read-only and not focusable; the workspace replaces it with the editor once that is made, keeping
 * any words selected in it (readPreviewSelection).
 */
export function ArticlePreview({ doc, highlights }: ArticlePreviewProps) {
  const { blocks, text } = useMemo(() => firstBlocks(doc), [doc]);
  const runs = useMemo(() => {
    const placed = highlights.claims
      .filter((claim) => !claim.isOrphaned && claim.selectors.position.start < text.length)
      .map((claim) => ({ claim, from: claim.selectors.position.start, to: claim.selectors.position.end }))
      .filter((claim) => claim.from < claim.to);
    // Runs past the preview's last block are cut there by the rendering; their text is what the preview has.
    return highlightRuns(placed, highlights, (from, to) => text.slice(from, to));
  }, [highlights, text]);
  const context: RenderContext = { offset: 0, textBlocks: 0, runs, runIndex: 0 };
  return (
    <div className="article-editor" data-article-preview="">
      <div>
        <div
          className="tiptap ProseMirror article-text"
          role="document"
          aria-busy="true"
          aria-label="Article text, loading."
          translate="no"
        >
          {blocks.map((block, index) => renderBlock(block, `${index}`, context))}
        </div>
      </div>
    </div>
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

function renderBlock(node: DocNode, key: string, context: RenderContext): ReactNode {
  const children = () => (node.content ?? []).map((child, index) => renderBlock(child, `${key}.${index}`, context));
  switch (node.type) {
    case "paragraph": {
      const start = textBlockStart(context);
      return (
        <p key={key} dir="auto" data-text-start={start}>
          {renderInline(node, context)}
        </p>
      );
    }
    case "heading": {
      const level = Math.min(4, Math.max(1, Number(node.attrs?.level ?? 1)));
      const Tag = `h${level}` as "h1";
      const start = textBlockStart(context);
      return (
        <Tag key={key} dir="auto" data-text-start={start}>
          {renderInline(node, context)}
        </Tag>
      );
    }
    case "bulletList":
      return <ul key={key}>{children()}</ul>;
    case "orderedList": {
      const start = Number(node.attrs?.start ?? 1);
      return (
        <ol key={key} start={start === 1 ? undefined : start}>
          {children()}
        </ol>
      );
    }
    case "listItem":
      return (
        <li key={key} dir="auto">
          {children()}
        </li>
      );
    case "blockquote":
      return <blockquote key={key}>{children()}</blockquote>;
    default:
      // A text block of another kind still counts in the text, as articleText counts it.
      if (!isTextBlock(node.type)) return <div key={key}>{children()}</div>;
      return (
        <div key={key} data-text-start={textBlockStart(context)}>
          {renderInline(node, context)}
        </div>
      );
  }
}

/** Where the next text block starts in the text: after the separator from the one before. */
function textBlockStart(context: RenderContext): number {
  return context.offset + (context.textBlocks > 0 ? TEXT_BLOCK_SEPARATOR.length : 0);
}

/** A text block's inline content, cut where highlight runs start and end, each piece in its marks. */
function renderInline(block: DocNode, context: RenderContext): ReactNode[] {
  context.offset = textBlockStart(context);
  context.textBlocks += 1;
  const pieces: ReactNode[] = [];
  const inline = block.content ?? [];
  if (inline.length === 0) return [<br key="empty" className="ProseMirror-trailingBreak" />];
  for (const child of inline) {
    if (child.type === "hardBreak") {
      pieces.push(<br key={`b${context.offset}`} />);
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
      const key = `t${at}`;
      if (!run || run.from >= end) {
        pieces.push(withMarks(child, text.slice(at - start), key));
        at = end;
      } else if (run.from > at) {
        pieces.push(withMarks(child, text.slice(at - start, run.from - start), key));
        at = run.from;
      } else {
        const until = Math.min(run.to, end);
        if (at === run.from) pieces.push(<ScreenReaderText key={`${key}s`} text={run.startLabel} />);
        let content: ReactNode = withMarks(child, text.slice(at - start, until - start), `${key}t`);
        for (const layerClass of [...run.layerClasses].reverse())
          content = <span className={layerClass}>{content}</span>;
        pieces.push(
          <span key={key} {...htmlAttributes(run.attributes)}>
            {content}
          </span>,
        );
        if (until === run.to && run.endLabel !== null) {
          pieces.push(<ScreenReaderText key={`${key}e`} text={run.endLabel} />);
        }
        at = until;
      }
    }
    context.offset = end;
  }
  return pieces;
}

/** A run's attributes as React props (`class` is `className`). */
function htmlAttributes(attributes: Record<string, string>): Record<string, string> {
  const { class: className, ...rest } = attributes;
  return { className: className ?? "", ...rest };
}

function withMarks(node: DocNode, text: string, key: string): ReactNode {
  let content: ReactNode = text;
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") content = <strong>{content}</strong>;
    else if (mark.type === "italic") content = <em>{content}</em>;
    else if (mark.type === "link") {
      const href =
        typeof mark.attrs?.href === "string" && /^https?:\/\//i.test(mark.attrs.href) ? mark.attrs.href : undefined;
      content = (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {content}
        </a>
      );
    }
  }
  return <span key={key}>{content}</span>;
}

function ScreenReaderText({ text }: { text: string }) {
  return (
    <span className="visually-hidden" dir="ltr">
      {` ${text} `}
    </span>
  );
}

/**
 * The words selected in the preview under `root`, as offsets in the article's text, or null when nothing (or
 * nothing of the preview) is selected: the editor that replaces the preview selects them again.
 */
export function readPreviewSelection(root: Element | null): { start: number; end: number } | null {
  const selection = root?.ownerDocument.getSelection();
  if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = textOffsetAt(root, range.startContainer, range.startOffset);
  const end = textOffsetAt(root, range.endContainer, range.endOffset);
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/** The text offset of a DOM point inside one of the preview's text blocks; null outside them. */
function textOffsetAt(root: Element, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>("[data-text-start]");
  if (!block || !root.contains(block)) return null;
  // The point as a range from the block's start: the article text before it, less the screen readers' labels.
  const before = block.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  let length = 0;
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (!before.intersectsNode(current)) continue;
    if (current instanceof Element) {
      if (current.tagName === "BR" && !current.classList.contains("ProseMirror-trailingBreak")) length += 1;
      continue;
    }
    if (current.parentElement?.closest(".visually-hidden")) continue;
    const text = current as Text;
    if (text === node) length += offset;
    else if (before.comparePoint(text, text.length) <= 0) length += text.length;
  }
  return Number(block.dataset.textStart) + length;
}
