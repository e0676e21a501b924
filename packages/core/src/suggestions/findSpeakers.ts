import type { Quotation } from "./findQuotations";
import { findWords, STOPWORDS, type Word } from "./findWords";
import type { Span, SuggestedSpeaker } from "./types";

// Verbs that attribute a statement to its subject.
export const SPEECH_VERBS = new Set(
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
    "harbour harbor master analyst professor reporter member st no " +
    // Portfolios: "Minister for Foreign Affairs Dmytro Kuleba" is Dmytro Kuleba.
    "affairs defence defense interior finance justice education trade transport environment energy economy labour " +
    "labor agriculture treasury commerce immigration housing industry infrastructure culture communications"
  ).split(" "),
);
// Months and weekdays: a capitalised run of one of these alone ("on 3 May") is a date, not a name.
const CALENDAR_WORDS = new Set(
  (
    "january february march april may june july august september october november december " +
    "monday tuesday wednesday thursday friday saturday sunday"
  ).split(" "),
);
// Nouns for a role that can be the subject of a speech verb ("the minister said", "officials said").
const ROLE_NOUNS = new Set(
  (
    "minister mayor president ambassador envoy secretary governor spokesman spokeswoman spokesperson chief director " +
    "chairman chairwoman chair head leader manager operator owner engineer inspector captain commissioner " +
    "superintendent sheriff senator prosecutor judge coroner auditor regulator principal officer commander general " +
    "official officials union company firm council ministry department agency government police authorities " +
    "authority investigators investigator administration board organisers organizers residents witnesses " +
    "employer operators lawyer lawyers attorney spokespeople experts executive master chancellor premier " +
    "doctors hospital school district city trust"
  ).split(" "),
);
// Roles in the plural (or a body) that no one person stands for.
const COLLECTIVE_ROLES = new Set(
  "officials police authorities investigators organisers organizers residents witnesses operators lawyers spokespeople experts".split(
    " ",
  ),
);
const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her"]);
// Words between a subject and its speech verb ("the mayor also said", "the union has said").
const AUXILIARIES = new Set(["also", "has", "had", "have", "later", "then", "again", "previously", "repeatedly"]);
// Abbreviations a full stop ends ("No. 7", "Gen. Hale", "St. Mary"): never a name of their own.
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof st gen sen rep gov lt col sgt capt cmdr adm jr sr no vs fig mt ft".split(" "),
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
  /** The title or office written before the name, lowercase ("iranian foreign minister"); empty when none. */
  title: string[];
  /** Where the title begins (the name's start when there is none). */
  titleStart: number;
}

