import { AppError, anchor, type Claim, type ClaimCreate, DEFAULT_VERDICT, type Principal } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { timeOrderedId } from "../db/timeOrderedId";
import { authorize } from "../policy/authorize";
import { findArticleText } from "../repositories/articleRepository";
import { insertClaim } from "../repositories/claimRepository";

/**
 * Places a new claim on an article. The selectors must fit the stored text exactly:
 * a position holding the quote, or a quote that occurs once (else UNPROCESSABLE, saying why).
 */
export async function createClaim(db: Db, actor: Principal, articleId: string, input: ClaimCreate): Promise<Claim> {
  authorize(actor, "claim.create");
  const article = await findArticleText(db, articleId);
  if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const anchored = anchor(article.text, input.selectors);
  if (!anchored.ok) {
    const { ok: _ok, message, ...details } = anchored;
    throw new AppError("UNPROCESSABLE", message, details);
  }
  // A position inside a surrogate pair would store half an emoji, which no database keeps faithfully.
  if (!anchored.selectors.quote.exact.isWellFormed()) {
    throw new AppError("UNPROCESSABLE", "The selection starts or ends in the middle of a character.", {
      reason: "split_character",
    });
  }
  return insertClaim(
    db,
    {
      id: timeOrderedId(),
      articleId,
      selectors: anchored.selectors,
      verdict: input.verdict ?? DEFAULT_VERDICT,
      speaker: input.speaker ?? null,
      rationale: input.rationale ?? "",
    },
    actor,
  );
}
