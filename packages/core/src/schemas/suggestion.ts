import { z } from "zod";
import { ZSelectorInput } from "./claim";
import { ZActor, ZId, ZTimestamp } from "./common";

// Suggestions (issue 19): what GET /api/articles/:id/suggestions answers and what a dismissal sends. Plain schemas,
// no NLP: the engine itself is reached through `@factmark/core/suggestions`, which re-exports these.

/** Both selectors as the API answers them (as a claim's): UTF-16 offsets on the article's text projection. */
const ZAnsweredSelectors = z.object({
  position: z.object({ start: z.number().int(), end: z.number().int() }),
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
});

/** Who a statement is attributed to, and by which rule, in words ("quoted, then 'X said'", "according to X"). */
export const ZSuggestedSpeaker = z.object({ name: z.string(), how: z.string() });

/** A check-worthy span the reviewer may accept as an unverified claim, with why it was suggested. */
export const ZSuggestedClaim = z.object({
  selectors: ZAnsweredSelectors,
  /** 0..1, higher first. */
  score: z.number(),
  /** In words: "a number", "a date", "a comparison", "an attribution: said", "a denial". */
  reasons: z.array(z.string()),
  speaker: ZSuggestedSpeaker.nullable(),
});
export type SuggestedClaimAnswer = z.infer<typeof ZSuggestedClaim>;

/** One side of a contradiction candidate: a span not yet marked, or a claim already marked (`claimId`). */
export const ZCandidateSide = z.object({
  selectors: ZAnsweredSelectors,
  claimId: ZId.optional(),
  speaker: ZSuggestedSpeaker.nullable().optional(),
});

export const CONTRADICTION_TYPES = ["quantity", "date", "polarity"] as const;
export const ZContradictionType = z.enum(CONTRADICTION_TYPES);

/** Two statements that cannot both be true, the normalised values behind it, and why, in words. */
export const ZContradictionCandidate = z.object({
  a: ZCandidateSide,
  b: ZCandidateSide,
  type: ZContradictionType,
  /** The normalised values that disagree: `{ a: "1–20 drones", b: "24+ drones" }`. */
  values: z.record(z.string(), z.string()),
  score: z.number(),
  /** "disputed figure": two different speakers give different figures. */
  label: z.literal("disputed figure").optional(),
  reasons: z.array(z.string()),
});
export type ContradictionCandidateAnswer = z.infer<typeof ZContradictionCandidate>;

/**
 * GET /api/articles/:id/suggestions: for the article's `version`, the check-worthy spans not yet marked nor
 * dismissed, best first, and the contradiction candidates not yet linked nor dismissed, best first.
 */
export const ZSuggestions = z.object({
  version: z.number().int().positive(),
  claims: z.array(ZSuggestedClaim),
  contradictions: z.array(ZContradictionCandidate),
});
export type SuggestionsAnswer = z.infer<typeof ZSuggestions>;

/**
 * POST /api/articles/:id/suggestions/dismissals: a suggestion the reviewer set aside, by its selectors on the
 * article's current version; `pairedWith` the other side's, to set aside a contradiction candidate.
 */
export const ZSuggestionDismissalCreate = z.strictObject({
  selectors: ZSelectorInput,
  pairedWith: ZSelectorInput.optional(),
});
export type SuggestionDismissalCreate = z.infer<typeof ZSuggestionDismissalCreate>;

/** A dismissal as stored: the article version it holds for, and the span(s) it sets aside. */
export const ZSuggestionDismissal = z.object({
  id: ZId,
  articleId: ZId,
  articleVersion: z.number().int().positive(),
  position: z.object({ start: z.number().int(), end: z.number().int() }),
  pairedWith: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  createdAt: ZTimestamp,
  createdBy: ZActor,
});
export type SuggestionDismissal = z.infer<typeof ZSuggestionDismissal>;

/** How each type of contradiction candidate reads to a reviewer, in the Suggestions tab and wherever else it shows. */
export const CONTRADICTION_TYPE_LABELS: Record<ContradictionCandidateAnswer["type"], string> = {
  quantity: "Figures disagree",
  date: "Dates disagree",
  polarity: "Denial against an admission or assertion",
};
