import { AppError, type Principal } from "@factmark/core";
import type { SuggestionDismissal, SuggestionDismissalCreate } from "@factmark/core/suggestions";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { placeSelectors } from "../../domain/placeSelectors";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import { findArticleText } from "../../repositories/articleRepository";
import { findDismissal, insertDismissal } from "../../repositories/suggestionDismissalRepository";

/**
 * Sets a suggestion aside on the article's current version (reviewers and up): a suggested span, or with
 * `pairedWith` a contradiction candidate. GET suggestions leaves it out from then on, for everyone, until the
 * article's text changes (a new version is suggested afresh). Nothing of the fact-check changes: no claim, no
 * history entry. The selectors must fit the current text exactly, as a claim's do (else UNPROCESSABLE); with
 * `expectedArticleVersion` (If-Match) another version is refused with PRECONDITION_FAILED. Dismissing what is
 * dismissed already answers the dismissal there (`isNew: false`) and stores nothing.
 */
export async function dismissSuggestion(
  db: Db,
  actor: Principal,
  articleId: string,
  input: SuggestionDismissalCreate,
  expectedArticleVersion?: number,
): Promise<{ dismissal: SuggestionDismissal; isNew: boolean }> {
  authorize(actor, "claim.create");
  const article = await findArticleText(db, articleId);
  if (!article) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  if (expectedArticleVersion !== undefined && article.version !== expectedArticleVersion) {
    throw preconditionFailed("article", { version: article.version });
  }
  const { position, quote } = placeSelectors(article.text, input.selectors);
  const pairPlace = input.pairedWith ? placeSelectors(article.text, input.pairedWith) : null;
  if (pairPlace && pairPlace.position.start === position.start && pairPlace.position.end === position.end) {
    throw new AppError(
      "UNPROCESSABLE",
      "A contradiction candidate is two different statements: pairedWith is the same span.",
      {
        reason: "same_span",
      },
    );
  }
  const spans = {
    start: position.start,
    end: position.end,
    exact: quote.exact,
    pair: pairPlace
      ? { start: pairPlace.position.start, end: pairPlace.position.end, exact: pairPlace.quote.exact }
      : null,
  };
  const existing = await findDismissal(db, articleId, article.version, spans);
  if (existing) return { dismissal: existing, isNew: false };
  const dismissal = await insertDismissal(
    db,
    { id: timeOrderedId(), articleId, articleVersion: article.version, ...spans },
    actor,
  );
  return { dismissal, isNew: true };
}
