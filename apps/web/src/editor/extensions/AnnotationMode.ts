import { type Verdict, verdictForKey } from "@factmark/core";
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";

export interface AnnotationModeOptions {
  /** Called when the reviewer presses a verdict key (s/1, c/2, u/3) over a non-empty selection. */
  onVerdictKey: (verdict: Verdict) => void;
  /** Whether the reviewer is editing the text now: then the document may change and keys type. */
  isEditing: () => boolean;
}

export const annotationModeKey = new PluginKey("annotationMode");

/**
 * Read-only text that can still be selected by mouse and by keyboard (caret, Shift+arrows):
 * the editor stays focusable, but no transaction may change the document. Verdict keys over a
 * selection mark a claim. While `isEditing()` says so, it steps aside and the text is edited.
 */
export const AnnotationMode = Extension.create<AnnotationModeOptions>({
  name: "annotationMode",

  addOptions() {
    return { onVerdictKey: () => {}, isEditing: () => false };
  },

  addProseMirrorPlugins() {
    const { onVerdictKey, isEditing } = this.options;
    return [
      new Plugin({
        key: annotationModeKey,
        filterTransaction: (transaction) => isEditing() || !transaction.docChanged,
        props: {
          handleKeyDown(view, event) {
            if (isEditing() || event.ctrlKey || event.metaKey || event.altKey) return false;
            const verdict = verdictForKey(event.key);
            if (verdict) takeSelectionFromPage(view);
            if (verdict && !view.state.selection.empty) {
              onVerdictKey(verdict);
              // Marked here: the page's own shortcuts (the same key sets the selected claim's verdict) stay out.
              event.stopPropagation();
              return true;
            }
            // Let navigation keys through; swallow anything that would type.
            return (
              event.key.length === 1 || event.key === "Enter" || event.key === "Backspace" || event.key === "Delete"
            );
          },
          handleTextInput: () => !isEditing(),
          handlePaste: () => !isEditing(),
          handleDrop: () => !isEditing(),
        },
      }),
    ];
  },
});

/**
 * Brings the page's selection into the editor's state when the browser has not yet told the editor about it (its
 * `selectionchange` event comes a task later; a key pressed right after Shift+End would otherwise find nothing
 * selected). Does nothing when the page's selection is outside the text or already the editor's.
 */
function takeSelectionFromPage(view: EditorView) {
  const pageSelection = view.dom.ownerDocument.getSelection();
  if (!pageSelection) return;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = pageSelection;
  if (!anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return;
  let anchor: number;
  let head: number;
  try {
    anchor = view.posAtDOM(anchorNode, anchorOffset);
    head = view.posAtDOM(focusNode, focusOffset);
  } catch {
    return; // In something the document does not hold (a widget): the editor's own selection stands.
  }
  const { selection } = view.state;
  const size = view.state.doc.content.size;
  if (anchor < 0 || head < 0 || anchor > size || head > size) return;
  if (anchor === selection.anchor && head === selection.head) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
}
