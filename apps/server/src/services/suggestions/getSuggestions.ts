import { AppError, type Principal } from "@factmark/core";
import type { SuggestionDismissal, SuggestionsAnswer } from "@factmark/core/suggestions";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { findSuggestionState, listDismissals } from "../../repositories/suggestionDismissalRepository";
import { computeSuggestions } from "./computeSuggestions";

/** Moves when the engine changes what it answers, so a browser's copy from before an upgrade is not reused. */
const ENGINE_REVISION = 1;

/** The answer to GET suggestions: the suggestions with their ETag, or only the ETag when the client has them. */
export type SuggestionsReply =
  | { isUnchanged: true; etag: string }
  | { isUnchanged: false; etag: string; body: SuggestionsAnswer };

/**
 * The suggestions for an article (reviewers and up: they are for marking claims): the check-worthy spans not
 * yet marked and the contradiction candidates not yet linked, best first, leaving out what a reviewer dismissed
 * while its words are where they were (see listDismissals: kept by the text, so a title edit keeps them). The
 * answer's `version` is the article's version (its ETag) whose text the selectors' offsets are on: a client draws
 * them only over that version of the text. Computed on the heavy-work pool once per state of the article (its version and change number)
 * and kept; the ETag names that state and the dismissals, so If-None-Match answers 304 after one light query.
 * Never changes anything stored. Errors: FORBIDDEN below reviewer, NOT_FOUND for no live article, and the
 * pool's UNPROCESSABLE (time) / PAYLOAD_TOO_LARGE (memory) / BUSY.
 */
export async function getSuggestions(
  db: Db,
  actor: Principal,
  articleId: string,
  ifNoneMatch: string | undefined,
): Promise<SuggestionsReply> {
  authorize(actor, "claim.create");
  const state = await findSuggestionState(db, articleId);
  if (!state) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  const etag = suggestionsEtag(state);
  if (isNoneMatched(ifNoneMatch, etag)) return { isUnchanged: true, etag };
  const computed = await computeSuggestions(db, articleId, state);
  const dismissals = await listDismissals(db, articleId, computed.text);
  return {
    isUnchanged: false,
    // The state read first: any dismissal or change after it moves the count or the change number.
    etag,
    body: { version: computed.version, ...withoutDismissed(computed.suggestions, dismissals) },
  };
}

function suggestionsEtag(state: { version: number; changeNumber: number; dismissalCount: number }): string {
  return `W/"suggestions-${ENGINE_REVISION}-${state.version}-${state.changeNumber}-${state.dismissalCount}"`;
}

/** Whether an If-None-Match header names `etag` (compared weakly, as GET does) or is `*`. */
function isNoneMatched(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const current = etag.replace(/^W\//, "");
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === current || tag === "*");
}

/** The suggestions without the spans, and the pairs, a reviewer set aside. */
function withoutDismissed(
  suggestions: Omit<SuggestionsAnswer, "version">,
  dismissals: SuggestionDismissal[],
): Omit<SuggestionsAnswer, "version"> {
  if (dismissals.length === 0) return suggestions;
  const spanKey = (position: { start: number; end: number }) => `${position.start}-${position.end}`;
  const spans = new Set(dismissals.filter((each) => !each.pairedWith).map((each) => spanKey(each.position)));
  const pairs = new Set(
    dismissals.flatMap((each) =>
      each.pairedWith
        ? [
            `${spanKey(each.position)} ${spanKey(each.pairedWith)}`,
            `${spanKey(each.pairedWith)} ${spanKey(each.position)}`,
          ]
        : [],
    ),
  );
  return {
    claims: suggestions.claims.filter((claim) => !spans.has(spanKey(claim.selectors.position))),
    contradictions: suggestions.contradictions.filter(
      (candidate) =>
        !pairs.has(`${spanKey(candidate.a.selectors.position)} ${spanKey(candidate.b.selectors.position)}`),
    ),
  };
}
