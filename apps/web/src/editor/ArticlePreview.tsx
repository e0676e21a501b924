import { type DocNode, renderArticlePreviewHtml } from "@factmark/core";
import { useMemo } from "react";
import { isPendingId } from "../lib/pendingId";
import type { HighlightInput } from "./highlightRuns";

export { FIRST_SCREEN_CHARACTERS, type FirstBlocks, firstBlocks } from "@factmark/core";

export interface ArticlePreviewProps {
  doc: DocNode;
  /** What the editor will draw: the same claims, selection and emphasis, so the preview looks as it will. */
  highlights: HighlightInput;
}

/**
 * The article's first screen, drawn at once from the document and the claims while the editor is being made (a
 * long article's editor takes a while): core's renderArticlePreviewHtml, the same markup the server puts in the
 * article's page, in the elements and classes the editor renders, with the editor's highlight runs (verdict
 * colours, underlines, labels for screen readers). It is read-only and not focusable; the workspace replaces it
 * with the editor once that is made, keeping any words selected in it (readPreviewSelection).
 */
export function ArticlePreview({ doc, highlights }: ArticlePreviewProps) {
  const { claims, selectedClaimId, emphasisedClaimIds } = highlights;
  const html = useMemo(
    () => renderArticlePreviewHtml(doc, { claims, selectedClaimId, emphasisedClaimIds, isPendingId }),
    [doc, claims, selectedClaimId, emphasisedClaimIds],
  );
  // The string escapes every text and attribute it holds (see renderArticlePreviewHtml).
  // biome-ignore lint/security/noDangerouslySetInnerHtml: core's renderer escapes all it writes.
  return <div className="article-preview" dangerouslySetInnerHTML={{ __html: html }} />;
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
