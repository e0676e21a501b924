import type { DateMention } from "./extractDates";
import type { Quantity } from "./extractQuantities";
import type { Polarity } from "./findPolarity";
import type { Quotation } from "./findQuotations";
import type { Word } from "./findWords";
import type { Span } from "./types";

/** What the check-worthiness score reads from a statement. */
export interface CheckWorthinessFeatures extends Span {
  words: Word[];
  quantities: Quantity[];
  dates: DateMention[];
  polarity: Polarity;
}

const COMPARISON =
  /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|increased?|decreased?|rose|risen|rise|fell|fallen|dropped|doubled|tripled|times|than|record|most|least|largest|biggest|cut|surged?|plunged?)\b/i;
// The speech verbs findSpeakers reads, and "according to": a sentence attributed by any of them says so.
const ATTRIBUTION =
  /\b(said|says|told|tells|claimed|claims|denied|denies|accused|accuses|confirmed|confirms|admitted|admits|noted|notes|wrote|writes|warned|warns|announced|announces|insisted|insists|acknowledged|acknowledges|according to|estimated|estimates|suggested|suggests|stated|states|added|adds|argued|argues|explained|explains|replied|asserted|asserts|disputed|disputes|complained|complains)\b/i;
const BOILERPLATE = /\b(?:is a team of|contributed to this report|follow us|sign up|all rights reserved|click here)\b/i;
// Weights of each feature, in points; the score is 1 - e^(-points/3), so 3 points ≈ 0.63.
const WEIGHTS = {
  number: 2,
  date: 1,
  comparison: 1,
  attribution: 0.8,
  denial: 1.2,
  negation: 0.5,
  admission: 0.8,
  quotation: 0.4,
  names: 0.3,
};

/**
 * How check-worthy a statement is, 0..1, with the reasons in words. Interpretable features, as ClaimBuster's and Full
 * Fact's annotators describe check-worthy sentences: a number, a date, a comparison, an attribution, a denial or an
 * admission, a quotation, named people and places; short fragments, questions and boilerplate count against.
 */
export function scoreCheckWorthiness(
  text: string,
  statement: CheckWorthinessFeatures,
  quotations: Quotation[],
  hasAttribution: boolean,
): { score: number; reasons: string[] } {
  const sentence = text.slice(statement.start, statement.end);
  const reasons: string[] = [];
  let points = 0;
  if (statement.quantities.length > 0) {
    points += WEIGHTS.number;
    reasons.push("a number");
  }
  if (statement.dates.length > 0) {
    points += WEIGHTS.date;
    reasons.push("a date");
  }
  if (COMPARISON.test(sentence)) {
    points += WEIGHTS.comparison;
    reasons.push("a comparison");
  }
  const attribution = ATTRIBUTION.exec(sentence);
  if (attribution && (hasAttribution || attribution[1] === "according to")) {
    points += WEIGHTS.attribution;
    reasons.push(`an attribution: ${attribution[1]?.toLowerCase()}`);
  }
  const isDenial = statement.polarity.negations.some((cue) =>
    /^(?:denied|denies|deny|denying|unfounded|baseless|false|untrue|rejected|refuted|dismissed|lied|lying|lies)$/.test(
      cue,
    ),
  );
  if (isDenial) {
    points += WEIGHTS.denial;
    reasons.push("a denial");
  } else if (statement.polarity.negations.length > 0) {
    points += WEIGHTS.negation;
    reasons.push("a negation");
  }
  if (
    statement.polarity.admissions.some((cue) =>
      /^(?:admits|admitted|admitting|admit|acknowledged|acknowledges|conceded|concedes|confirmed|confirms)$/.test(cue),
    )
  ) {
    points += WEIGHTS.admission;
    reasons.push("an admission");
  }
  if (
    quotations.some(
      (quotation) =>
        quotation.start >= statement.start &&
        quotation.end <= statement.end &&
        quotation.innerEnd - quotation.innerStart > 20,
    )
  ) {
    points += WEIGHTS.quotation;
    reasons.push("a quoted statement");
  }
  const names = statement.words.filter((word, index) => index > 0 && /^\p{Lu}/u.test(word.text)).length;
  if (names > 0) {
    points += WEIGHTS.names * Math.min(3, names);
    reasons.push("named people or places");
  }
  if (statement.words.length < 6) points -= 1.5;
  if (statement.words.length > 70) points -= 0.5;
  if (/\?["”’]?$/.test(sentence)) points -= 1;
  if (BOILERPLATE.test(sentence)) points -= 3;
  const score = 1 - Math.exp(-Math.max(0, points) / 3);
  return { score: Math.round(score * 1000) / 1000, reasons };
}
