import * as chrono from "chrono-node";
import type { Span } from "./types";

/** How a statement places its event against a date. */
export type DateRelation = "at" | "notAt" | "before" | "after" | "since" | "notBefore" | "firstIn";

/** A date or period stated in the text, resolved against the publication date to whole UTC days [from, to]. */
export interface DateMention extends Span {
  /** Days since 1970-01-01 (UTC); -Infinity/Infinity when open. */
  from: number;
  to: number;
  relation: DateRelation;
  /** For a time given against an event rather than the calendar ("months before the war"): the event. */
  event: string | null;
  /** The date of the telling ("said on Thursday", "a memo dated 3 March"), not of the event told. */
  isReporting: boolean;
  /** Readable normalised value: "2022-06-01…2022-08-31", "before the Ukraine war", "3 May (no year)". */
  value: string;
  /**
   * A day or month stated without a year when no publication date places it ("on 3 May"): resolved in
   * NEUTRAL_YEAR, so it compares with other dates by month and day only.
   */
  isYearless?: boolean;
}

/** The year a date without one is put in when nothing places it: a leap year, so "29 February" exists. */
export const NEUTRAL_YEAR = 2000;
const MONTH_NAMES = "January February March April May June July August September October November December".split(" ");
// A month named in lowercase is a word ("a protest march", "it may"), not a date.
const LOWERCASE_MONTH = /\b(?:march|may|june|august)\b/;
const CAPITALISED_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

const DAY = 86_400_000;
// A speech verb right before the date ("said on Thursday", "said in a statement on Monday", "a memo dated 3 March").
const REPORTING_BEFORE =
  /\b(?:said|says|announced|confirmed|told|released|published|issued|dated|posted|reported|wrote|added|stated|voted|noted|suggested|claimed|warned|denied)\s+(?:(?:in|at|to)\s+(?:a|an|the)?\s*[\p{L}-]+\s+)?(?:on\s+|in\s+|last\s+|this\s+|early\s+|late\s+|earlier\s+)?$/iu;
// A sentence that opens with its date and goes on to a speech verb: "This week, X noted that …".
const REPORTING_OPENING =
  /^\s*(?:earlier\s+|later\s+)?[^,]{0,20},[^.]{0,80}?\b(?:said|says|noted|claimed|told|announced|suggested|wrote|added|warned|confirmed|denied)\b/i;
const FUTURE = /\b(?:will|would|next|expected to|scheduled|from)\b/i;
// chrono reads "within a week" and "for two years" as dates; they are lengths of time.
const DURATION =
  /^(?:within|for|in)\s+(?:a|an|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\b/i;
const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 14],
};
const SEASON =
  /\b(?:(just\s+)?(this|last|next|early|late|the)\s+|in\s+(?:the\s+)?)(spring|summer|autumn|fall|winter)(?:\s+of\s+((?:19|20)\d\d))?\b/gi;
const BARE_YEAR = /\b(in|since|until|by|from|before|after|of|during|through)\s+((?:19|20)\d\d)\b(?!\s*(?:percent|%))/gi;
const FIRST_IN = /\bfirst\s+in\s+(a|an|\w+)\s+(decade|years?)\b/gi;
const EVENT_RELATIVE =
  /\b(?:(?:days|weeks|months|years|shortly|long|just|well|soon)\s+)?(before|prior to|after|ahead of)\s+(the\s+(?:[\p{L}-]+\s+){0,2}?(?:war|invasion|conflict|election|collapse|fire|attack|closure|vote|strike|crisis|pandemic|storm|flood|explosion|accident|merger|deal|ceasefire|referendum))\b/giu;
const DATE_HINT =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|week|month|year|ago|(?:19|20)\d\d|\d{1,2}\/\d{1,2})/i;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, ten: 10, twenty: 20 };

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY);
}

