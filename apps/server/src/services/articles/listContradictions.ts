import { AppError, type Contradiction, compareClaimsInDocumentOrder } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listLinksWithClaims } from "../../repositories/linkRepository";

/**
 * Every visible "contradicts" link of an article with both claims in full, for the side-by-side
 * view; pairs in the document order of their first claim.
 */
export async function listContradictions(db: Db, articleId: string): Promise<Contradiction[]> {
  const contradictions = await listLinksWithClaims(db, articleId, "contradicts");
  if (!contradictions) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const firstOf = (pair: Contradiction) =>
    compareClaimsInDocumentOrder(pair.fromClaim, pair.toClaim) <= 0 ? pair.fromClaim : pair.toClaim;
  return contradictions.sort((left, right) => compareClaimsInDocumentOrder(firstOf(left), firstOf(right)));
}
