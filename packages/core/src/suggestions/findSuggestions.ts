import { selectorsForRange } from "../anchoring/selectorsForRange";
import { type DateMention, extractDates, formatDay, NEUTRAL_YEAR, negateDate } from "./extractDates";
import { extractQuantities, PEOPLE, type Quantity } from "./extractQuantities";
import { findPolarity, type Polarity } from "./findPolarity";
import { findQuotations, type Quotation } from "./findQuotations";
import { findSpeakers, SPEECH_VERBS } from "./findSpeakers";
import { findWords, STOPWORDS, stem, type Word } from "./findWords";
import { scoreCheckWorthiness } from "./scoreCheckWorthiness";
import { splitSentences } from "./splitSentences";
import type {
  CandidateSide,
  ContradictionCandidate,
  ContradictionType,
  Span,
  SuggestedClaim,
  SuggestedSpeaker,
  SuggestionInput,
  Suggestions,
} from "./types";

/** A sentence (or a marked claim) with the features the contradiction rules compare. */
interface Statement extends Span {
  claimId?: string;
  speaker: SuggestedSpeaker | null;
  words: Word[];
  /** Subject keys: content words cut to four letters, without the speaker's name. */
  keys: string[];
  quantities: Quantity[];
  /** Dates of the events told, not of the telling. */
  dates: DateMention[];
  polarity: Polarity;
  /** "lying about the number of drones": the stem of the noun whose number is disputed. */
  disputedNoun: string | null;
  normalised: string;
}

// A month's name, capitalised: a date's word, never a subject ("March" is no "march").
const MONTH_NAME = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** A check-worthy suggestion has at least this many words with letters in it. */
const MIN_WORDS = 3;
/** At most this many candidates come back: a reviewer reads the top of the list, not the tail. */
const MAX_CANDIDATES = 50;
/** Below this a candidate is noise (measured on the tuning half of the labelled set). */
const MIN_CANDIDATE_SCORE = 0.2;
/** How many of its most alike later statements each statement is compared with (bounds a long article's time). */
const MAX_PARTNERS = 25;

/**
 * Check-worthy spans and contradiction candidates for an article's text projection. Pure, synchronous and
 * deterministic: the same input gives the same output, ranked by score, ties by offset.
 * Spans already marked as claims are not suggested again; they take part in contradiction candidates with their id.
 */
export function findSuggestions(input: SuggestionInput): Suggestions {
  const { text } = input;
  const quotations = findQuotations(text);
  const sentences = splitSentences(text, quotations);
  const attributions = findSpeakers(text, sentences, quotations);
  const allDates = extractDates(text, input.publishedAt, sentences);
  const marked = (input.claims ?? []).filter(
    (claim) =>
      claim.selectors.position.start >= 0 &&
      claim.selectors.position.end <= text.length &&
      claim.selectors.position.end > claim.selectors.position.start,
  );
  const overlapsMarked = (span: Span) =>
    marked.some((claim) => span.start < claim.selectors.position.end && span.end > claim.selectors.position.start);

  const statements: Statement[] = [];
  const claims: SuggestedClaim[] = [];
  sentences.forEach((sentence, index) => {
    const attribution = attributions[index] as (typeof attributions)[number];
    const statement = buildStatement(text, sentence, attribution.speaker, allDates);
    if (!overlapsMarked(sentence)) {
      // "X said A, but Y said B": two speakers' statements, compared apart; the sentence is still one suggestion.
      const clauses = attributedClauses(text, sentence, quotations);
      if (clauses) {
        const clauseAttributions = findSpeakers(text, clauses, quotations);
        clauses.forEach((clause, at) => {
          const speaker = clauseAttributions[at]?.speaker ?? attribution.speaker;
          statements.push(buildStatement(text, clause, speaker, allDates));
        });
      } else statements.push(statement);
      const { score, reasons } = scoreCheckWorthiness(text, statement, quotations, attribution.hasAttributionVerb);
      // A suggestion says why and has words to check: never "x", "...", empty quotes or a line with no reason.
      const hasWords = statement.words.filter((word) => /\p{L}/u.test(word.text)).length >= MIN_WORDS;
      if (score > 0 && reasons.length > 0 && hasWords)
        claims.push({
          selectors: selectorsForRange(text, sentence.start, sentence.end),
          score,
          reasons,
          speaker: attribution.speaker,
        });
    }
  });
  for (const claim of marked) {
    const span = { start: claim.selectors.position.start, end: claim.selectors.position.end };
    // A claim marked without a speaker takes its sentence's, found as a suggestion's would be.
    const speaker = claim.speaker
      ? { name: claim.speaker, how: "marked on the claim" }
      : (attributions[sentenceAt(sentences, span.start)]?.speaker ?? null);
    statements.push({ ...buildStatement(text, span, speaker, allDates), claimId: claim.id });
  }
  statements.sort((left, right) => left.start - right.start || left.end - right.end);
  claims.sort(
    (left, right) => right.score - left.score || left.selectors.position.start - right.selectors.position.start,
  );
  return { claims, contradictions: findContradictions(text, statements) };
}

