import type { DocNode } from "@factmark/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { firstBlocks, readPreviewSelection } from "../../../editor/ArticlePreview";
import { afterNextPaint } from "../../../lib/afterNextPaint";

/** How long the preview waits for the claims before the editor comes without them (they are drawn when in). */
const CLAIMS_WAIT_MS = 1_000;

export interface FirstScreenFirst {
  /** Show the preview of the first screen (ArticlePreview) in the editor's place. */
  isPreviewShown: boolean;
  /** Where the preview is drawn: the selection in it is carried over to the editor. */
  previewRef: React.RefObject<HTMLDivElement | null>;
  /** The words selected in the preview as the editor replaced it (text offsets), for the editor to select again. */
  carriedSelection: { start: number; end: number } | null;
}

/**
 * A long article's first screen before its editor: the preview is drawn and painted first (making the editor for
 * a long document takes a while, and nothing shows meanwhile), and the editor replaces it in a task after that
 * frame, once the claims are in (so it draws them in its first render; at most a second after it is made, in
 * case they are slow). A short article gets its editor at once.
 */
export function useFirstScreenFirst(doc: DocNode, areClaimsSettled: boolean): FirstScreenFirst {
  const isLong = useMemo(() => firstBlocks(doc).blocks.length < (doc.content?.length ?? 0), [doc]);
  const [isEditorShown, setIsEditorShown] = useState(!isLong);
  const previewRef = useRef<HTMLDivElement | null>(null);
  const [carriedSelection, setCarriedSelection] = useState<{ start: number; end: number } | null>(null);
  const [isWaitOver, setIsWaitOver] = useState(false);
  useEffect(() => {
    if (isEditorShown) return;
    // Claims slow to come do not keep the reviewer from the editor (and from marking) for long.
    const timer = setTimeout(() => setIsWaitOver(true), CLAIMS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [isEditorShown]);
  useEffect(() => {
    if (isEditorShown || !(areClaimsSettled || isWaitOver)) return;
    return afterNextPaint(() => {
      setCarriedSelection(readPreviewSelection(previewRef.current));
      setIsEditorShown(true);
    });
  }, [isEditorShown, areClaimsSettled, isWaitOver]);
  return { isPreviewShown: !isEditorShown, previewRef, carriedSelection };
}
