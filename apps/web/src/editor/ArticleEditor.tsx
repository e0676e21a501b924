import type { Claim, DocNode, Selectors, Verdict } from "@factmark/core";
import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import {
  type CSSProperties,
  type ReactNode,
  type Ref,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { ClaimChooser } from "./ClaimChooser";
import { AnnotationMode } from "./extensions/AnnotationMode";
import { AutoTextDirection } from "./extensions/AutoTextDirection";
import { articleSchemaExtensions } from "./extensions/articleSchema";
import { ClaimHighlights, type HighlightPlace, setClaimHighlights } from "./extensions/ClaimHighlights";
import { selectionToSelectors } from "./selectionToSelectors";
import { buildTextIndex, textOffsetToPos } from "./textIndex";

/** What the toolbar by a selection is given: where it goes, and how to mark the selection with a verdict. */
export interface SelectionToolbarProps {
  style: CSSProperties;
  onChoose: (verdict: Verdict) => void;
  /** The reviewer may not mark claims: the toolbar says so instead of offering verdicts. */
  isReadOnly: boolean;
  /** How many times a read-only reviewer pressed a verdict key on this selection: the notice answers each. */
  refusedCount: number;
}

/** What the page may ask of the editor. */
export interface ArticleEditorHandle {
  /**
   * Scrolls the claim's first highlighted words to the middle of the screen (smoothly when near, unless `isInstant`);
   * answers false, scrolling nothing, when it is not drawn.
   */
  scrollToClaim: (claimId: string, options?: { isInstant?: boolean }) => boolean;
  /** Puts the keyboard focus in the text, at the selected claim's words when one is drawn (else where it was). */
  focusText: (claimId: string | null) => void;
}

export interface ArticleEditorProps {
  ref?: Ref<ArticleEditorHandle>;
  doc: DocNode;
  claims: readonly Claim[];
  selectedClaimId: string | null;
  emphasisedClaimIds: ReadonlySet<string>;
  /** Editing the text itself, rather than annotating it. */
  isEditing?: boolean;
  onSelectClaim: (claimId: string) => void;
  onMarkClaim: (verdict: Verdict, selectors: Selectors) => void;
  /** The selection as selectors over the text, or null: re-attaching an orphan uses it. */
  onSelectionChange?: (selectors: Selectors | null) => void;
  /** Whether the signed-in reviewer may mark claims; a viewer's selection gets a read-only notice instead of verdicts. */
  canMark?: boolean;
  /** The editor, once made: saving an edit reads its document. */
  onEditorReady?: (editor: Editor | null) => void;
  /** The toolbar shown by a selection the reviewer may mark; the claims feature supplies it, the editor places it. */
  renderSelectionToolbar?: (toolbar: SelectionToolbarProps) => ReactNode;
  /** Words to select once the editor is made (offsets in the article's text): what was selected in the preview. */
  initialTextSelection?: { start: number; end: number } | null;
}

interface ToolbarPlace {
  top: number;
  left: number;
}

/** The chooser open over overlapping claims: which claims, and where (relative to the editor). */
interface ChooserState extends ToolbarPlace {
  claimIds: string[];
}

const LABEL_ANNOTATING = "Article text. Select text, then press S, C or U to mark a claim.";
const LABEL_EDITING = "Article text, being edited.";
/** The id of the article text's element: "Skip to the article text" leads there. */
export const ARTICLE_TEXT_ID = "article-text";
export const HIGHLIGHTS_DRAWN_MARK = "factmark:highlights-drawn";

/**
 * The article in a Tiptap editor. Annotating, the text is read-only but selectable, claims are
 * drawn as decorations, and a small toolbar by the selection gives it a verdict. Editing, the
 * text changes and the highlights follow it (their decorations map through each transaction).
 */
export function ArticleEditor({
  ref,
  doc,
  claims,
  selectedClaimId,
  emphasisedClaimIds,
  isEditing = false,
  onSelectClaim,
  onMarkClaim,
  onSelectionChange,
  onEditorReady,
  renderSelectionToolbar,
  canMark = true,
  initialTextSelection = null,
}: ArticleEditorProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [toolbarPlace, setToolbarPlace] = useState<ToolbarPlace | null>(null);
  const [chooser, setChooser] = useState<ChooserState | null>(null);
  const [refusedCount, setRefusedCount] = useState(0);
  const openChooserRef = useRef<(claimIds: string[], place: HighlightPlace) => void>(() => {});
  // The extensions are made once; they reach the latest callbacks and mode through these refs.
  const onSelectClaimRef = useRef(onSelectClaim);
  const onSelectionChangeRef = useRef(onSelectionChange);
  const isEditingRef = useRef(isEditing);
  const canMarkRef = useRef(canMark);
  canMarkRef.current = canMark;
  const markSelectionRef = useRef<(verdict: Verdict) => void>(() => {});
  onSelectClaimRef.current = onSelectClaim;
  onSelectionChangeRef.current = onSelectionChange;
  isEditingRef.current = isEditing;

  const editor = useEditor({
    extensions: [
      ...articleSchemaExtensions,
      AnnotationMode.configure({
        onVerdictKey: (verdict) => markSelectionRef.current(verdict),
        isEditing: () => isEditingRef.current,
      }),
      ClaimHighlights.configure({
        onClaimClick: (claimId) => onSelectClaimRef.current(claimId),
        onOverlapClick: (claimIds, place) => openChooserRef.current(claimIds, place),
        isEditing: () => isEditingRef.current,
        // Drawn with the text in its first render (the editor is made once: later claims come through the effect).
        initialInput: isEditing ? null : { claims, selectedClaimId, emphasisedClaimIds },
      }),
      AutoTextDirection,
    ],
    content: doc,
    immediatelyRender: true,
    // Our stylesheet carries ProseMirror's few rules, so the page needs no inline <style> (CSP).
    injectCSS: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: "article-text",
        // The skip link's and `g t`'s target.
        id: ARTICLE_TEXT_ID,
        role: "textbox",
        "aria-multiline": "true",
        "aria-readonly": "true",
        "aria-label": LABEL_ANNOTATING,
        spellcheck: "false",
      },
    },
    onSelectionUpdate: ({ editor: current }) => {
      const { from, to, empty } = current.state.selection;
      const container = containerRef.current;
      if (!isEditingRef.current) onSelectionChangeRef.current?.(empty ? null : selectionToSelectors(current.state));
      setRefusedCount(0);
      if (empty || !container || isEditingRef.current) {
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
    if (!canMark) {
      // A viewer's key gets an answer: the notice by the selection says why nothing was marked.
      setRefusedCount((count) => count + 1);
      return;
    }
    const selectors = selectionToSelectors(editor.state);
    if (!selectors) return;
    onMarkClaim(verdict, selectors);
    const { to } = editor.state.selection;
    editor.chain().setTextSelection(to).focus().run();
    setToolbarPlace(null);
  };

  openChooserRef.current = (claimIds, place) => {
    const container = containerRef.current;
    if (!container) return;
    const box = container.getBoundingClientRect();
    setToolbarPlace(null);
    // Kept inside the text's column: the chooser is about 20rem wide.
    const left = Math.max(0, Math.min(place.left - box.left, box.width - 320));
    setChooser({ claimIds, top: place.bottom - box.top + 6, left });
  };

  const closeChooser = (chosenClaimId: string | null, returnFocus: boolean) => {
    setChooser(null);
    if (chosenClaimId) onSelectClaim(chosenClaimId);
    // Back to the text, where the reviewer was (unless they clicked somewhere else).
    if (returnFocus && editor && !editor.isDestroyed) editor.view.focus();
  };
  const chooserClaims = chooser ? claims.filter((claim) => chooser.claimIds.includes(claim.id)) : [];

  useImperativeHandle(
    ref,
    () => ({
      scrollToClaim: (claimId, options) =>
        editor !== null && !editor.isDestroyed && editor.commands.scrollClaimIntoView(claimId, options),
      focusText: (claimId) => {
        if (!editor || editor.isDestroyed) return;
        const from = claimId ? claimStartPos(editor, claims, claimId) : null;
        if (from === null) editor.commands.focus();
        else editor.chain().setTextSelection(from).focus().run();
      },
    }),
    [editor, claims],
  );

  useEffect(() => {
    onEditorReady?.(editor);
    return () => onEditorReady?.(null);
  }, [editor, onEditorReady]);

  // The words the reviewer had selected in the preview stay selected, now in the editor (once, as it is made).
  const initialTextSelectionRef = useRef(initialTextSelection);
  useEffect(() => {
    const words = initialTextSelectionRef.current;
    initialTextSelectionRef.current = null;
    if (!editor || editor.isDestroyed || !words) return;
    const index = buildTextIndex(editor.state.doc);
    const from = textOffsetToPos(index, words.start, "start");
    const to = textOffsetToPos(index, words.end, "end");
    if (from < to) editor.chain().setTextSelection({ from, to }).focus(undefined, { scrollIntoView: false }).run();
  }, [editor]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dom.setAttribute("aria-readonly", String(!isEditing));
    editor.view.dom.setAttribute("aria-label", isEditing ? LABEL_EDITING : LABEL_ANNOTATING);
    editor.view.dom.setAttribute("spellcheck", String(isEditing));
    if (isEditing) {
      setToolbarPlace(null);
      setChooser(null);
    }
  }, [editor, isEditing]);

  const hasDrawnClaimsRef = useRef(false);
  // A layout effect: the highlights change in the same frame as the sidebar, not one frame later.
  useLayoutEffect(() => {
    // While the text is edited, claims' offsets describe the saved text: the highlights are
    // mapped through the edits instead of drawn again from them.
    if (!editor || editor.isDestroyed || isEditing) return;
    editor.view.dispatch(setClaimHighlights(editor.state, { claims, selectedClaimId, emphasisedClaimIds }));
    if (!hasDrawnClaimsRef.current && claims.length > 0) {
      hasDrawnClaimsRef.current = true;
      // For benchmarks and the Performance panel: the first claims are in the editor's DOM.
      performance.mark(HIGHLIGHTS_DRAWN_MARK);
    }
  }, [editor, claims, selectedClaimId, emphasisedClaimIds, isEditing]);

  return (
    <div className={`article-editor${isEditing ? " article-editor--editing" : ""}`} ref={containerRef}>
      <EditorContent editor={editor} />
      {toolbarPlace &&
        !isEditing &&
        renderSelectionToolbar?.({
          style: { top: toolbarPlace.top, left: toolbarPlace.left },
          onChoose: (verdict) => markSelectionRef.current(verdict),
          isReadOnly: !canMark,
          refusedCount,
        })}
      {chooser && chooserClaims.length > 0 && (
        <ClaimChooser
          claims={chooserClaims}
          style={{ top: chooser.top, left: chooser.left }}
          onChoose={(claimId) => closeChooser(claimId, true)}
          onClose={({ returnFocus }) => closeChooser(null, returnFocus)}
        />
      )}
    </div>
  );
}

/** Where a claim's words start in the editor, or null when the claim is not in it. */
function claimStartPos(editor: Editor, claims: readonly Claim[], claimId: string): number | null {
  const claim = claims.find((candidate) => candidate.id === claimId);
  if (!claim) return null;
  return textOffsetToPos(buildTextIndex(editor.state.doc), claim.selectors.position.start, "start");
}
