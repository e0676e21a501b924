import type { Selectors } from "@factmark/core";

/** What a claim's history records about its anchor: where it was, and where it is now. */
export function anchorOf(selectors: Selectors) {
  return { start: selectors.position.start, end: selectors.position.end, exact: selectors.quote.exact };
}
