import { useEffect, useRef, useState } from "react";
import type { EditStatus } from "../hooks/useArticleEditing";

export interface EditBarProps {
  isEditing: boolean;
  isSaving: boolean;
  status: EditStatus | null;
  onStart: () => void;
  onSave: () => void;
  onCancel: () => void;
  /** How many claims are no longer in the text now: a save's report of them goes out of date when it changes. */
  orphanCount?: number;
}

/** What is true of the orphans now, once the last save's words about them no longer are. */
function describeOrphansNow(orphanCount: number): string {
  if (orphanCount === 0) return "";
  return orphanCount === 1
    ? "1 claim is no longer in the text: re-attach or delete it in the list beside it."
    : `${orphanCount} claims are no longer in the text: re-attach or delete them in the list beside it.`;
}

/**
 * Switches the article between annotating and editing its text, and says how the last save went. Leaving Edit
 * text mode from the bar (Cancel, Save) takes its buttons away: focus goes to the Edit text button in their place.
 */
export function EditBar({ isEditing, isSaving, status, onStart, onSave, onCancel, orphanCount = 0 }: EditBarProps) {
  // The orphans counted when the status came: a re-attach (or a delete) since makes its words old.
  const [countedFor, setCountedFor] = useState({ status, orphanCount });
  if (countedFor.status !== status) setCountedFor({ status, orphanCount });
  const isOutOfDate = status !== null && countedFor.status === status && countedFor.orphanCount !== orphanCount;
  const message = isOutOfDate ? describeOrphansNow(orphanCount) : status?.message;
  const startButtonRef = useRef<HTMLButtonElement>(null);
  // Whether focus was last on one of the bar's buttons (a removed button fires no blur, so this outlives it).
  const hadFocusRef = useRef(false);
  useEffect(() => {
    const active = document.activeElement;
    const isFocusLost = active === null || active === document.body;
    if (!isEditing && hadFocusRef.current && isFocusLost) startButtonRef.current?.focus();
  }, [isEditing]);
  // On the bar's buttons' focus and blur: a removed button fires no blur, so this outlives it.
  const focusProps = {
    onFocus: () => {
      hadFocusRef.current = true;
    },
    onBlur: () => {
      hadFocusRef.current = false;
    },
  };
  return (
    <div className="edit-bar">
      <p className="edit-bar__status" role={status?.tone === "error" ? "alert" : "status"}>
        {message || (isEditing ? "Editing the text: highlights follow your edits." : "")}
      </p>
      <div className="field__actions">
        {isEditing ? (
          <>
            <button
              type="button"
              className="button button--primary"
              onClick={onSave}
              disabled={isSaving}
              {...focusProps}
            >
              {isSaving ? "Saving…" : "Save text"}
            </button>
            <button type="button" className="button" onClick={onCancel} disabled={isSaving} {...focusProps}>
              Cancel
            </button>
          </>
        ) : (
          <button ref={startButtonRef} type="button" className="button" onClick={onStart}>
            Edit text
          </button>
        )}
      </div>
    </div>
  );
}
