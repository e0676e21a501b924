import { describeChangeEvent } from "../changeLog/describeChangeEvent";
import { parseChangeEvent, type ReadChangeEvent } from "../changeLog/parseChangeEvent";
import type { HistoryEvent } from "../schemas/event";

/**
 * A history row as the report words it: describeChangeEvent over the parsed row, so a report says
 * what the history panel says ("changed the verdict from Unverified to Contradicted", "restored the
 * verdict to Supported (undo of the change to Contradicted)"). `events`, the claim's other rows,
 * lets an undo written before undos carried values name what it put back.
 */
export function describeHistoryEvent(event: HistoryEvent, context: { events?: readonly HistoryEvent[] } = {}): string {
  const parsed = parseChangeEvent(event);
  // Only an undo looks into the log, and only for the row it reverted: parse that one, not them all.
  const reverted =
    parsed.action === "claim.undone"
      ? context.events?.find((candidate) => candidate.id === parsed.from.eventId)
      : undefined;
  const events: ReadChangeEvent[] = reverted ? [parseChangeEvent(reverted)] : [];
  return describeChangeEvent(parsed, { events });
}
