import type { HistoryEvent, Verdict } from "@factmark/core";
import type { DbClient } from "../repositories/articleRepository";
import { listClaimEventsBy } from "../repositories/eventRepository";

/** The entries that can give a claim its verdict. */
const VERDICT_SETTING_ACTIONS = ["claim.created", "claim.imported", "claim.verdict_changed", "claim.undone"] as const;

/**
 * Whether `actorId` ever gave the claim the verdict it has now: by marking or importing it with that verdict, by
 * changing it to that verdict, or by an undo that put it back. Nobody approves such a verdict, even when someone
 * else's later undo restored it and so became the claim's last setter (`verdictSetBy`).
 */
export async function hasSetVerdict(
  db: DbClient,
  claimId: string,
  actorId: string,
  verdict: Verdict,
): Promise<boolean> {
  const events = await listClaimEventsBy(db, claimId, actorId, VERDICT_SETTING_ACTIONS);
  return events.some((event) => verdictSetBy(event) === verdict);
}

function verdictSetBy(event: HistoryEvent): Verdict | null {
  switch (event.action) {
    case "claim.created":
    case "claim.imported":
      return event.to.verdict;
    case "claim.verdict_changed":
      return event.to;
    case "claim.undone":
      return event.from.action === "claim.verdict_changed" && event.from.from !== undefined ? event.from.from : null;
    default:
      return null;
  }
}
