import type { Quotation } from "./findQuotations";
import { findWords, type Word } from "./findWords";
import type { Span, SuggestedSpeaker } from "./types";

// Verbs that attribute a statement to its subject.
const SPEECH_VERBS = new Set(
  (
    "said says say told tells claimed claims noted notes added adds stated states wrote writes denied denies " +
    "accused accuses confirmed confirms admitted admits complained complains suggested suggests warned warns argued " +
    "argues insisted insists announced announces explained explains acknowledged acknowledges asserted asserts " +
    "estimated estimates disputed disputes replied replies called"
  ).split(" "),
);
// Words that precede a name without being part of it: titles, roles, places, organisations.
const NOT_NAME = new Set(
  (
    "the a an but and in on at this that these earlier later regardless furthermore however meanwhile " +
    "president minister foreign prime secretary-general secretary ambassador envoy special chief executive governor mayor " +
    "sheriff superintendent councillor councilman councilwoman council senator representative rep sen gov dr mr mrs ms " +
    "director chair chairman chairwoman spokesman spokeswoman spokesperson inspector engineer manager officer captain " +
    "general judge commissioner supreme leader head deputy vice health fire police state national federal regional " +
    "city county board union us u.s u.n un eu uk iran iranian russia russian ukraine ukrainian israel israeli moscow " +
    "tehran kyiv america american china chinese britain british european united states nations islamic republic " +
    "security ministry department agency office company according resident passenger superintendent operations " +
    "harbour harbor master analyst professor reporter member st"
  ).split(" "),
);
// Words that make a capitalised run an organisation or a place rather than a person.
const ORGANISATION_WORDS = new Set(
  (
    "street bridge river plastics motors ferries mining hospital elementary school ridge hollow cross star council " +
    "department ministry agency association union authority mine plant company news staff house court party " +
    "university college city county bank group inc corp ltd regional"
  ).split(" "),
);

/** A person (or organisation) named in the text, with its span. */
interface Name extends Span {
  name: string;
  isPerson: boolean;
}

/** Attribution found for each sentence: the sentence's speaker, if any, and the names in it (for pronouns). */
export interface SentenceAttribution {
  speaker: SuggestedSpeaker | null;
  /** Whether the speaker comes from an attribution verb, a colon or "according to" (not a pronoun or a quote run). */
  hasAttributionVerb: boolean;
}

function isCapitalised(word: Word): boolean {
  return /^\p{Lu}/u.test(word.text);
}

