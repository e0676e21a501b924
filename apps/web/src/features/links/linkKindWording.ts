import { LINK_KIND_LABELS, type Link } from "@factmark/core";

/**
 * How a link reads from one of its claims, in core's words (the reports say the same): "Contradicts" or "Supports"
 * from the claim it starts at, "Contradicted by" or "Supported by" from the other.
 */
export function linkKindWording(link: Pick<Link, "kind" | "fromClaimId">, claimId: string): string {
  const labels = LINK_KIND_LABELS[link.kind];
  return link.fromClaimId === claimId ? labels.outgoing : labels.incoming;
}
