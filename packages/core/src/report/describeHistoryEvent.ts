import { describeChangeEvent } from "../changeLog/describeChangeEvent";
import { parseChangeEvent, type ReadChangeEvent } from "../changeLog/parseChangeEvent";
import type { Actor } from "../schemas/common";
import type { HistoryEvent } from "../schemas/event";

/**
 * The one way a person is named wherever something is credited (the API's readers, the report's "Reviewed by" and
 * history, the web app's timeline): the account's name, or, for something an import brought in, the name of who
 * originally did it with the importing account after it, "Ana Ruiz (imported by Sam Lee)". The original name comes
 * first because it is who did the work; the importer is named as the one who brought it in, never as its author.
 */
export function creditName(account: Pick<Actor, "name">, originalName?: string | null): string {
  if (originalName === undefined || originalName === null || originalName === account.name) return account.name;
  return `${originalName} (imported by ${account.name})`;
}

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
