import type { Link } from "@factmark/core";

/** How a link reads from one of its claims: "contradicts" either way; "supports" or "supported by". */
export function linkKindWording(link: Pick<Link, "kind" | "fromClaimId">, claimId: string): string {
  if (link.kind === "contradicts") return "contradicts";
  return link.fromClaimId === claimId ? "supports" : "supported by";
}
