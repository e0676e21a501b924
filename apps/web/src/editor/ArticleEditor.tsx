import type { Claim, DocNode, Selectors, Verdict } from "@factmark/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { VerdictToolbar } from "../features/claims/components/VerdictToolbar";
import { AnnotationMode } from "./extensions/AnnotationMode";
import { articleSchemaExtensions } from "./extensions/articleSchema";
import { ClaimHighlights, setClaimHighlights } from "./extensions/ClaimHighlights";
import { selectionToSelectors } from "./selectionToSelectors";

export interface ArticleEditorProps {
  doc: DocNode;
  claims: readonly Claim[];
  selectedClaimId: string | null;
  emphasisedClaimIds: ReadonlySet<string>;
  onSelectClaim: (claimId: string) => void;
  onMarkClaim: (verdict: Verdict, selectors: Selectors) => void;
}

interface ToolbarPlace {
  top: number;
  left: number;
}

/**
 * The article in a Tiptap editor for annotating: the text is read-only but selectable,
 * claims are drawn as decorations, and a small toolbar by the selection gives it a verdict.
 */
export function ArticleEditor({
  doc,
  claims,
  selectedClaimId,
  emphasisedClaimIds,
  onSelectClaim,
  onMarkClaim,
}: ArticleEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [toolbarPlace, setToolbarPlace] = useState<ToolbarPlace | null>(null);
  // The extensions are made once; they reach the latest callbacks through these refs.
  const onSelectClaimRef = useRef(onSelectClaim);
  const markSelectionRef = useRef<(verdict: Verdict) => void>(() => {});
  onSelectClaimRef.current = onSelectClaim;

  const editor = useEditor({
    extensions: [
      ...articleSchemaExtensions,
      AnnotationMode.configure({ onVerdictKey: (verdict) => markSelectionRef.current(verdict) }),
      ClaimHighlights.configure({ onClaimClick: (claimId) => onSelectClaimRef.current(claimId) }),
    ],
    content: doc,
    immediatelyRender: true,
    // Our stylesheet carries ProseMirror's few rules, so the page needs no inline <style> (CSP).
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: "article-text",
        role: "textbox",
        "aria-multiline": "true",
        "aria-readonly": "true",
        "aria-label": "Article text. Select text, then press S, C or U to mark a claim.",
        spellcheck: "false",
      },
    },
    onSelectionUpdate: ({ editor: current }) => {
      const { from, to, empty } = current.state.selection;
      const container = containerRef.current;
      if (empty || !container) {
        setToolbarPlace(null);
        return;
      }
      const start = current.view.coordsAtPos(from);
      const end = current.view.coordsAtPos(to);
      const box = container.getBoundingClientRect();
      setToolbarPlace({ top: end.bottom - box.top + 6, left: Math.max(0, Math.min(start.left, end.left) - box.left) });
    },
    onBlur: ({ event }) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node && containerRef.current?.contains(next))) setToolbarPlace(null);
    },
  });

  markSelectionRef.current = (verdict) => {
    if (!editor) return;
    const selectors = selectionToSelectors(editor.state);
    if (!selectors) return;
    onMarkClaim(verdict, selectors);
    const { to } = editor.state.selection;
    editor.chain().setTextSelection(to).focus().run();
    setToolbarPlace(null);
  };

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setClaimHighlights(editor.state, { claims, selectedClaimId, emphasisedClaimIds }));
  }, [editor, claims, selectedClaimId, emphasisedClaimIds]);

  return (
    <div className="article-editor" ref={containerRef}>
      <EditorContent editor={editor} />
      {toolbarPlace && (
        <VerdictToolbar
          style={{ top: toolbarPlace.top, left: toolbarPlace.left }}
          onChoose={(verdict) => markSelectionRef.current(verdict)}
        />
      )}
    </div>
  );
}