function buildStatement(
  text: string,
  span: Span,
  speaker: SuggestedSpeaker | null,
  allDates: DateMention[],
): Statement {
  const words = findWords(text, span.start, span.end);
  const dates = datesIn(allDates, span);
  const quantities = extractQuantities(text, span.start, span.end, dates);
  const speakerWords = new Set((speaker?.name ?? "").toLowerCase().split(/\s+/));
  // A calendar date says when, not what about: "in March" shares no subject with a protest "march". A time given
  // against an event keeps its event ("months before the war" is about the war).
  const isInDate = (word: Word) =>
    dates.some((date) => date.event === null && word.start < date.end && word.end > date.start);
  const keys = words
    .filter(
      (word) =>
        !STOPWORDS.has(word.lower) &&
        !speakerWords.has(word.lower) &&
        !/\d/.test(word.lower) &&
        word.lower.length > 2 &&
        !MONTH_NAME.test(word.text) &&
        !isInDate(word),
    )
    .map((word) => key(word.lower));
  const polarity = findPolarity(words, text);
  const isNegated = (date: DateMention) =>
    words.some((word, index) => polarity.scope.has(index) && word.start <= date.start && word.end >= date.start);
  return {
    ...span,
    speaker,
    words,
    keys: [...new Set(keys)],
    quantities,
    dates: dates.filter((date) => !date.isReporting).map((date) => (isNegated(date) ? negateDate(date) : date)),
    polarity,
    disputedNoun: findDisputedNoun(text.slice(span.start, span.end)),
    normalised: text.slice(span.start, span.end).toLowerCase().replace(/\s+/g, " "),
  };
}

// Where one speaker's clause gives way to another's: ", but", ", while", ", whereas", "; ".
const CLAUSE_BOUNDARY = /,\s+(?:but|while|whereas)\s+|;\s+/g;

/**
 * The two clauses of a sentence that attributes one statement and then another ("The ministry said it cost two
 * million euros, but the auditor said 900,000 euros"): each has a speech verb outside quotations. Null otherwise.
 */
function attributedClauses(text: string, sentence: Span, quotations: Quotation[]): [Span, Span] | null {
  const slice = text.slice(sentence.start, sentence.end);
  const isQuoted = (offset: number) =>
    quotations.some((quotation) => offset > quotation.start && offset < quotation.end);
  const hasSpeechVerb = (from: number, to: number) =>
    findWords(text, from, to).some((word) => SPEECH_VERBS.has(word.lower) && !isQuoted(word.start));
  for (const match of slice.matchAll(CLAUSE_BOUNDARY)) {
    const boundary = sentence.start + (match.index ?? 0);
    if (isQuoted(boundary)) continue;
    const second = boundary + match[0].length;
    if (hasSpeechVerb(sentence.start, boundary) && hasSpeechVerb(second, sentence.end))
      return [
        { start: sentence.start, end: boundary },
        { start: second, end: sentence.end },
      ];
  }
  return null;
}

