import { AppError, findNearestMatch, type NearestMatchAnswer } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { requireClaim } from "../../domain/requireClaim";
import { findArticleText } from "../../repositories/articleRepository";

/**
 * For an orphaned claim, the words of its article now that come closest to its old quote, with what
 * differs (core's findNearestMatch), so the reviewer can attach it there in one click: the guard that
 * orphaned it refused them, so a person decides. `{match: null}` when nothing comes close;
 * CONFLICT when the claim is not orphaned.
 */
export async function findClaimNearestMatch(db: Db, id: string): Promise<NearestMatchAnswer> {
  const { isDeleted: _isDeleted, ...claim } = await requireClaim(db, id);
  if (!claim.isOrphaned) {
    throw new AppError("CONFLICT", "This claim is anchored in the text: only an orphan has a nearest match to offer.");
  }
  const article = await findArticleText(db, claim.articleId);
  if (!article) throw new AppError("NOT_FOUND", `No claim with id "${id}".`);
  const match = findNearestMatch(claim.selectors, article.text);
  return {
    match: match ? { selectors: match.selectors, quoteScore: match.quoteScore, differences: match.differences } : null,
  };
}
