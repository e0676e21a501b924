import { type Claim, EVIDENCE_STANCE_LABELS, type Evidence, ZHttpUrl } from "@factmark/core";
import { useRef, useState } from "react";
import { InlineNotice } from "../../../components/InlineNotice";
import { ApiError } from "../../../lib/ApiError";
import { isPendingId } from "../../../lib/pendingId";
import { CreditLine } from "../../history/components/CreditLine";
import { evidenceSaveErrors } from "../evidenceErrors";
import { type EvidenceFieldErrors, evidenceFormValues, parseEvidenceUpdate } from "../evidenceFormValues";
import { useUpdateEvidenceMutation } from "../hooks/useUpdateEvidenceMutation";
import { EvidenceForm } from "./EvidenceForm";

export interface EvidenceItemProps {
  /** The claim the evidence bears on. */
  claim: Pick<Claim, "id" | "articleId">;
  evidence: Evidence;
  onRemove: (evidence: Evidence) => void;
  /** Whether the signed-in reviewer may edit or remove evidence; viewers see it read-only. */
  canEdit?: boolean;
  canRemove?: boolean;
}

/** One source of a claim: its link, stance and excerpt, with Edit (inline) and Remove. */
export function EvidenceItem({ claim, evidence, onRemove, canEdit = true, canRemove = true }: EvidenceItemProps) {
  const updateMutation = useUpdateEvidenceMutation(claim);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const [isEditing, setIsEditing] = useState(false);
  const [errors, setErrors] = useState<EvidenceFieldErrors>({});
  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const isPending = isPendingId(evidence.id);
  // The server accepts http(s) only; checking again here keeps any other scheme from becoming a link.
  const isLinkable = ZHttpUrl.safeParse(evidence.url).success;

  function closeEditor() {
    setIsEditing(false);
    setErrors({});
    // The edit button comes back on the next render; focus it then.
    requestAnimationFrame(() => editButtonRef.current?.focus());
  }

  function handleSave(values: Parameters<typeof parseEvidenceUpdate>[1]) {
    const parsed = parseEvidenceUpdate(evidence, values);
    if (!parsed.isValid) return setErrors(parsed.errors);
    if (parsed.data === null) return closeEditor();
    setErrors({});
    updateMutation.mutate(
      { evidence, change: parsed.data },
      {
        onSuccess: closeEditor,
        onError: (error) => {
          if (error instanceof ApiError && error.code === "PRECONDITION_FAILED") {
            // Their version is read again (the mutation settles); the reviewer sees it, not a stale form.
            setConflictMessage(evidenceSaveErrors(error).form ?? null);
            closeEditor();
            return;
          }
          setErrors(evidenceSaveErrors(error));
        },
      },
    );
  }

  const label = evidence.title ?? evidence.url;
  return (
    <li className={`evidence-item evidence-item--${evidence.stance}`}>
      {isEditing ? (
        <EvidenceForm
          legend="Edit evidence"
          initialValues={evidenceFormValues(evidence)}
          submitLabel="Save"
          isPending={updateMutation.isPending}
          errors={errors}
          onSubmit={handleSave}
          onCancel={closeEditor}
        />
      ) : (
        <>
          <div className="evidence-item__header">
            <span className={`stance-badge stance-badge--${evidence.stance}`}>
              {EVIDENCE_STANCE_LABELS[evidence.stance]}
            </span>{" "}
            {isLinkable ? (
              <a className="evidence-item__link" href={evidence.url} target="_blank" rel="noopener noreferrer">
                {label}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              <span className="evidence-item__link">{label}</span>
            )}
          </div>
          {evidence.excerpt && (
            <blockquote className="evidence-item__excerpt" cite={isLinkable ? evidence.url : undefined}>
              {evidence.excerpt}
            </blockquote>
          )}
          <CreditLine
            verb="Added by"
            account={evidence.createdBy}
            originalName={evidence.originalAuthorName}
            className="evidence-item__credit"
          />
          <div className="evidence-item__actions">
            {canEdit && (
              <button
                ref={editButtonRef}
                type="button"
                className="button button--quiet"
                disabled={isPending}
                onClick={() => {
                  setConflictMessage(null);
                  setIsEditing(true);
                }}
                aria-label={`Edit evidence “${label}”`}
              >
                Edit
              </button>
            )}
            {canRemove && (
              <button
                type="button"
                className="button button--quiet"
                disabled={isPending}
                onClick={() => onRemove(evidence)}
                aria-label={`Remove evidence “${label}”`}
              >
                Remove
              </button>
            )}
          </div>
        </>
      )}
      {conflictMessage && (
        <InlineNotice message={conflictMessage} tone="error" onDismiss={() => setConflictMessage(null)} />
      )}
    </li>
  );
}
