import type { Viewer } from "@factmark/core";
import { formatRelativeTime } from "../../history/formatRelativeTime";
import { useNow } from "../../history/hooks/useNow";
import type { ClaimChangeNote } from "../hooks/useArticleEvents";
import "../live.css";

export interface ClaimLiveStatusProps {
  /** The others whose tabs are on this claim now. */
  lookers: readonly Viewer[];
  /** Someone else's latest change to the claim, to say so quietly (no dialog: nothing of the reviewer's was refused). */
  change?: ClaimChangeNote | undefined;
}

const names = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** "Ana Reviewer is looking at this", "Ana Reviewer and Bo Reviewer are looking at this". */
export function describeLookers(lookers: readonly Viewer[]): string {
  const list = names.format(lookers.map((viewer) => viewer.name));
  return `${list} ${lookers.length === 1 ? "is" : "are"} looking at this`;
}

/** On a claim card: who else is on the claim now, and who changed it while the reviewer had it open. */
export function ClaimLiveStatus({ lookers, change }: ClaimLiveStatusProps) {
  if (lookers.length === 0 && !change) return null;
  return (
    <div className="claim-live">
      {lookers.length > 0 && <p className="claim-live__lookers">{describeLookers(lookers)}</p>}
      {change && <ChangedBy change={change} />}
    </div>
  );
}

function ChangedBy({ change }: { change: ClaimChangeNote }) {
  // "just now" becomes "2 min ago" while the card stays open, so it stays true.
  const now = useNow(15_000);
  return (
    <p className="claim-live__changed" role="status">
      Changed by {change.by.name} {formatRelativeTime(change.at, now)}
    </p>
  );
}
