import type { Selectors } from "../anchoring/types";

/** A claim already marked on the article, as the engine needs it. */
export interface MarkedClaim {
  id: string;
  selectors: Selectors;
  speaker?: string | null;
}

/** What the engine reads: the article's text projection (`articleText(doc)`), its publication date, its claims. */
export interface SuggestionInput {
  text: string;
  /** ISO date (YYYY-MM-DD or a full timestamp); relative dates ("last week", "on Friday") resolve against it. */
  publishedAt: string | null;
  claims?: MarkedClaim[];
}

/** Who a statement is attributed to, and by which rule, in words ("according to X", "he → X, previous sentence"). */
export interface SuggestedSpeaker {
  name: string;
  how: string;
}

/** A check-worthy span: a sentence, or a quoted statement that runs over several sentences. */
export interface SuggestedClaim {
  selectors: Selectors;
  /** 0..1, higher is more check-worthy. */
  score: number;
  /** The features behind the score, in words: "a number", "a date", "a comparison", "an attribution: said", ... */
  reasons: string[];
  speaker: SuggestedSpeaker | null;
}

/** One side of a contradiction candidate: a suggested span or a claim already marked (`claimId`). */
export interface CandidateSide {
  selectors: Selectors;
  claimId?: string;
  speaker?: SuggestedSpeaker | null;
}

export type ContradictionType = "quantity" | "date" | "polarity";

/** Two statements that cannot both be true, with the normalised values that disagree. */
export interface ContradictionCandidate {
  a: CandidateSide;
  b: CandidateSide;
  type: ContradictionType;
  /** The values behind the type, normalised: `{ a: "1–20 drones", b: "24+ drones" }` and friends. */
  values: Record<string, string>;
  /** 0..1, higher first. */
  score: number;
  /** "disputed figure" when two different speakers give different figures. */
  label?: "disputed figure";
  /** Why, in words ("the same subject: drones, Russia"). */
  reasons: string[];
}

export interface Suggestions {
  claims: SuggestedClaim[];
  contradictions: ContradictionCandidate[];
}

/** [start, end) in the text projection, UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}
