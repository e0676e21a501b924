import { type Claim, creditName, describeChangeEvent, type HistoryEvent } from "@factmark/core";

/**
 * One line of a claim's history as the timeline shows it: who (core's creditName: an imported entry names who
 * originally made the change, the importer after) and what. The entry an annotation import writes ("imported the
 * claim") is the importer's own act, so it names them, and then who wrote the annotation: "Sam Lee imported the claim
 * as Contradicted, originally by Ana Ruiz".
 */
export function describeHistoryEntry(
  event: HistoryEvent,
  claim: Pick<Claim, "originalAuthorName">,
  events: readonly HistoryEvent[],
): string {
  const line = `${creditName(event.by, event.originalActorName)} ${describeChangeEvent(event, { events })}`;
  const original = claim.originalAuthorName;
  const isImportOfAnother =
    event.action === "claim.imported" && !event.originalActorName && original && original !== event.by.name;
  return isImportOfAnother ? `${line}, originally by ${original}` : line;
}