/** The capitalised runs of a stretch of words, each cut to the name at its end ("Foreign Minister Hossein X" → "Hossein X"). */
function namesIn(words: Word[], insideQuotation: (word: Word) => boolean): Name[] {
  const names: Name[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] as Word;
    if (!isCapitalised(word) || insideQuotation(word)) {
      index++;
      continue;
    }
    let end = index;
    while (
      end + 1 < words.length &&
      isCapitalised(words[end + 1] as Word) &&
      !insideQuotation(words[end + 1] as Word) &&
      !/['’]s$/.test((words[end] as Word).text) &&
      (words[end + 1] as Word).start - (words[end] as Word).end === 1
    ) {
      end++;
    }
    const run = words.slice(index, end + 1);
    let first = 0;
    for (let at = 0; at < run.length; at++) {
      const lower = (run[at] as Word).lower.replace(/['’]s$/, "").replace(/\.$/, "");
      if (NOT_NAME.has(lower)) first = at + 1;
    }
    const kept = run.slice(first);
    if (kept.length > 0) {
      const lowerWords = kept.map((part) => part.lower.replace(/['’]s$/, ""));
      const isOrganisation = lowerWords.some((part) => ORGANISATION_WORDS.has(part));
      const last = kept[kept.length - 1] as Word;
      names.push({
        start: (kept[0] as Word).start,
        end: last.end,
        name: kept.map((part) => part.text.replace(/['’]s$/, "")).join(" "),
        isPerson: !isOrganisation && kept.length >= 2 && kept.length <= 4,
      });
    }
    index = end + 1;
  }
  return names;
}

/**
 * Finds who says each sentence, by rules a reader can check, in this order:
 * a quotation followed by "X said" / "said X" ("quoted, then 'X said'"); "X: ‘…’" ("quoted after 'X:'");
 * "according to X" ("according to X"); a name before a speech verb ("X said that …"); "he/she said" resolved to
 * the last person named in an earlier sentence ("he → X, previous sentence"); a sentence that is only a quotation,
 * right after a quoted sentence, keeps that speaker ("quoted, continuing X"). A surname alone ("Cho") becomes the
 * full name given earlier or later in the article ("Raymond Cho").
 */
export function findSpeakers(text: string, sentences: Span[], quotations: Quotation[]): SentenceAttribution[] {
  const quotationsBySentence = groupBySentence(sentences, quotations);
  const sentenceWords = sentences.map((sentence) => findWords(text, sentence.start, sentence.end));
  const sentenceNames = sentenceWords.map((words, index) => {
    const own = quotationsBySentence[index] as Quotation[];
    return namesIn(words, (word) =>
      own.some((quotation) => word.start >= quotation.innerStart && word.end <= quotation.innerEnd),
    );
  });
  const fullNames = new Map<string, string>();
  for (const names of sentenceNames) {
    for (const name of names) {
      if (!name.isPerson) continue;
      const surname = name.name.split(" ").at(-1) as string;
      if (!fullNames.has(surname)) fullNames.set(surname, name.name);
    }
  }
  const resolve = (name: string) => (name.includes(" ") ? name : (fullNames.get(name) ?? name));
  const results: SentenceAttribution[] = [];
  let lastPerson: string | null = null;
  let previousWasQuoted: SuggestedSpeaker | null = null;
  sentences.forEach((sentence, sentenceIndex) => {
    const words = sentenceWords[sentenceIndex] as Word[];
    const names = sentenceNames[sentenceIndex] as Name[];
    const sentenceQuotations = quotationsBySentence[sentenceIndex] as Quotation[];
    const insideQuotation = (word: Word) =>
      sentenceQuotations.some((quotation) => word.start >= quotation.innerStart && word.end <= quotation.innerEnd);
    let speaker: SuggestedSpeaker | null = null;
    let hasAttributionVerb = false;
    const outside = words.filter((word) => !insideQuotation(word));
    // 1. “…,” X said / said X / he said
    for (const quotation of sentenceQuotations) {
      const after = outside.filter((word) => word.start >= quotation.end).slice(0, 4);
      const verbAt = after.findIndex((word) => SPEECH_VERBS.has(word.lower));
      if (verbAt < 0 || verbAt > 3) continue;
      const subjectWords = after.slice(0, verbAt);
      const pronoun = subjectWords.find((word) => word.lower === "he" || word.lower === "she");
      const named = names.find(
        (name) => name.start >= quotation.end && name.start <= (after[verbAt + 1]?.end ?? name.start),
      );
      if (pronoun && lastPerson)
        speaker = {
          name: lastPerson,
          how: `quoted, then '${pronoun.lower} said': ${pronoun.lower} → ${lastPerson}, previous sentence`,
        };
      else if (named)
        speaker = { name: resolve(named.name), how: `quoted, then '${named.name} ${after[verbAt]?.lower}'` };
      if (speaker) break;
    }
    // 2. X: ‘…’
    if (!speaker) {
      const first = sentenceQuotations[0];
      if (first && /:\s*$/.test(text.slice(sentence.start, first.start))) {
        const named = names.filter((name) => name.end <= first.start).at(-1);
        if (named) speaker = { name: resolve(named.name), how: `quoted after '${named.name}:'` };
      }
    }
    // 3. according to X
    if (!speaker) {
      const according = outside.findIndex((word, at) => word.lower === "according" && outside[at + 1]?.lower === "to");
      if (according >= 0) {
        const from = (outside[according + 1] as Word).end;
        // The clause ends at a comma or semicolon: a full stop here may end "U.S." inside the name.
        const clauseEnd = text.slice(from, sentence.end).search(/[,;]\s/);
        const until = clauseEnd < 0 ? sentence.end : from + clauseEnd;
        const named = names.filter((name) => name.start >= from && name.end <= until).at(-1);
        if (named) speaker = { name: resolve(named.name), how: `according to ${named.name}` };
        else {
          const phrase = text
            .slice(from, until)
            .trim()
            .replace(/^the\s+/i, "the ");
          if (phrase && phrase.split(/\s+/).length <= 6) speaker = { name: phrase, how: `according to ${phrase}` };
        }
      }
    }
    // 4. X said (that) …
    if (!speaker) {
      const verbAt = outside.findIndex((word) => SPEECH_VERBS.has(word.lower));
      if (verbAt >= 0) {
        const verb = outside[verbAt] as Word;
        const subject = outside.slice(0, verbAt);
        const pronoun =
          subject.length > 0 && subject.length <= 2
            ? subject.find((word) => word.lower === "he" || word.lower === "she")
            : undefined;
        // "…, said X." / "…, X said.": the attribution closes the sentence, after a comma.
        const trailing = /,\s*$/.test(text.slice(outside[verbAt - 1]?.end ?? sentence.start, verb.start))
          ? names.find((name) => name.start > verb.end && /^\s*$/.test(text.slice(verb.end, name.start)))
          : undefined;
        const named =
          names.filter((name) => name.end <= verb.start && name.isPerson).at(-1) ??
          names.filter((name) => name.end <= verb.start).at(-1);
        if (trailing) speaker = { name: resolve(trailing.name), how: `'…, ${verb.lower} ${trailing.name}'` };
        else if (pronoun && lastPerson)
          speaker = { name: lastPerson, how: `${pronoun.lower} → ${lastPerson}, previous sentence` };
        else if (named) speaker = { name: resolve(named.name), how: `${named.name} ${verb.lower} that …` };
        hasAttributionVerb = speaker !== null;
      }
    } else hasAttributionVerb = true;
    // 5. a sentence that is only a quotation continues the quoted speaker before it
    const onlyQuotation = sentenceQuotations[0];
    const isOnlyQuotation =
      sentenceQuotations.length === 1 &&
      onlyQuotation !== undefined &&
      onlyQuotation.start === sentence.start &&
      sentence.end - onlyQuotation.end <= 1;
    if (!speaker && isOnlyQuotation && previousWasQuoted)
      speaker = { name: previousWasQuoted.name, how: `quoted, continuing ${previousWasQuoted.name}` };
    previousWasQuoted = sentenceQuotations.length > 0 && speaker ? speaker : null;
    const people = names.filter((name) => name.isPerson);
    if (people.length > 0) lastPerson = resolve((people.at(-1) as Name).name);
    else if (speaker?.name.includes(" ") && /^\p{Lu}/u.test(speaker.name)) lastPerson = speaker.name;
    results.push({ speaker, hasAttributionVerb });
  });
  return results;
}

/** The quotations inside each sentence, in one sweep (both lists are in text order). */
export function groupBySentence<T extends Span>(sentences: Span[], spans: T[]): T[][] {
  const groups: T[][] = sentences.map(() => []);
  let sentenceIndex = 0;
  for (const span of spans) {
    while (sentenceIndex < sentences.length && (sentences[sentenceIndex] as Span).end < span.end) sentenceIndex++;
    const sentence = sentences[sentenceIndex];
    if (sentence && span.start >= sentence.start) (groups[sentenceIndex] as T[]).push(span);
  }
  return groups;
}
