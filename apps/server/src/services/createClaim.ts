import { AppError, type Claim, type ClaimCreate, DEFAULT_VERDICT, type Principal } from "@factmark/core";
import type { Db } from "../db/createDatabase";
import { timeOrderedId } from "../db/timeOrderedId";
import { authorize } from "../policy/authorize";
import { findArticleText } from "../repositories/articleRepository";
import { insertClaim } from "../repositories/claimRepository";
import { placeSelectors } from "./placeSelectors";

/**
 * Places a new claim on an article. The selectors must fit the stored text exactly:
 * a position holding the quote, or a quote that occurs once (else UNPROCESSABLE, saying why).
 */
export async function createClaim(db: Db, actor: Principal, articleId: string, input: ClaimCreate): Promise<Claim> {
  authorize(actor, "claim.create");
  const article = await findArticleText(db, articleId);
  if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const selectors = placeSelectors(article.text, input.selectors);
  return insertClaim(
    db,
    {
      id: timeOrderedId(),
      articleId,
      selectors,
      verdict: input.verdict ?? DEFAULT_VERDICT,
      speaker: input.speaker ?? null,
      rationale: input.rationale ?? "",
    },
    actor,
  );
}
