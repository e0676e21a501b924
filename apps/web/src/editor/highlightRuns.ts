import { highlightRuns as drawHighlightRuns, type HighlightInput, type PlacedClaim } from "@factmark/core";
import { isPendingId } from "../lib/pendingId";

export type { HighlightInput, HighlightRun, PlacedClaim } from "@factmark/core";

/**
 * Core's highlightRuns (the one drawing of highlights, shared with the first screen's HTML), with the claims
 * this page created and the server has not stored yet drawn as pending.
 */
export function highlightRuns(
  claims: readonly PlacedClaim[],
  input: HighlightInput,
  textOf: (from: number, to: number) => string,
) {
  return drawHighlightRuns(claims, { isPendingId, ...input }, textOf);
}
