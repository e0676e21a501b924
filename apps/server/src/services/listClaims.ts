import { AppError, type Claim } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { listClaimsOfArticle } from "../repositories/claimRepository";

/** The live claims of an article in document order. */
export async function listClaims(db: Db, articleId: string): Promise<Claim[]> {
  const claims = await listClaimsOfArticle(db, articleId);
  if (!claims) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return claims;
}