/** "2022-06-01" for a day number. */
export function formatDay(day: number): string {
  if (!Number.isFinite(day)) return day < 0 ? "…" : "…";
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The same date under a negation: "not before February" allows February on; "not in January", anything else. */
export function negateDate(date: DateMention): DateMention {
  const relation: DateRelation | null =
    date.relation === "before" ? "notBefore" : date.relation === "at" ? "notAt" : null;
  if (!relation) return date;
  const value = date.isYearless ? `not ${date.value}` : formatInterval(date.from, date.to, relation);
  return { ...date, relation, value };
}

export function formatInterval(from: number, to: number, relation: DateRelation): string {
  const period = from === to ? formatDay(from) : `${formatDay(from)}…${formatDay(to)}`;
  if (relation === "before") return `before ${formatDay(from)}`;
  if (relation === "notBefore") return `not before ${formatDay(from)}`;
  if (relation === "after") return `after ${period}`;
  if (relation === "since") return `since ${formatDay(from)}`;
  if (relation === "notAt") return `not ${period}`;
  if (relation === "firstIn") return `none ${formatDay(from)}…${formatDay(to)}`;
  return period;
}

function lastDayOfMonth(year: number, month: number): number {
  return dayNumber(year, month + 1, 1) - 1;
}

/**
 * The dates and periods stated in `text`, resolved against `publishedAt` (ISO; null leaves relative dates out):
 * calendar dates through chrono-node ("on 3 May", "last week", "in March"), with a year picked so the date falls
 * before publication unless the sentence speaks of the future ("will", "next"); seasons ("this summer"), bare years
 * ("since 2019"), "the first in a decade", and times given against an event ("months before the Ukraine war").
 * Each keeps its relation ("since", "before", "not before") and whether it dates the telling ("said on Thursday").
 */
export function extractDates(
  text: string,
  publishedAt: string | null,
  sentences: Span[] = [{ start: 0, end: text.length }],
): DateMention[] {
  const published = publishedAt ? parsePublished(publishedAt) : null;
  const mentions: DateMention[] = [];
  const reference = published ? new Date(published * DAY + DAY / 2) : new Date(Date.UTC(2000, 0, 1, 12));
  // chrono reads only the sentences that name a time at all: most of a long article does not.
  for (const sentence of sentences) {
    const slice = text.slice(sentence.start, sentence.end);
    if (!DATE_HINT.test(slice)) continue;
    for (const result of chrono.parse(slice, { instant: reference, timezone: 0 })) {
      const mention = fromChrono(text, result, sentence.start, published);
      if (mention) mentions.push(mention);
    }
  }
  const taken = (start: number, end: number) => mentions.some((other) => start < other.end && end > other.start);
  for (const match of text.matchAll(SEASON)) {
    const start = (match.index ?? 0) + (match[0].startsWith("in") ? 0 : (match[1]?.length ?? 0));
    const end = (match.index ?? 0) + match[0].length;
    if (taken(start, end)) continue;
    const which = (match[2] ?? "").toLowerCase();
    const [firstMonth, lastMonth] = SEASONS[(match[3] as string).toLowerCase()] as [number, number];
    let year = match[4] ? Number(match[4]) : published !== null ? yearOf(published) : null;
    if (year === null) continue;
    if (!match[4] && published !== null) {
      const thisSeasonStart = dayNumber(year, firstMonth, 1);
      if (which === "last") year -= thisSeasonStart > published ? 1 : 0;
      if (which === "last" && lastDayOfMonth(year, lastMonth) > published) year -= 1;
      if (which === "next" && thisSeasonStart <= published) year += 1;
    }
    const from = dayNumber(year, firstMonth, 1);
    const to = lastDayOfMonth(year + (lastMonth > 12 ? 1 : 0), ((lastMonth - 1) % 12) + 1);
    mentions.push(makeMention(text, start, end, from, to, published));
  }
  for (const match of text.matchAll(BARE_YEAR)) {
    const start = (match.index ?? 0) + (match[1] as string).length + 1;
    const end = (match.index ?? 0) + match[0].length;
    if (taken(start, end)) continue;
    const year = Number(match[2]);
    const mention = makeMention(text, start, end, dayNumber(year, 1, 1), dayNumber(year, 12, 31), published);
    mentions.push(mention);
  }
  if (published !== null) {
    for (const match of text.matchAll(FIRST_IN)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const count = NUMBER_WORDS[(match[1] as string).toLowerCase()] ?? (Number(match[1]) || 1);
      const years = (match[2] as string).toLowerCase() === "decade" ? 10 * count : count;
      const from = published - Math.round(years * 365.25);
      mentions.push({
        start,
        end,
        from,
        to: published,
        relation: "firstIn",
        event: null,
        isReporting: false,
        value: formatInterval(from, published, "firstIn"),
      });
    }
  }
  for (const match of text.matchAll(EVENT_RELATIVE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const relation = (match[1] as string).toLowerCase() === "after" ? "after" : "before";
    const event = (match[2] as string).replace(/^the\s+/i, "");
    mentions.push({
      start,
      end,
      from: Number.NEGATIVE_INFINITY,
      to: Number.POSITIVE_INFINITY,
      relation,
      event,
      isReporting: false,
      value: `${relation} the ${event}`,
    });
  }
  return mentions.sort((left, right) => left.start - right.start || left.end - right.end);
}

function parsePublished(publishedAt: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  return match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function yearOf(day: number): number {
  return new Date(day * DAY).getUTCFullYear();
}

function relationBefore(text: string, start: number): DateRelation {
  const before = text.slice(Math.max(0, start - 20), start).toLowerCase();
  if (/\bnot\s+(?:open\s+|start\s+)?(?:before|until)\s+$/.test(before) || /\bnot\b[^.]{0,20}\bbefore\s+$/.test(before))
    return "notBefore";
  if (/\bsince\s+$/.test(before)) return "since";
  if (/\b(?:before|until|by|prior to)\s+$/.test(before)) return "before";
  if (/\bafter\s+$/.test(before)) return "after";
  return "at";
}

function makeMention(
  text: string,
  start: number,
  end: number,
  from: number,
  to: number,
  published: number | null,
): DateMention {
  const relation = relationBefore(text, start);
  let [low, high] = [from, to];
  if (relation === "since" && published !== null) high = Math.max(to, published);
  return {
    start,
    end,
    from: low,
    to: high,
    relation,
    event: null,
    isReporting: isReportingDate(text, start),
    value: formatInterval(low, high, relation),
  };
}

function isReportingDate(text: string, start: number): boolean {
  if (REPORTING_BEFORE.test(text.slice(Math.max(0, start - 50), start))) return true;
  const sentenceStart = Math.max(text.lastIndexOf(". ", start) + 2, text.lastIndexOf("\n", start) + 1, 0);
  return start - sentenceStart <= 20 && REPORTING_OPENING.test(text.slice(sentenceStart, sentenceStart + 160));
}

function fromChrono(
  text: string,
  result: chrono.ParsedResult,
  offset: number,
  published: number | null,
): DateMention | null {
  const matched = result.text;
  const index = result.index + offset;
  if (/\b(?:later|earlier)$/i.test(matched) || /^(?:now|today|tonight)$/i.test(matched)) return null;
  if (LOWERCASE_MONTH.test(matched) && !CAPITALISED_MONTH.test(matched)) return null;
  // Without a publication date a date that names neither its year nor its month ("on Friday") cannot be placed; a
  // day and month ("on 3 May") or a month is still a date, put in a neutral year and compared by month and day.
  const hasYear = /\b(?:19|20)\d\d\b/.test(matched);
  if (published === null && !hasYear && !(result.start.isCertain("month") && CAPITALISED_MONTH.test(matched)))
    return null;
  const before = text.slice(Math.max(0, result.index + offset - 8), result.index + offset);
  if (DURATION.test(matched) || /\b(?:within|for)\s+$/i.test(before)) return null;
  const start = index + (/^(?:on|in|at|from)\s/i.test(matched) ? matched.indexOf(" ") + 1 : 0);
  const end = index + matched.length;
  const known = result.start;
  const sentenceStart = Math.max(offset, text.lastIndexOf(".", index) + 1);
  const isFuture = FUTURE.test(text.slice(sentenceStart, end + 30)) && relationBefore(text, start) !== "since";
  const year = known.isCertain("year") ? known.get("year") : null;
  const month = known.isCertain("month") ? known.get("month") : null;
  const day = known.isCertain("day") ? known.get("day") : null;
  const weekday = known.isCertain("weekday") ? known.get("weekday") : null;
  let from: number;
  let to: number;
  if (
    /\b(?:past|last|previous)\s+(?:\w+\s+)?(?:days|weeks|months|years|decades)\b/i.test(matched) &&
    published !== null
  ) {
    // "in the past five years": the whole stretch up to publication, not the year it began in.
    from = Math.floor(result.start.date().getTime() / DAY);
    to = published;
  } else if (/\bweek\b/i.test(matched) && published !== null) {
    const date = result.start.date();
    const middle = Math.floor(date.getTime() / DAY);
    from = middle - 3;
    to = middle + 3;
  } else if (month !== null && month !== undefined) {
    if (year === null && published === null) {
      from = dayNumber(NEUTRAL_YEAR, month, day ?? 1);
      to = day ? from : lastDayOfMonth(NEUTRAL_YEAR, month);
      const mention = makeMention(text, start, end, from, to, published);
      const shown = `${day ? `${day} ` : ""}${MONTH_NAMES[month - 1]} (no year)`;
      const relation = mention.relation === "at" ? "" : `${mention.value.split(" ")[0]} `;
      return { ...mention, isYearless: true, value: `${relation}${shown}` };
    }
    let resolvedYear = year ?? (published !== null ? yearOf(published) : null);
    if (resolvedYear === null) return null;
    const first = dayNumber(resolvedYear, month, day ?? 1);
    if (year === null && published !== null) {
      if (!isFuture && first > published + 7) resolvedYear -= 1;
      else if (isFuture && first < published - 31) resolvedYear += 1;
    }
    from = dayNumber(resolvedYear, month, day ?? 1);
    to = day ? from : lastDayOfMonth(resolvedYear, month);
  } else if (weekday !== null && weekday !== undefined && published !== null) {
    const publishedWeekday = new Date(published * DAY).getUTCDay();
    const back = (publishedWeekday - weekday + 7) % 7;
    from = isFuture ? published + ((weekday - publishedWeekday + 7) % 7 || 7) : published - back;
    to = from;
  } else if (year !== null && year !== undefined) {
    from = dayNumber(year, 1, 1);
    to = dayNumber(year, 12, 31);
    if (/\byear\b/i.test(matched) && /\b(?:this|last|next)\b/i.test(matched)) {
      // "last year", "this year": the calendar year chrono named.
    }
  } else return null;
  return makeMention(text, start, end, from, to, published);
}
