import type { EditStatus } from "../hooks/useArticleEditing";

export interface EditBarProps {
  isEditing: boolean;
  isSaving: boolean;
  status: EditStatus | null;
  onStart: () => void;
  onSave: () => void;
  onCancel: () => void;
}

/** Switches the article between annotating and editing its text, and says how the last save went. */
export function EditBar({ isEditing, isSaving, status, onStart, onSave, onCancel }: EditBarProps) {
  return (
    <div className="edit-bar">
      <p className="edit-bar__status" role={status?.tone === "error" ? "alert" : "status"}>
        {status?.message ?? (isEditing ? "Editing the text: highlights follow your edits." : "")}
      </p>
      <div className="field__actions">
        {isEditing ? (
          <>
            <button type="button" className="button button--primary" onClick={onSave} disabled={isSaving}>
              {isSaving ? "Saving…" : "Save text"}
            </button>
            <button type="button" className="button" onClick={onCancel} disabled={isSaving}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={onStart}>
            Edit text
          </button>
        )}
      </div>
    </div>
  );
}
