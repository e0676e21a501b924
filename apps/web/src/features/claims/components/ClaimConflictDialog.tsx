import { type Actor, CLAIM_STATUS_LABELS, type Claim, type ClaimUpdate, VERDICT_LABELS } from "@factmark/core";
import { useEffect, useRef } from "react";
import type { ClaimConflict } from "../hooks/useClaimActions";

export interface ClaimConflictDialogProps {
  conflict: ClaimConflict;
  onResolve: (choice: "theirs" | "mine") => void;
  /** The people a claim can be assigned to, to name the assignee of this reviewer's change. */
  assignees?: readonly Actor[];
}

const FIELDS = ["verdict", "speaker", "rationale", "status", "assigneeId"] as const;
type Field = (typeof FIELDS)[number];
const FIELD_LABELS: Record<Field, string> = {
  verdict: "Verdict",
  speaker: "Speaker",
  rationale: "Rationale",
  status: "Status",
  assigneeId: "Assignee",
};

function showText(value: string | null | undefined): string {
  return value === null || value === undefined || value === "" ? "—" : value;
}

/** A field of their version, as a reviewer reads it. */
function showTheirs(field: Field, claim: Claim): string {
  switch (field) {
    case "verdict":
      return VERDICT_LABELS[claim.verdict];
    case "status":
      return CLAIM_STATUS_LABELS[claim.status];
    case "assigneeId":
      return claim.assignee?.name ?? "Unassigned";
    default:
      return showText(claim[field]);
  }
}

/** A field of this reviewer's change, as they read it. */
function showMine(field: Field, change: ClaimUpdate, theirs: Claim, assignees: readonly Actor[]): string {
  switch (field) {
    case "verdict":
      return change.verdict ? VERDICT_LABELS[change.verdict] : "—";
    case "status":
      return change.status ? CLAIM_STATUS_LABELS[change.status] : "—";
    case "assigneeId": {
      if (change.assigneeId === null) return "Unassigned";
      const person =
        assignees.find((candidate) => candidate.id === change.assigneeId) ??
        (theirs.assignee?.id === change.assigneeId ? theirs.assignee : undefined);
      return person?.name ?? "Someone else";
    }
    default:
      return showText(change[field]);
  }
}

/**
 * Someone else changed the claim before this reviewer's change arrived: shows their version beside
 * this reviewer's change, to keep theirs or apply this one on top. Escape keeps theirs.
 */
export function ClaimConflictDialog({ conflict, onResolve, assignees = [] }: ClaimConflictDialogProps) {
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  const fields = FIELDS.filter((field) => conflict.mine[field] !== undefined);
  const who = conflict.changedBy ?? "Someone else";
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="claim-conflict-title"
        aria-describedby="claim-conflict-description"
        onKeyDown={(event) => {
          if (event.key === "Escape") onResolve("theirs");
        }}
      >
        <h2 id="claim-conflict-title">Changed by {who}</h2>
        <p id="claim-conflict-description">
          {who} changed “{conflict.theirs.selectors.quote.exact.slice(0, 80)}” while you were making your change.
          Nothing is lost: choose which version to keep.
        </p>
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Field</span>
              </th>
              <th scope="col">Their version</th>
              <th scope="col">Your change</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <th scope="row">{FIELD_LABELS[field]}</th>
                <td>{showTheirs(field, conflict.theirs)}</td>
                <td>{showMine(field, conflict.mine, conflict.theirs, assignees)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="field__actions">
          <button ref={keepRef} type="button" className="button" onClick={() => onResolve("theirs")}>
            Keep theirs
          </button>
          <button type="button" className="button button--primary" onClick={() => onResolve("mine")}>
            Apply mine on top
          </button>
        </div>
      </div>
    </div>
  );
}
