import { changeEvent, type Link } from "@factmark/core";
import type { EventInput } from "../repositories/eventRepository";
import type { LinkEnd } from "../repositories/linkRepository";

/**
 * The history entries of a link being added or removed: one on each claim, naming the other
 * claim and its quote so a timeline reads without another request. `exceptClaimId` leaves out
 * the claim whose own entry says it otherwise (an undo).
 */
export function linkEvents(
  action: "link.added" | "link.removed",
  link: Link,
  ends: { fromClaim: LinkEnd; toClaim: LinkEnd },
  exceptClaimId?: string,
): EventInput[] {
  const pairs: [LinkEnd, LinkEnd][] = [
    [ends.fromClaim, ends.toClaim],
    [ends.toClaim, ends.fromClaim],
  ];
  const build = action === "link.added" ? changeEvent.linkAdded : changeEvent.linkRemoved;
  return pairs
    .filter(([claim]) => claim.id !== exceptClaimId)
    .map(([claim, other]) => ({ claimId: claim.id, ...build(link, other) }));
}
