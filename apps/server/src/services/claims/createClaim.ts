import { AppError, type Claim, type ClaimCreate, DEFAULT_VERDICT, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { placeSelectors } from "../../domain/placeSelectors";
import { authorize } from "../../policy/authorize";
import { findArticleText } from "../../repositories/articleRepository";
import { insertClaim } from "../../repositories/claimRepository";
import { lockArticleForChanges } from "../../repositories/eventRepository";

/**
 * Places a new claim on an article. The selectors must fit the stored text exactly:
 * a position holding the quote, or a quote that occurs once (else UNPROCESSABLE, saying why).
 *
 * The text is read and the claim stored in one transaction, under the article's claim-write lock,
 * which a save of the article's text takes first too: a save committed in between would otherwise
 * leave the claim on the old text's offsets, on other words, without re-anchoring it (PostgreSQL).
 */
export async function createClaim(db: Db, actor: Principal, articleId: string, input: ClaimCreate): Promise<Claim> {
  authorize(actor, "claim.create");
  return db.$transaction(async (tx) => {
    // Under the lock, the text no save can change before this claim is stored (from memory while its
    // version is current).
    await lockArticleForChanges(tx, articleId);
    const article = await findArticleText(tx, articleId);
    if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
    const selectors = placeSelectors(article.text, input.selectors);
    return insertClaim(
      tx,
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
  });
}
