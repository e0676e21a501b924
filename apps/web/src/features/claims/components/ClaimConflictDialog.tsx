import { type Claim, type ClaimUpdate, VERDICT_LABELS } from "@factmark/core";
import { useEffect, useRef } from "react";
import type { ClaimConflict } from "../hooks/useClaimActions";

export interface ClaimConflictDialogProps {
  conflict: ClaimConflict;
  onResolve: (choice: "theirs" | "mine") => void;
}

const FIELDS = ["verdict", "speaker", "rationale"] as const;
const FIELD_LABELS: Record<(typeof FIELDS)[number], string> = {
  verdict: "Verdict",
  speaker: "Speaker",
  rationale: "Rationale",
};

function show(field: (typeof FIELDS)[number], value: Claim[typeof field] | ClaimUpdate[typeof field]): string {
  if (value === null || value === undefined || value === "") return "—";
  return field === "verdict" ? VERDICT_LABELS[value as Claim["verdict"]] : String(value);
}

/**
 * Someone else changed the claim before this reviewer's change arrived: shows their version beside
 * this reviewer's change, to keep theirs or apply this one on top. Escape keeps theirs.
 */
export function ClaimConflictDialog({ conflict, onResolve }: ClaimConflictDialogProps) {
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
                <td>{show(field, conflict.theirs[field])}</td>
                <td>{show(field, conflict.mine[field])}</td>
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
