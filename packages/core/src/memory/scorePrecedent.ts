import { editDistance } from "../anchoring/editDistance";
import type { PrecedentReason } from "../schemas/memory";
import { oppositeTerms } from "./precedentSynonyms";
import {
  type ClaimFeatures,
  type ClaimNumber,
  type ClaimTerm,
  type PrecedentClaim,
  readClaimFeatures,
} from "./readClaimFeatures";

/** How well a candidate restates the claim asked about: 0..1, and why, in words. */
export interface PrecedentScore {
  score: number;
  reasons: PrecedentReason[];
}

/**
 * The lowest score a precedent is shown at: below it a candidate shares a word or two by chance, or is a near-miss
 * (a different figure, the opposite sense) whose penalty brought it down. On the tuning half of the labelled set
 * (packages/core/test-fixtures/precedents/) every restatement scores 0.33 or more; what shares only a place's name
 * scores 0.24–0.39, so the threshold keeps recall and leaves the ranking, and the reasons shown, to tell them apart.
 */
export const PRECEDENT_THRESHOLD = 0.2;

// Weights and factors, each with its reason. A name says more about what a claim is about than a common word, and
// a figure more still: two claims with the same figure about the same words are most likely one claim.
const NAME_WEIGHT = 2;
const NUMBER_WEIGHT = 2;
// The same speaker makes a restatement likelier, but never makes a different claim one: the bonus grows with the
// words' similarity and is small beside it.
const SAME_SPEAKER_BONUS = 0.1;
// The same words about a different figure: another claim (a near-miss), however many words are shared.
const OTHER_NUMBER_FACTOR = 0.35;
// The same words in the opposite sense ("did not supply" / "supplied", "rose" / "fell", "before" / "after").
const OPPOSITE_SENSE_FACTOR = 0.4;
// Both name who or what the claim is about, and no name is shared: a different subject.
const OTHER_SUBJECT_FACTOR = 0.5;

type Scorable = PrecedentClaim | ClaimFeatures;

const featuresOf = (claim: Scorable): ClaimFeatures => ("terms" in claim ? claim : readClaimFeatures(claim));

/**
 * How much `candidate` says the same thing as `query`, explainably:
 * - words and figures: the weighted Dice overlap of their content terms (stemmed, synonyms met, names weighing
 *   double) and figures (the same figure in any format: "12%" = "twelve per cent", weighing double); a figure of
 *   the same kind (and counted noun) that disagrees with all of the other's multiplies it by OTHER_NUMBER_FACTOR;
 * - sense: one negated and the other not, or a direction word swapped for its opposite ("rose"/"fell"), multiplies
 *   it by OPPOSITE_SENSE_FACTOR;
 * - subject: both name someone or something and share no name: OTHER_SUBJECT_FACTOR;
 * - speaker: the same newsroom speaker (the same Speaker id, or without one the same folded name) adds a little.
 * A claim compared with itself scores 1.
 * Reasons name the shared words (the query's spelling, names first), the same figures and the same speaker (as the
 * candidate spells it). Either side may be a claim or its features (readClaimFeatures), read once for many calls.
 */
export function scorePrecedent(query: Scorable, candidate: Scorable): PrecedentScore {
  const left = featuresOf(query);
  const right = featuresOf(candidate);
  const reasons: PrecedentReason[] = [];

  const shared = sharedTerms(left, right);
  const numbers = compareNumbers(left.numbers, right.numbers);
  const weight = (terms: ClaimTerm[]) => terms.reduce((sum, term) => sum + (term.isName ? NAME_WEIGHT : 1), 0);
  const total = weight(left.terms) + weight(right.terms) + NUMBER_WEIGHT * (left.numbers.length + right.numbers.length);
  const sharedWeight = weight(shared) + NUMBER_WEIGHT * numbers.same.length;
  const similarity = total === 0 ? 0 : Math.min(1, (2 * sharedWeight) / total);
  if (shared.length > 0) {
    const shown = [...shared].sort((a, b) => Number(b.isName) - Number(a.isName)).slice(0, 6);
    reasons.push({ kind: "shared-words", text: `shares: ${shown.map((term) => term.shown).join(", ")}` });
  }
  if (numbers.same.length > 0) {
    reasons.push({ kind: "same-numbers", text: `the same numbers: ${numbers.same.map((n) => n.value).join(", ")}` });
  }
  let score = similarity;
  if (isSameSpeaker(left, right) && score > 0) {
    score = (score + SAME_SPEAKER_BONUS * Math.min(1, similarity / 0.4)) / (1 + SAME_SPEAKER_BONUS);
    reasons.push({ kind: "same-speaker", text: `the same speaker: ${right.claim.speaker ?? left.claim.speaker}` });
  } else score /= 1 + SAME_SPEAKER_BONUS;
  // The penalties come last: no number of shared words outweighs a near-miss's difference.
  if (numbers.isConflicting) score *= OTHER_NUMBER_FACTOR;
  if (isOppositeSense(left, right)) score *= OPPOSITE_SENSE_FACTOR;
  if (left.names.length > 0 && right.names.length > 0 && !left.names.some((name) => hasName(right.names, name))) {
    score *= OTHER_SUBJECT_FACTOR;
  }
  return { score: Math.round(Math.max(0, score) * 1000) / 1000, reasons };
}

