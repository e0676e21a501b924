import type { ContradictionCandidateAnswer, SuggestedClaimAnswer, SuggestionsAnswer } from "@factmark/core";

/** One row of the Suggestions tab: a check-worthy span, or a contradiction candidate. `key` is stable across refetches. */
export type SuggestionItem =
  | { kind: "claim"; key: string; claim: SuggestedClaimAnswer }
  | { kind: "contradiction"; key: string; candidate: ContradictionCandidateAnswer };

const spanKey = (position: { start: number; end: number }) => `${position.start}-${position.end}`;

/** The tab's rows in the order they are listed (and stepped through with j/k): spans first, then candidates. */
export function suggestionItems(suggestions: Pick<SuggestionsAnswer, "claims" | "contradictions">): SuggestionItem[] {
  return [
    ...suggestions.claims.map(
      (claim): SuggestionItem => ({ kind: "claim", key: `claim:${spanKey(claim.selectors.position)}`, claim }),
    ),
    ...suggestions.contradictions.map(
      (candidate): SuggestionItem => ({
        kind: "contradiction",
        key: `pair:${spanKey(candidate.a.selectors.position)}:${spanKey(candidate.b.selectors.position)}`,
        candidate,
      }),
    ),
  ];
}

/** The spans a row covers in the text, without those already marked as claims (their own highlight shows them). */
export function unmarkedSpansOf(item: SuggestionItem): { start: number; end: number }[] {
  if (item.kind === "claim") return [item.claim.selectors.position];
  return [item.candidate.a, item.candidate.b].filter((side) => !side.claimId).map((side) => side.selectors.position);
}
