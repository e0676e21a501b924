import type { Claim, Evidence } from "@factmark/core";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { InlineNotice } from "../../../components/InlineNotice";
import { LoadErrorMessage, LoadingMessage } from "../../../components/QueryStateMessage";
import { focusFirstFound, useAfterNextPaint } from "../../../lib/afterNextPaint";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { evidenceRemoveErrorMessage, evidenceSaveErrors } from "../evidenceErrors";
import {
  EMPTY_EVIDENCE_VALUES,
  type EvidenceFieldErrors,
  type EvidenceFormValues,
  parseEvidenceCreate,
} from "../evidenceFormValues";
import { useCreateEvidenceMutation } from "../hooks/useCreateEvidenceMutation";
import { useDeleteEvidenceMutation, useRestoreEvidenceMutation } from "../hooks/useDeleteEvidenceMutation";
import { useEvidenceQuery } from "../hooks/useEvidenceQuery";
import { EvidenceForm } from "./EvidenceForm";
import { EvidenceItem } from "./EvidenceItem";

export interface EvidenceSectionProps {
  claim: Claim;
  /** Raised (a new number) to open the add form from elsewhere: the desk's `e` key. */
  addRequest?: number;
}

interface Notice {
  message: string;
  tone: "info" | "error";
  removed?: Evidence;
}

/** A claim's evidence: each source with Edit and Remove (with Undo), and a form to add one. */
export function EvidenceSection({ claim, addRequest = 0 }: EvidenceSectionProps) {
  const headingId = useId();
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const scheduleAfterPaint = useAfterNextPaint();
  const evidenceQuery = useEvidenceQuery(claim);
  const createMutation = useCreateEvidenceMutation(claim);
  const deleteMutation = useDeleteEvidenceMutation(claim);
  const restoreMutation = useRestoreEvidenceMutation(claim);
  const [isAdding, setIsAdding] = useState(false);
  const [addErrors, setAddErrors] = useState<EvidenceFieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);

  /** Values typed into the add form and left with Esc: it opens with them next time (Cancel drops them). */
  const [draft, setDraft] = useState<EvidenceFormValues | null>(null);

  function closeAddForm(values?: EvidenceFormValues) {
    const isTyped =
      values !== undefined &&
      (Object.keys(values) as (keyof EvidenceFormValues)[]).some(
        (field) => String(values[field]).trim() !== String(EMPTY_EVIDENCE_VALUES[field]).trim(),
      );
    setDraft(isTyped ? values : null);
    setIsAdding(false);
    setAddErrors({});
    // Back to the button the form replaced, unless focus went on somewhere meanwhile (a key, a click).
    scheduleAfterPaint(() => focusFirstFound([() => addButtonRef.current]));
  }

  function handleAdd(values: EvidenceFormValues) {
    const parsed = parseEvidenceCreate(values);
    if (!parsed.isValid) return setAddErrors(parsed.errors);
    setAddErrors({});
    createMutation.mutate(parsed.data, {
      onSuccess: () => {
        closeAddForm();
        setNotice({ message: "Evidence added.", tone: "info" });
      },
      onError: (error) => setAddErrors(evidenceSaveErrors(error)),
    });
  }

  const { can } = useCurrentUser();
  const canCreate = can("evidence.create");

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new request opens the form
  useEffect(() => {
    if (addRequest > 0 && canCreate) {
      setNotice(null);
      setIsAdding(true);
    }
  }, [addRequest]);

  function handleRemove(evidence: Evidence) {
    deleteMutation.mutate(evidence, {
      onSuccess: () => setNotice({ message: "Evidence removed.", tone: "info", removed: evidence }),
      onError: (error) => setNotice({ message: evidenceRemoveErrorMessage(error), tone: "error" }),
    });
  }

  function handleUndoRemove(evidence: Evidence) {
    setNotice(null);
    restoreMutation.mutate(evidence, {
      onSuccess: () => setNotice({ message: "Evidence restored.", tone: "info" }),
      onError: (error) => setNotice({ message: evidenceRemoveErrorMessage(error), tone: "error" }),
    });
  }

  let list: ReactNode;
  if (evidenceQuery.isPending) {
    list = <LoadingMessage what="evidence" />;
  } else if (evidenceQuery.isError) {
    list = <LoadErrorMessage what="evidence" onRetry={() => evidenceQuery.refetch()} />;
  } else if (evidenceQuery.data.length === 0) {
    list = (
      <p className="empty-state">
        No evidence yet. Add a source that supports, contradicts or gives context to this claim.
      </p>
    );
  } else {
    list = (
      <ul className="evidence__list">
        {evidenceQuery.data.map((evidence) => (
          <EvidenceItem
            key={evidence.id}
            claim={claim}
            evidence={evidence}
            onRemove={handleRemove}
            canEdit={can("evidence.edit")}
            canRemove={can("evidence.delete")}
          />
        ))}
      </ul>
    );
  }

  const removed = notice?.removed;
  return (
    <section className="evidence" aria-labelledby={headingId}>
      <h3 id={headingId} className="evidence__heading">
        Evidence
      </h3>
      {list}
      {notice && (
        <InlineNotice
          message={notice.message}
          tone={notice.tone}
          onUndo={removed ? () => handleUndoRemove(removed) : undefined}
          onDismiss={() => setNotice(null)}
        />
      )}
      {isAdding ? (
        <EvidenceForm
          legend="Add evidence"
          initialValues={draft ?? EMPTY_EVIDENCE_VALUES}
          submitLabel="Add evidence"
          isPending={createMutation.isPending}
          errors={addErrors}
          onSubmit={handleAdd}
          onCancel={closeAddForm}
        />
      ) : !canCreate ? null : (
        <button
          ref={addButtonRef}
          type="button"
          className="button evidence__add"
          aria-keyshortcuts="e"
          onClick={() => {
            setNotice(null);
            setIsAdding(true);
          }}
        >
          Add evidence
        </button>
      )}
      {!isAdding && draft && <span className="evidence__draft">Draft kept</span>}
    </section>
  );
}
