import { type Actor, AppError, anchor, type Claim, type ClaimCreate, DEFAULT_VERDICT } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { findArticleText } from "../repositories/articleRepository";
import { insertClaim } from "../repositories/claimRepository";

/**
 * Places a new claim on an article. The selectors must fit the stored text exactly:
 * a position holding the quote, or a quote that occurs once (else UNPROCESSABLE, saying why).
 */
export async function createClaim(db: Db, actor: Actor, articleId: string, input: ClaimCreate): Promise<Claim> {
  const article = await findArticleText(db, articleId);
  if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const anchored = anchor(article.text, input.selectors);
  if (!anchored.ok) {
    const { ok: _ok, message, ...details } = anchored;
    throw new AppError("UNPROCESSABLE", message, details);
  }
  return insertClaim(
    db,
    {
      id: crypto.randomUUID(),
      articleId,
      selectors: anchored.selectors,
      verdict: input.verdict ?? DEFAULT_VERDICT,
      speaker: input.speaker ?? null,
      rationale: input.rationale ?? "",
    },
    actor,
  );
}
