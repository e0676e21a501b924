import { type Claim, ZRationale } from "@factmark/core";
import { useEffect, useId, useRef, useState } from "react";
import { RationaleView } from "../../../components/RationaleView";

export interface RationaleFieldProps {
  claim: Claim;
  onSave: (rationale: string) => void;
  /** Raised (a new number) to open the field from elsewhere: the desk's `r` key. */
  openRequest?: number;
}

/** Why the verdict: plain text with light formatting, shown formatted, edited as text (focused as it opens). */
export function RationaleField({ claim, onSave, openRequest = 0 }: RationaleFieldProps) {
  const id = useId();
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(claim.rationale);
  const [error, setError] = useState<string | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  // Where focus goes when the field closes: back to its button, unless it was never in the field.
  const shouldRefocusRef = useRef(false);

  function open() {
    setDraft(claim.rationale);
    setError(null);
    setIsEditing(true);
  }

  function close() {
    shouldRefocusRef.current = textareaRef.current?.contains(document.activeElement) ?? false;
    setIsEditing(false);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new request opens the field
  useEffect(() => {
    if (openRequest > 0) open();
  }, [openRequest]);

  useEffect(() => {
    if (isEditing) {
      // The field opened: what the reviewer types goes into it.
      textareaRef.current?.focus();
    } else if (shouldRefocusRef.current) {
      shouldRefocusRef.current = false;
      openButtonRef.current?.focus();
    }
  }, [isEditing]);

  function handleSave() {
    const parsed = ZRationale.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Not a valid rationale.");
      return;
    }
    setError(null);
    if (parsed.data !== claim.rationale) onSave(parsed.data);
    shouldRefocusRef.current = true;
    setIsEditing(false);
  }

  if (!isEditing) {
    return (
      <div className="field">
        <div className="field__heading">
          <span className="field__label">Rationale</span>
          <button
            ref={openButtonRef}
            type="button"
            className="button button--small"
            aria-keyshortcuts="r"
            onClick={open}
          >
            {claim.rationale ? "Edit" : "Write"} rationale
          </button>
        </div>
        {claim.rationale ? <RationaleView text={claim.rationale} /> : <p className="empty-state">No rationale yet.</p>}
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={`${id}-rationale`}>Rationale</label>
      <textarea
        ref={textareaRef}
        id={`${id}-rationale`}
        rows={6}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-rationale-help${error ? ` ${id}-rationale-error` : ""}`}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            // Closing the field is this Escape's whole step back.
            event.stopPropagation();
            close();
          }
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) handleSave();
        }}
      />
      <p className="field__help" id={`${id}-rationale-help`}>
        Blank lines start paragraphs, lines starting “- ” make a list, and http(s) links become links. Ctrl+Enter saves.
      </p>
      {error && (
        <p className="field__error" id={`${id}-rationale-error`}>
          {error}
        </p>
      )}
      <div className="field__actions">
        <button type="button" className="button button--primary" onClick={handleSave}>
          Save rationale
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            shouldRefocusRef.current = true;
            setIsEditing(false);
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
