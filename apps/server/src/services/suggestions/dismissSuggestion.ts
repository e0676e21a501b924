import { AppError, type Principal } from "@factmark/core";
import type { SuggestionDismissal, SuggestionDismissalCreate, Suggestions } from "@factmark/core/suggestions";
import type { Db } from "../../db/createDatabase";
import { timeOrderedId } from "../../db/timeOrderedId";
import { placeSelectors } from "../../domain/placeSelectors";
import { preconditionFailed } from "../../domain/preconditionFailed";
import { authorize } from "../../policy/authorize";
import { findDismissal, findSuggestionState, insertDismissal } from "../../repositories/suggestionDismissalRepository";
import { computeSuggestions } from "./computeSuggestions";

/**
 * Sets a suggestion aside (reviewers and up): a suggested span, or with `pairedWith` a contradiction candidate.
 * GET suggestions leaves it out from then on, for everyone, while its words stay where they are in the text (a
 * title edit keeps it; see listDismissals). Only what is suggested now can be set aside: any other span, or a
 * pair that is not a candidate, is refused with UNPROCESSABLE (`reason: "not_suggested"`). Nothing of the fact-check changes: no claim, no
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
  const state = await findSuggestionState(db, articleId);
  if (!state) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  // What is suggested now, on the text it is suggested on (kept: the same computation GET suggestions answers).
  const computed = await computeSuggestions(db, articleId, state);
  const article = { version: computed.version, text: computed.text };
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
  if (!isSuggested(computed.suggestions, position, pairPlace?.position)) {
    throw new AppError(
      "UNPROCESSABLE",
      pairPlace
        ? "These two spans are not a contradiction candidate now: only a candidate GET suggestions lists can be dismissed."
        : "This span is not a suggestion now: only a suggested claim, or a statement of a contradiction candidate, " +
            "that GET suggestions lists can be dismissed.",
      { reason: "not_suggested" },
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
  const existing = await findDismissal(db, articleId, spans);
  if (existing) return { dismissal: existing, isNew: false };
  const dismissal = await insertDismissal(
    db,
    { id: timeOrderedId(), articleId, articleVersion: article.version, ...spans },
    actor,
  );
  return { dismissal, isNew: true };
}

type Span = { start: number; end: number };

/**
 * Whether `position` (with `pair`, as a pair in either order) is among the engine's current suggestions: a suggested
 * claim or either statement of a candidate, or with `pair` a candidate. Dismissals left out of GET's answer still
 * count, so dismissing again answers the stored dismissal.
 */
function isSuggested(suggestions: Suggestions, position: Span, pair: Span | undefined): boolean {
  const same = (left: Span, right: Span) => left.start === right.start && left.end === right.end;
  if (pair) {
    return suggestions.contradictions.some(
      ({ a, b }) =>
        (same(a.selectors.position, position) && same(b.selectors.position, pair)) ||
        (same(b.selectors.position, position) && same(a.selectors.position, pair)),
    );
  }
  return (
    suggestions.claims.some((claim) => same(claim.selectors.position, position)) ||
    suggestions.contradictions.some(
      ({ a, b }) => same(a.selectors.position, position) || same(b.selectors.position, position),
    )
  );
}
