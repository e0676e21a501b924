import { type Claim, ZRationale } from "@factmark/core";
import { useId, useState } from "react";
import { RationaleView } from "../../../components/RationaleView";

export interface RationaleFieldProps {
  claim: Claim;
  onSave: (rationale: string) => void;
}

/** Why the verdict: plain text with light formatting, shown formatted, edited as text. */
export function RationaleField({ claim, onSave }: RationaleFieldProps) {
  const id = useId();
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(claim.rationale);
  const [error, setError] = useState<string | null>(null);

  function handleSave() {
    const parsed = ZRationale.safeParse(draft);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "Not a valid rationale.");
      return;
    }
    setError(null);
    if (parsed.data !== claim.rationale) onSave(parsed.data);
    setIsEditing(false);
  }

  if (!isEditing) {
    return (
      <div className="field">
        <div className="field__heading">
          <span className="field__label">Rationale</span>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setDraft(claim.rationale);
              setIsEditing(true);
            }}
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
        id={`${id}-rationale`}
        rows={6}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-rationale-help${error ? ` ${id}-rationale-error` : ""}`}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") setIsEditing(false);
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) handleSave();
        }}
      />
      <p className="field__help" id={`${id}-rationale-help`}>
        Blank lines start paragraphs, lines starting “- ” make a list, and http(s) links become links.
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
        <button type="button" className="button" onClick={() => setIsEditing(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