/** A name the text gives a role: "Mayor Ana Ortega", "Ortega, the mayor,", "the city's engineer, Raymond Cho". */
interface Introduction {
  name: string;
  /** The role's words, lowercase, apostrophe-s dropped: ["iranian", "foreign", "minister"]. */
  role: Set<string>;
  at: number;
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

/** "No." before "7", "Gen." before "Hale": a word in ABBREVIATIONS written with its full stop. */
function isAbbreviation(text: string, word: Word): boolean {
  return text[word.end] === "." && ABBREVIATIONS.has(word.lower);
}

/** The capitalised runs of a stretch of words, each cut to the name at its end ("Foreign Minister Hossein X" → "Hossein X"). */
function namesIn(text: string, words: Word[], insideQuotation: (word: Word) => boolean): Name[] {
  const names: Name[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] as Word;
    if (!isCapitalised(word) || insideQuotation(word) || isAbbreviation(text, word)) {
      index++;
      continue;
    }
    let end = index;
    while (
      end + 1 < words.length &&
      isCapitalised(words[end + 1] as Word) &&
      !insideQuotation(words[end + 1] as Word) &&
      !/['’]s$/.test((words[end] as Word).text) &&
      !isAbbreviation(text, words[end + 1] as Word) &&
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
    const isCalendar = kept.length === 1 && CALENDAR_WORDS.has((kept[0] as Word).lower);
    if (kept.length > 0 && !isCalendar) {
      const lowerWords = kept.map((part) => part.lower.replace(/['’]s$/, ""));
      const isOrganisation = lowerWords.some((part) => ORGANISATION_WORDS.has(part));
      const last = kept[kept.length - 1] as Word;
      names.push({
        start: (kept[0] as Word).start,
        end: last.end,
        name: kept.map((part) => part.text.replace(/['’]s$/, "")).join(" "),
        isPerson: !isOrganisation && kept.length >= 2 && kept.length <= 4,
        title: run.slice(0, first).map((part) => part.lower.replace(/['’]s$/, "")),
        titleStart: (run[0] as Word).start,
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
    return namesIn(text, words, (word) =>
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
  const introductions = findIntroductions(text, sentenceNames, resolve);
  /** A role as a speaker: the person the text introduced with it (the last before, else the only one after), or the role. */
  const roleSpeaker = (role: Role, said: string): SuggestedSpeaker => {
    const person = personForRole(introductions, role);
    if (!person) return { name: role.phrase, how: said };
    const how = `${role.phrase} → ${person.name}, ${person.isEarlier ? "earlier" : "named later"}`;
    return { name: person.name, how: said.endsWith("that …") ? how : `${said}: ${how}` };
  };
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
      const verb = after[verbAt] as Word;
      const verbIndex = outside.indexOf(verb);
      const role =
        roleBefore(text, outside, verbIndex, quotation.end) ?? (named ? null : roleAfter(text, outside, verbIndex));
      if (role && !pronoun) {
        const said = role.isAfter ? `${verb.lower} ${role.phrase}` : `${role.phrase} ${verb.lower}`;
        speaker = roleSpeaker(role, `quoted, then '${said}'`);
      } else if (pronoun && lastPerson)
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
        // "according to the plant's operator, Nordwater,": the name in apposition says who.
        const apposed =
          until < sentence.end
            ? names.find(
                (name) =>
                  /^,\s*$/.test(text.slice(until, name.start)) &&
                  /^\s*(?:[,;.]|$)/.test(text.slice(name.end, name.end + 2)),
              )
            : undefined;
        if (named) speaker = { name: resolve(named.name), how: `according to ${named.name}` };
        else if (apposed)
          speaker = {
            name: resolve(apposed.name),
            how: `according to ${text.slice(from, until).trim()}, ${apposed.name}`,
          };
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
        // The role right before the verb is its subject ("In a letter to Mayor Ortega, the union said …").
        const role =
          roleBefore(text, outside, verbAt, sentence.start) ?? (trailing ? null : roleAfter(text, outside, verbAt));
        if (role && !pronoun)
          speaker = roleSpeaker(
            role,
            role.isAfter ? `'…, ${verb.lower} ${role.phrase}'` : `${role.phrase} ${verb.lower} that …`,
          );
        else if (trailing) speaker = { name: resolve(trailing.name), how: `'…, ${verb.lower} ${trailing.name}'` };
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

/** A role named as the subject of a speech verb: "the mayor", "the Iranian foreign minister", "officials". */
interface Role {
  /** As written, the article lowercased: "the Iranian foreign minister". */
  phrase: string;
  /** Its noun, lowercase: "minister". */
  head: string;
  /** The words before the noun that narrow it, lowercase: ["iranian", "foreign"]. */
  modifiers: string[];
  /** "…, said the mayor": the role follows its verb. */
  isAfter: boolean;
  /** Where the role is named in the text. */
  at: number;
}

/** A word that may narrow a role: "foreign", "Iranian", "city", not "the" or "said". */
function isModifier(word: Word): boolean {
  return /^[\p{L}-]+$/u.test(word.text) && !STOPWORDS.has(word.lower) && !SPEECH_VERBS.has(word.lower);
}

/** The role noun phrase ending at `head`, if it is one: up to three modifiers after a determiner or a possessive. */
function readRole(text: string, words: Word[], head: number, from: number, isAfter: boolean): Role | null {
  const noun = words[head];
  if (!noun || !ROLE_NOUNS.has(noun.lower)) return null;
  let first = head;
  const modifiers: string[] = [];
  let determiner: Word | null = null;
  for (let at = head - 1; at >= 0 && head - at <= 4; at--) {
    const word = words[at] as Word;
    if (word.start < from || !/^\s+$/.test(text.slice(word.end, (words[at + 1] as Word).start))) break;
    if (DETERMINERS.has(word.lower) || /['’]s$/.test(word.text)) {
      determiner = word;
      first = at;
      break;
    }
    if (!isModifier(word) || modifiers.length === 3) break;
    modifiers.unshift(word.lower);
    first = at;
  }
  // "the mayor", "Ukraine's foreign ministry"; a body in the plural needs none ("Officials said").
  const startsClause = /(?:^|[,;:(“"])\s*$/.test(text.slice(from, (words[first] as Word).start));
  if (!determiner && !(COLLECTIVE_ROLES.has(noun.lower) && startsClause)) return null;
  // Capitals inside the phrase are proper ("the Iranian foreign minister"); the first word's may only open the
  // sentence ("The mayor", "Officials"), unless it is a possessive or a people's adjective ("Iranian officials").
  const phrase = words
    .slice(first, head + 1)
    .map((word, index) =>
      index > 0 || /['’]s$/.test(word.text) || /(?:ian|ese|ish|ean)$/.test(word.lower) ? word.text : word.lower,
    )
    .join(" ");
  return { phrase, head: noun.lower, modifiers, isAfter, at: (words[first] as Word).start };
}

/** "the mayor said", "the union has said": the role before a speech verb (past "also", "has"). */
function roleBefore(text: string, words: Word[], verb: number, from: number): Role | null {
  let head = verb - 1;
  while (head >= 0 && AUXILIARIES.has((words[head] as Word).lower)) head--;
  return head >= 0 ? readRole(text, words, head, from, false) : null;
}

/** "…, said the mayor.": the role right after a speech verb that closes the sentence after a comma. */
function roleAfter(text: string, words: Word[], verb: number): Role | null {
  const verbWord = words[verb];
  if (!verbWord || !/,["”’]?\s*$/.test(text.slice(words[verb - 1]?.end ?? 0, verbWord.start))) return null;
  for (let head = verb + 2; head <= verb + 4 && head < words.length; head++) {
    const role = readRole(text, words, head, verbWord.end, true);
    const next = words[head + 1];
    if (role && (!next || /[.,;]/.test(text.slice((words[head] as Word).end, next.start)))) return role;
  }
  return null;
}

/**
 * The names the text gives a role: a title before the name ("Mayor Ana Ortega", "Minister for Foreign Affairs
 * Dmytro Kuleba"), a role in apposition before it ("the city's chief engineer, Raymond Cho,") or after it
 * ("Ortega, the mayor,"). In text order.
 */
function findIntroductions(text: string, sentenceNames: Name[][], resolve: (name: string) => string): Introduction[] {
  const introductions: Introduction[] = [];
  const wordsOf = (phrase: string) =>
    phrase
      .toLowerCase()
      .split(/\s+/)
      .map((word) => word.replace(/['’]s$/, ""))
      .filter((word) => word && !DETERMINERS.has(word));
  for (const names of sentenceNames) {
    for (const name of names) {
      const role = new Set<string>(name.title);
      // "Minister for Foreign Affairs Dmytro Kuleba": the office runs back over "for" or "of".
      const office = /((?:\p{Lu}[\p{L}-]*\s+)+)(?:for|of)\s+(?:the\s+)?$/u.exec(
        text.slice(Math.max(0, name.titleStart - 60), name.titleStart),
      );
      if (office) for (const word of wordsOf(office[1] as string)) role.add(word);
      const before =
        /(?:^|[^\p{L}])(?:the|a|an|its|their|[\p{L}.]+['’]s)\s+((?:[\p{L}'’-]+\s+){0,3}[\p{L}-]+),\s*$/iu.exec(
          text.slice(Math.max(0, name.titleStart - 80), name.titleStart),
        );
      if (before) for (const word of wordsOf(before[1] as string)) role.add(word);
      const after = /^,\s+(?:the|a|an|its|their|[\p{L}.]+['’]s)\s+((?:[\p{L}'’-]+\s+){0,3}?[\p{L}-]+)\s*[,.;]/iu.exec(
        text.slice(name.end, name.end + 80),
      );
      if (after) for (const word of wordsOf(after[1] as string)) role.add(word);
      if ([...role].some((word) => ROLE_NOUNS.has(word)))
        introductions.push({ name: resolve(name.name), role, at: name.start });
    }
  }
  return introductions;
}

/** The person a role stands for: the last introduced with it before, else the only one introduced with it after. */
function personForRole(introductions: Introduction[], role: Role): { name: string; isEarlier: boolean } | null {
  if (COLLECTIVE_ROLES.has(role.head)) return null;
  const fits = introductions.filter(
    (introduction) =>
      introduction.role.has(role.head) && role.modifiers.every((modifier) => introduction.role.has(modifier)),
  );
  const earlier = fits.filter((introduction) => introduction.at < role.at).at(-1);
  if (earlier) return { name: earlier.name, isEarlier: true };
  const later = new Set(fits.map((introduction) => introduction.name));
  return later.size === 1 ? { name: [...later][0] as string, isEarlier: false } : null;
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
