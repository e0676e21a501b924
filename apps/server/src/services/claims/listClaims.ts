import { AppError, type ClaimList } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listClaimsOfArticle } from "../../repositories/claimRepository";

/** The live claims of an article in document order, or with `since` what changed after that cursor. */
export async function listClaims(db: Db, articleId: string, since?: number): Promise<ClaimList> {
  const claims = await listClaimsOfArticle(db, articleId, since);
  if (!claims) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return claims;
}