/** The index of the sentence holding `offset` (sentences are in text order), or -1 when none does. */
function sentenceAt(sentences: Span[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle] as Span;
    if (offset < sentence.start) high = middle - 1;
    else if (offset >= sentence.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** The dates inside a span; `allDates` is in text order, so a binary search finds the first. */
function datesIn(allDates: DateMention[], span: Span): DateMention[] {
  let low = 0;
  let high = allDates.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((allDates[middle] as DateMention).start < span.start) low = middle + 1;
    else high = middle;
  }
  const inside: DateMention[] = [];
  for (let at = low; at < allDates.length && (allDates[at] as DateMention).start < span.end; at++) {
    if ((allDates[at] as DateMention).end <= span.end) inside.push(allDates[at] as DateMention);
  }
  return inside;
}

function key(word: string): string {
  return stem(word).slice(0, 4);
}

const DISPUTED_NUMBER =
  /\b(?:lying|lied|lies|misled|misleading|exaggerat\w*|understat\w*|disputed?|disputes|questioned)\b[^.]{0,30}?\bthe\s+(?:number|figure|amount|scale|size|count|total)\s+of\s+([\p{L}-]+)/iu;

function findDisputedNoun(sentence: string): string | null {
  const match = DISPUTED_NUMBER.exec(sentence);
  return match ? stem(match[1] as string) : null;
}

function findContradictions(text: string, statements: Statement[]): ContradictionCandidate[] {
  const documentFrequency = new Map<string, number>();
  for (const statement of statements)
    for (const each of statement.keys) documentFrequency.set(each, (documentFrequency.get(each) ?? 0) + 1);
  const weight = new Map<string, number>();
  for (const [each, frequency] of documentFrequency) weight.set(each, Math.log(1 + statements.length / frequency));
  const totals = statements.map((statement) =>
    statement.keys.reduce((sum, each) => sum + (weight.get(each) as number), 0),
  );
  const keySets = statements.map((statement) => new Set(statement.keys));
  // An inverted index from subject key to statements, so each statement meets only those that share its words.
  const postings = new Map<string, number[]>();
  statements.forEach((statement, index) => {
    for (const each of statement.keys) {
      const list = postings.get(each);
      if (list) list.push(index);
      else postings.set(each, [index]);
    }
  });
  // The story's own subject: a word in more than a quarter of the statements (and in more than two), counting the
  // speakers' names too ("the captain of the Northern Star" still speaks of the Northern Star).
  const storyFrequency = new Map<string, number>();
  for (const statement of statements) {
    for (const each of new Set(statement.words.map((word) => key(word.lower))))
      storyFrequency.set(each, (storyFrequency.get(each) ?? 0) + 1);
  }
  const storyWide = Math.max(2, statements.length / 4);
  const isStoryWide = (each: string) => (storyFrequency.get(each) ?? 0) > storyWide;
  const sharedWeight = new Float64Array(statements.length);
  // Words in more than one statement in twenty of a long article ("Iran" in a piece about Iran) weigh little and
  // would make every statement meet every other: they do not bring statements together.
  const commonFrequency = Math.max(50, statements.length / 20);
  const found: Array<{ left: number; right: number; best: Found; score: number; isDisputed: boolean }> = [];
  for (let left = 0; left < statements.length; left++) {
    const a = statements[left] as Statement;
    const aNegative = a.polarity.negations.length > 0;
    const aCounts = a.quantities.length > 0 || a.disputedNoun !== null;
    const aDates = a.dates.length > 0;
    const touched: number[] = [];
    for (const each of a.keys) {
      if ((documentFrequency.get(each) as number) > commonFrequency) continue;
      for (const right of postings.get(each) as number[]) {
        if (right <= left) continue;
        if (sharedWeight[right] === 0) touched.push(right);
        sharedWeight[right] = (sharedWeight[right] as number) + (weight.get(each) as number);
      }
    }
    const partners: Array<{ right: number; subject: number }> = [];
    for (const right of touched) {
      const smaller = Math.min(totals[left] as number, totals[right] as number);
      const subject = smaller > 0 ? (sharedWeight[right] as number) / smaller : 0;
      sharedWeight[right] = 0;
      if (subject >= 0.1) partners.push({ right, subject });
    }
    // The statements most alike come first; past MAX_PARTNERS a long article's repeats add time, not candidates.
    partners.sort((x, y) => y.subject - x.subject || x.right - y.right);
    let compared = 0;
    for (const { right, subject } of partners) {
      const b = statements[right] as Statement;
      const bNegative = b.polarity.negations.length > 0;
      const canCompareCounts = aCounts && (b.quantities.length > 0 || b.disputedNoun !== null);
      const canCompareDates = aDates && b.dates.length > 0;
      const canComparePolarity = aNegative !== bNegative;
      if (!canCompareCounts && !canCompareDates && !canComparePolarity) continue;
      if (a.normalised === b.normalised || (a.start < b.end && b.start < a.end)) continue;
      if (++compared > MAX_PARTNERS) break;
      let best: Found | null = null;
      const keep = (candidate: Found | null) => {
        if (candidate && (!best || candidate.score > best.score)) best = candidate;
      };
      if (canCompareCounts) keep(compareQuantities(a, b, subject));
      if (canCompareDates) keep(compareDates(a, b, subject, text, isStoryWide));
      if (canComparePolarity) keep(aNegative ? comparePolarity(a, b, subject) : comparePolarity(b, a, subject));
      if (!best) continue;
      const chosen = best as Found;
      const isDisputed = Boolean(a.speaker && b.speaker && a.speaker.name !== b.speaker.name);
      const score = Math.round(Math.min(1, chosen.score * (isDisputed ? 1.15 : 1)) * 1000) / 1000;
      if (score >= MIN_CANDIDATE_SCORE) found.push({ left, right, best: chosen, score, isDisputed });
    }
  }
  found.sort((x, y) => y.score - x.score || x.left - y.left || x.right - y.right);
  return found.slice(0, MAX_CANDIDATES).map(({ left, right, best, score, isDisputed }) => {
    const [first, second] = best.swap
      ? [statements[right] as Statement, statements[left] as Statement]
      : [statements[left] as Statement, statements[right] as Statement];
    const shared = first.keys.filter((each) => keySets[best.swap ? left : right]?.has(each));
    return {
      a: side(text, first),
      b: side(text, second),
      type: best.type,
      values: best.values,
      score,
      ...(best.type === "quantity" && isDisputed ? { label: "disputed figure" as const } : {}),
      reasons: [...best.reasons, `the same subject: ${describeShared(first, shared)}`],
    };
  });
}

function describeShared(statement: Statement, shared: string[]): string {
  const shown: string[] = [];
  for (const word of statement.words) {
    if (shown.length >= 4) break;
    if (shared.includes(key(word.lower)) && !STOPWORDS.has(word.lower) && !shown.includes(word.lower))
      shown.push(word.lower);
  }
  return shown.join(", ");
}

function side(text: string, statement: Statement): CandidateSide {
  return {
    selectors: selectorsForRange(text, statement.start, statement.end),
    ...(statement.claimId ? { claimId: statement.claimId } : {}),
    speaker: statement.speaker,
  };
}

interface Found {
  type: ContradictionType;
  score: number;
  values: Record<string, string>;
  reasons: string[];
  swap?: boolean;
}

/** A quantity in the units another is compared in: a percentage becomes a share when set against a magnitude. */
function asShare(quantity: Quantity): Quantity {
  return quantity.kind === "percent"
    ? { ...quantity, kind: "magnitude", low: quantity.low / 100, high: quantity.high / 100 }
    : quantity;
}

function isCompatible(left: Quantity, right: Quantity, subject: number): boolean {
  if (left.kind === "magnitude" || right.kind === "magnitude")
    return asShare(left).kind === asShare(right).kind && subject >= 0.15;
  if (left.kind !== right.kind) return false;
  if (left.kind !== "count") return true;
  if (left.noun && right.noun) {
    if (left.noun.slice(0, 4) === right.noun.slice(0, 4)) return true;
    const isPeople = (noun: string) => [...PEOPLE].some((person) => noun.startsWith(person.slice(0, 4)));
    return isPeople(left.noun) && isPeople(right.noun);
  }
  return subject >= 0.35;
}

/** How far apart two intervals are: 0 when they meet, else the ratio of the larger to the smaller bound minus one. */
function separation(left: Quantity, right: Quantity): number {
  const [lower, upper] = left.high < right.low ? [left, right] : right.high < left.low ? [right, left] : [null, null];
  if (!lower || !upper) return 0;
  return upper.low / Math.max(lower.high, 1e-9) - 1;
}

function compareQuantities(a: Statement, b: Statement, subject: number): Found | null {
  let best: Found | null = null;
  for (const left of a.quantities) {
    for (const right of b.quantities) {
      if (!isCompatible(left, right, subject)) continue;
      const isShare = left.kind === "magnitude" || right.kind === "magnitude";
      const apart = isShare ? separation(asShare(left), asShare(right)) : separation(left, right);
      if (apart <= 0.1) continue;
      const strength = Math.min(1, 0.6 + apart / 2);
      // The same counted noun ("drones" and "drones") is the subject, however common the word is in the article.
      const isSameNoun = left.noun !== null && right.noun !== null && left.noun.slice(0, 4) === right.noun.slice(0, 4);
      const score = (0.3 + 0.7 * Math.min(1, isSameNoun ? Math.max(subject, 0.6) : subject)) * strength;
      if (!best || score > best.score) {
        best = {
          type: "quantity",
          score,
          values: { a: left.value, b: right.value },
          reasons: [`different figures: ${left.value} against ${right.value}`],
        };
      }
    }
  }
  for (const [disputing, other, swap] of [
    [a, b, false],
    [b, a, true],
  ] as const) {
    if (!disputing.disputedNoun) continue;
    const figure = other.quantities.find(
      (quantity) =>
        quantity.noun?.slice(0, 4) === disputing.disputedNoun?.slice(0, 4) ||
        (quantity.noun === null && other.keys.includes((disputing.disputedNoun as string).slice(0, 4))),
    );
    if (!figure) continue;
    // Below a clash of two figures: the accusation says a figure is wrong, not which.
    const score = 0.45 + 0.35 * Math.min(1, subject);
    if (!best || score > best.score) {
      best = {
        type: "quantity",
        score,
        values: swap
          ? { a: figure.value, b: `disputes the number of ${disputing.disputedNoun}…` }
          : { a: `disputes the number of ${disputing.disputedNoun}…`, b: figure.value },
        reasons: [`a figure disputed: the number of ${disputing.disputedNoun}…`],
      };
    }
  }
  return best;
}

// Words that date a start, which a "since" can contradict.
const STARTS = /\b(?:first|began|begun|started|only since)\b/;

/** The event times a date allows, as [from, to] in days. */
function allowedTimes(date: DateMention): [number, number] {
  switch (date.relation) {
    case "before":
      return [Number.NEGATIVE_INFINITY, date.from - 1];
    case "after":
      return [date.to + 1, Number.POSITIVE_INFINITY];
    case "notBefore":
      return [date.from, Number.POSITIVE_INFINITY];
    case "since":
      return [date.from, Math.min(date.to, date.from + 31)];
    default:
      return [date.from, date.to];
  }
}

/** How many content words either side of a date tell what happened then ("opened an investigation on 5 May"). */
const DATE_CONTEXT_WORDS = 6;

/** Each date mention's context, worked out once: a date meets many partners in a long article. */
const dateContexts = new WeakMap<Statement, Map<DateMention, Set<string>>>();

/**
 * What happened at a date: the subject keys of the words of its clause (up to the next comma, semicolon or colon,
 * so an attribution's "…, the operator said" is left out), at most DATE_CONTEXT_WORDS either side, without the
 * story's own subject words (`isStoryWide`: "ferry" in a story about a ferry says nothing about which event).
 */
function dateContext(statement: Statement, date: DateMention, text: string, isStoryWide: (key: string) => boolean) {
  let contexts = dateContexts.get(statement);
  if (!contexts) {
    contexts = new Map();
    dateContexts.set(statement, contexts);
  }
  const known = contexts.get(date);
  if (known) return known;
  const before = text.slice(statement.start, date.start);
  const clauseStart = statement.start + Math.max(before.search(/[,;:][^,;:]*$/) + 1, 0);
  const afterEnd = text.slice(date.end, statement.end).search(/[,;:]/);
  const clauseEnd = afterEnd < 0 ? statement.end : date.end + afterEnd;
  // Counted in words that say something: "was warned about the supports in a letter sent on 28 January" is a warning.
  const inClause = statement.words.filter(
    (word) =>
      word.start >= clauseStart &&
      word.end <= clauseEnd &&
      !(word.start >= date.start && word.end <= date.end) &&
      !STOPWORDS.has(word.lower) &&
      !/\d/.test(word.lower) &&
      word.lower.length > 2,
  );
  const at = inClause.findIndex((word) => word.end > date.start);
  const first = Math.max(0, (at < 0 ? inClause.length : at) - DATE_CONTEXT_WORDS);
  const after = inClause.findIndex((word) => word.start >= date.end);
  const last = Math.min(inClause.length, (after < 0 ? inClause.length : after) + DATE_CONTEXT_WORDS);
  const keys = new Set<string>();
  for (const word of inClause.slice(first, last)) {
    const each = key(word.lower);
    if (!isStoryWide(each)) keys.add(each);
  }
  contexts.set(date, keys);
  return keys;
}

/**
 * Two dates contradict only when they date the same happening. A news story tells events one after another, each
 * with its own date, in sentences that share the story's subject: so the words around each date (what happened
 * then) must share a word too, or the candidate counts for less.
 */
const UNRELATED_DATES_FACTOR = 0.7;
/**
 * Two dates of unrelated happenings are a candidate only when the statements are this alike: below it they are two
 * steps of one story ("the fire broke out on 3 May", "the ship was serviced in March"). Measured on the tuning half.
 */
const UNRELATED_DATES_MIN_SUBJECT = 0.3;

function compareDates(
  a: Statement,
  b: Statement,
  subject: number,
  text: string,
  isStoryWide: (key: string) => boolean,
): Found | null {
  if (subject < 0.15) return null;
  let best: Found | null = null;
  const consider = (score: number, left: DateMention, right: DateMention, reason: string) => {
    const leftContext = dateContext(a, left, text, isStoryWide);
    const isSameHappening = [...dateContext(b, right, text, isStoryWide)].some((each) => leftContext.has(each));
    if (!isSameHappening && subject < UNRELATED_DATES_MIN_SUBJECT) return;
    const weighed = isSameHappening ? score : score * UNRELATED_DATES_FACTOR;
    if (!best || weighed > best.score)
      best = { type: "date", score: weighed, values: { a: left.value, b: right.value }, reasons: [reason] };
  };
  for (const dated of a.dates) {
    for (const other of b.dates) {
      // A date without a year ("on 3 May", no publication date) compares with another by month and day only.
      const isYearless = Boolean(dated.isYearless || other.isYearless);
      const left = isYearless ? inNeutralYear(dated) : dated;
      const right = isYearless ? inNeutralYear(other) : other;
      if (!left || !right) continue;
      const base = 0.3 + 0.7 * Math.min(1, subject);
      if (left.event || right.event) {
        const [relative, calendar] = left.event ? [left, right] : [right, left];
        if (relative.event && !calendar.event && calendar.relation === "at" && Number.isFinite(calendar.from)) {
          consider(
            base * 0.75,
            left,
            right,
            `one dates it against the ${relative.event}, the other to ${formatDay(calendar.from)}…: check when the ${relative.event} began`,
          );
        }
        continue;
      }
      if (left.relation === "firstIn" || right.relation === "firstIn") {
        const [none, other] = left.relation === "firstIn" ? [left, right] : [right, left];
        if (other.relation !== "firstIn" && other.from >= none.from && other.to < none.to)
          consider(base, left, right, `"none since ${formatDay(none.from)}" against ${other.value}`);
        continue;
      }
      if (left.relation === "notAt" || right.relation === "notAt") {
        const [denied, other] = left.relation === "notAt" ? [left, right] : [right, left];
        if (other.relation === "at" && other.from >= denied.from && other.to <= denied.to)
          consider(base, left, right, `${denied.value} against ${other.value}`);
        continue;
      }
      if (left.relation === "since" || right.relation === "since") {
        // "since January" holds through today; only a later start ("the first we heard was in June") disagrees.
        const [since, other] = left.relation === "since" ? [left, right] : [right, left];
        const otherStatement = since === left ? b : a;
        if (other.relation === "at" && other.from > since.from + 31 && STARTS.test(otherStatement.normalised))
          consider(base, left, right, `${since.value} against a start on ${other.value}`);
        continue;
      }
      const [leftFrom, leftTo] = allowedTimes(left);
      const [rightFrom, rightTo] = allowedTimes(right);
      if (leftTo < rightFrom || rightTo < leftFrom)
        consider(base, left, right, `different dates: ${left.value} against ${right.value}`);
    }
  }
  return best;
}

const DAY = 86_400_000;

/** A date moved to NEUTRAL_YEAR, keeping its month and day; null when it spans more than one calendar year. */
function inNeutralYear(date: DateMention): DateMention | null {
  if (date.isYearless || date.event) return date;
  if (!Number.isFinite(date.from) || !Number.isFinite(date.to)) return null;
  const from = new Date(date.from * DAY);
  const to = new Date(date.to * DAY);
  if (from.getUTCFullYear() !== to.getUTCFullYear()) return null;
  const move = (day: Date) => Math.floor(Date.UTC(NEUTRAL_YEAR, day.getUTCMonth(), day.getUTCDate()) / DAY);
  return { ...date, from: move(from), to: move(to) };
}

function comparePolarity(negative: Statement, positive: Statement, subject: number): Found | null {
  const { negations } = negative.polarity;
  if (negations.length === 0 || positive.polarity.negations.length > 0 || subject < 0.15) return null;
  const inScope = negative.words
    .filter((_, index) => negative.polarity.scope.has(index))
    .map((word) => key(word.lower));
  const positiveKeys = new Set(positive.keys);
  const scopeShared = new Set(inScope.filter((each) => positiveKeys.has(each))).size;
  const isDenial = negations.some((cue) => DENIAL_WORDS.test(cue));
  const admits = positive.polarity.admissions.length > 0;
  // A plain "not" bears on its own clause: it needs its words in the other statement, two of them unless the other
  // states a finding ("lists", "shows", "confirmed"); a denial bears on a whole claim.
  if (!isDenial && scopeShared < (admits ? 1 : 2)) return null;
  // A denial against an admission is the plainest contradiction there is; the cues add to the shared subject.
  const cues = isDenial && admits ? 0.3 : isDenial || admits ? 0.12 : 0;
  const score = Math.min(1, subject) * 0.7 + cues + (scopeShared >= 2 ? 0.1 : 0);
  return {
    type: "polarity",
    score,
    swap: positive.start < negative.start,
    values: {
      a: `${isDenial ? "denies" : "negates"}: ${negations.join(", ")}`,
      b: admits ? `admits/confirms: ${positive.polarity.admissions.join(", ")}` : "asserts",
    },
    reasons: [
      isDenial ? "a denial against a statement" : "a negation against a statement",
      ...(admits ? ["an admission"] : []),
    ],
  };
}

const DENIAL_WORDS = /^(?:denied|denies|deny|denying|unfounded|baseless|false|untrue|rejected|refuted|dismissed)$/;