/**
 * The same newsroom speaker: both spellings belong to one Speaker (SpeakerAlias rows), or, when either spelling has
 * no Speaker yet, the two fold to the same name (speakerNameKey).
 */
export function isSameSpeaker(
  left: Pick<ClaimFeatures, "claim" | "speakerKey">,
  right: Pick<ClaimFeatures, "claim" | "speakerKey">,
): boolean {
  if (left.speakerKey === null || right.speakerKey === null) return false;
  const [leftId, rightId] = [left.claim.speakerId ?? null, right.claim.speakerId ?? null];
  if (leftId !== null && rightId !== null) return leftId === rightId;
  return left.speakerKey === right.speakerKey;
}

/** The query's terms the candidate has too (names compared with a typo's allowance: "Zelensky" / "Zelenskyy"). */
function sharedTerms(left: ClaimFeatures, right: ClaimFeatures): ClaimTerm[] {
  const rightTerms = new Set(right.terms.map((term) => term.term));
  return left.terms.filter(
    (term) =>
      rightTerms.has(term.term) ||
      (term.isName && right.terms.some((other) => other.isName && isNearSpelling(other.term, term.term))),
  );
}

function hasName(names: string[], name: string): boolean {
  return names.some((other) => other === name || isNearSpelling(other, name));
}

/** One edit apart for names of five letters or more, two for ten or more: a transliteration or a typo. */
function isNearSpelling(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5) return false;
  return editDistance(a, b, shorter >= 10 ? 2 : 1) !== undefined;
}

/**
 * The figures both state alike (the query's, as it shows them), and whether a figure of one disagrees with every
 * figure of the same kind in the other: the same kind (a count's noun, when both name one, the same), intervals that
 * do not meet.
 */
function compareNumbers(left: ClaimNumber[], right: ClaimNumber[]): { same: ClaimNumber[]; isConflicting: boolean } {
  const same: ClaimNumber[] = [];
  let isConflicting = false;
  const comparable = (a: ClaimNumber, b: ClaimNumber) =>
    a.kind === b.kind && (a.noun === null || b.noun === null || a.noun === b.noun);
  for (const [from, to] of [
    [left, right],
    [right, left],
  ] as const) {
    for (const number of from) {
      const others = to.filter((other) => comparable(number, other));
      if (others.length === 0) continue;
      if (others.some((other) => isSameFigure(number, other))) {
        if (from === left) same.push(number);
      } else if (!others.some((other) => overlaps(number, other))) isConflicting = true;
    }
  }
  return { same, isConflicting };
}

function isSameFigure(a: ClaimNumber, b: ClaimNumber): boolean {
  const close = (x: number, y: number) => x === y || Math.abs(x - y) <= 0.005 * Math.max(Math.abs(x), Math.abs(y));
  return a.isVague === b.isVague && close(a.low, b.low) && close(a.high, b.high);
}

function overlaps(a: ClaimNumber, b: ClaimNumber): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** One says it negated and the other not, or one has a direction word whose opposite the other has instead. */
function isOppositeSense(left: ClaimFeatures, right: ClaimFeatures): boolean {
  if (left.isNegated !== right.isNegated) return true;
  const rightDirections = new Set(right.directions);
  return left.directions.some(
    (direction) =>
      !rightDirections.has(direction) &&
      [...oppositeTerms(direction)].some((opposite) => rightDirections.has(opposite)),
  );
}
