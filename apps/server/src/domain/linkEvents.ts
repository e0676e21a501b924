import { changeEvent, type Link } from "@factmark/core";
import type { EventInput } from "../repositories/eventRepository";
import type { LinkEnd } from "../repositories/linkRepository";

/**
 * The history entries of a link being added or removed: one on each claim, naming the other
 * claim and its quote so a timeline reads without another request. `exceptClaimId` leaves out
 * the claim whose own entry says it otherwise (an undo); `fromSuggestion`: an added link's entries say the
 * reviewer linked a contradiction candidate.
 */
export function linkEvents(
  action: "link.added" | "link.removed",
  link: Link,
  ends: { fromClaim: LinkEnd; toClaim: LinkEnd },
  { exceptClaimId, fromSuggestion }: { exceptClaimId?: string; fromSuggestion?: boolean } = {},
): EventInput[] {
  const pairs: [LinkEnd, LinkEnd][] = [
    [ends.fromClaim, ends.toClaim],
    [ends.toClaim, ends.fromClaim],
  ];
  return pairs
    .filter(([claim]) => claim.id !== exceptClaimId)
    .map(([claim, other]) => ({
      claimId: claim.id,
      ...(action === "link.added"
        ? changeEvent.linkAdded(link, other, { fromSuggestion })
        : changeEvent.linkRemoved(link, other)),
    }));
}
