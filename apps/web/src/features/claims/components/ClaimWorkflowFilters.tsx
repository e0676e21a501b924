import { type Actor, CLAIM_STATUS_LABELS, CLAIM_STATUSES, type Claim, type ClaimStatus } from "@factmark/core";
import { useId, useMemo } from "react";
import "../../workflow/workflow.css";

/** The assignee filter's values besides a person's id: the signed-in account's claims, and nobody's. */
export const MINE = "\u0000mine";
export const UNASSIGNED = "\u0000unassigned";

/** Whether a claim passes the assignee filter (null: everyone's). */
export function matchesAssigneeFilter(
  claim: Pick<Claim, "assignee">,
  filter: string | null,
  myId: string | null,
): boolean {
  if (filter === null) return true;
  if (filter === UNASSIGNED) return claim.assignee === null;
  if (filter === MINE) return myId !== null && claim.assignee?.id === myId;
  return claim.assignee?.id === filter;
}

export interface ClaimWorkflowFiltersProps {
  claims: readonly Claim[];
  /** The signed-in account, whose claims "Mine" shows. */
  myId: string | null;
  status: ClaimStatus | null;
  assignee: string | null;
  onStatusChange: (status: ClaimStatus | null) => void;
  onAssigneeChange: (assignee: string | null) => void;
}

/** Filters by status and by assignee ("Mine", "Unassigned", or a person), each choice with its count of claims. */
export function ClaimWorkflowFilters({
  claims,
  myId,
  status,
  assignee,
  onStatusChange,
  onAssigneeChange,
}: ClaimWorkflowFiltersProps) {
  const statusId = useId();
  const assigneeId = useId();
  const { statusCounts, people, assigneeCounts } = useMemo(() => countClaims(claims, myId), [claims, myId]);
  return (
    <div className="workflow-filters">
      <div className="workflow-filter">
        <label htmlFor={statusId}>Status</label>
        <select
          id={statusId}
          value={status ?? ""}
          onChange={(event) => onStatusChange(event.target.value === "" ? null : (event.target.value as ClaimStatus))}
        >
          <option value="">All statuses ({claims.length})</option>
          {CLAIM_STATUSES.map((value) => (
            <option key={value} value={value}>
              {CLAIM_STATUS_LABELS[value]} ({statusCounts.get(value) ?? 0})
            </option>
          ))}
        </select>
      </div>
      <div className="workflow-filter">
        <label htmlFor={assigneeId}>Assignee</label>
        <select
          id={assigneeId}
          value={assignee ?? ""}
          onChange={(event) => onAssigneeChange(event.target.value === "" ? null : event.target.value)}
        >
          <option value="">Everyone ({claims.length})</option>
          {myId !== null && <option value={MINE}>Mine ({assigneeCounts.get(myId) ?? 0})</option>}
          <option value={UNASSIGNED}>Unassigned ({assigneeCounts.get(null) ?? 0})</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({assigneeCounts.get(person.id) ?? 0})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Claims per status and per assignee (null: unassigned), and the people assigned some, by name. */
function countClaims(claims: readonly Claim[], myId: string | null) {
  const statusCounts = new Map<ClaimStatus, number>();
  const assigneeCounts = new Map<string | null, number>();
  const peopleById = new Map<string, Actor>();
  for (const claim of claims) {
    statusCounts.set(claim.status, (statusCounts.get(claim.status) ?? 0) + 1);
    const id = claim.assignee?.id ?? null;
    assigneeCounts.set(id, (assigneeCounts.get(id) ?? 0) + 1);
    // The signed-in account is "Mine".
    if (claim.assignee && claim.assignee.id !== myId) peopleById.set(claim.assignee.id, claim.assignee);
  }
  const people = [...peopleById.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { statusCounts, people, assigneeCounts };
}
