import type { Claim, Link, LinkKind } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { createLink } from "../services/links/createLink";

/** Links two claims of one article through the service. */
export async function buildLink(
  db: Db,
  fromClaim: Pick<Claim, "id" | "articleId">,
  toClaim: Pick<Claim, "id">,
  kind: LinkKind = "contradicts",
  note?: string,
): Promise<Link> {
  return createLink(db, SEED_ADMIN, fromClaim.articleId, {
    fromClaimId: fromClaim.id,
    toClaimId: toClaim.id,
    kind,
    ...(note === undefined ? {} : { note }),
  });
}
