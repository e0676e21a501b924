// The archive bench/memory.ts measures the newsroom's memory on (issue 20): a newsroom's years of fact-checks,
// generated. Each claim restates one of a pool of facts (a topic, a place, a year, a figure) in its own words, with
// the figure written one of several ways and the speaker spelt one of several ways, so a search finds many articles
// and a claim's precedents are real restatements among near-misses (the same topic elsewhere, or another year).
// Written in process, before the server starts: plain INSERTs in a few transactions, so the database's own triggers
// fill the search index as they do for the app's writes.
import type { Db } from "../apps/server/src/db/createDatabase";
import { postgresDateTime, postgresPoolOf } from "../apps/server/src/db/postgresPool";
import { sqliteDateTime } from "../apps/server/src/db/sqliteDateTime";
import { sqliteWriterOf } from "../apps/server/src/db/sqliteWriter";
import { timeOrderedId } from "../apps/server/src/db/timeOrderedId";
import { SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import {
  articleText,
  plainTextToDoc,
  selectorsForRange,
  speakerNameKey,
  type Verdict,
} from "../packages/core/src/index";

/** How big an archive: 2,000 articles and 100,000 claims by default (issue 20's "Measured"). */
export interface ArchiveSize {
  articles: number;
  claims: number;
}

/** What the writer reports back: counts, and samples the section builds its queries from. */
export interface WrittenArchive {
  articles: number;
  claims: number;
  evidence: number;
  speakers: number;
  aliases: number;
  /** Milliseconds in all, and of those the database's (the transactions' inserts, the index's triggers included). */
  totalMs: number;
  insertMs: number;
  /** Every article's id and day of addition (YYYY-MM-DD), oldest first. */
  articleDays: { id: string; day: string }[];
  /** Claims sampled evenly over the archive, with what they say (for precedents and phrase searches). */
  sampleClaims: { id: string; articleId: string; quote: string; speaker: string | null; verdict: Verdict }[];
  /** Every spelling of a speaker's name the claims use. */
  speakerSpellings: string[];
}

// --- The vocabulary --------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  "Ana",
  "Robert",
  "Hossein",
  "Maria",
  "Olaf",
  "Chiara",
  "Tomasz",
  "Amina",
  "Kenji",
  "Lucía",
  "Pierre",
  "Ngozi",
  "Dmitri",
  "Fatima",
  "Sean",
  "Ingrid",
  "Rahul",
  "Zoë",
  "Mehmet",
  "Claire",
  "Jonas",
  "Adaeze",
  "Luis",
  "Sofía",
] as const;
const LAST_NAMES = [
  "Ruiz",
  "Malley",
  "Amir-Abdollahian",
  "Schmidt",
  "Kowalski",
  "Okafor",
  "Tanaka",
  "Álvarez",
  "Dubois",
  "Rossi",
  "Müller-Lüdenscheidt",
  "O'Brien",
  "Nakamura",
  "Petrova",
  "Haddad",
  "Lindqvist",
  "Sharma",
  "Yılmaz",
  "García Márquez",
  "Novak",
  "Mensah",
  "Fitzgerald",
  "Ivanova",
  "Costa",
  "Jansen",
  "Kaur",
  "Moreau",
  "Bianchi",
  "Adeyemi",
  "Nowak",
] as const;
const ORGANISATIONS = [
  "the Ministry of Health",
  "the Treasury",
  "the Ministry of Defence",
  "the Home Office",
  "the Labour Party",
  "the Conservative Party",
  "Oxfam",
  "the Trades Union Congress",
  "the Chamber of Commerce",
  "Greenpeace",
  "the National Farmers' Union",
  "the Bundesbank",
  "the European Commission",
  "the Kremlin",
  "the White House",
  "the Green Party",
  "Amnesty International",
  "the Police Federation",
  "the Royal College of Nursing",
  "NATO",
] as const;
const PLACES = [
  "Germany",
  "France",
  "Italy",
  "Spain",
  "Poland",
  "Ukraine",
  "Iran",
  "Turkey",
  "Brazil",
  "Nigeria",
  "Kenya",
  "India",
  "Japan",
  "Canada",
  "Mexico",
  "Scotland",
  "Wales",
  "London",
  "Manchester",
  "Texas",
  "California",
  "Ontario",
  "Bavaria",
  "Catalonia",
  "Lagos",
  "the European Union",
  "the United States",
  "the United Kingdom",
  "Australia",
  "Argentina",
] as const;
const SOURCES = [
  ["Eurostat", "ec.europa.eu/eurostat"],
  ["the IMF", "imf.org"],
  ["the World Bank", "data.worldbank.org"],
  ["the OECD", "oecd.org"],
  ["the Office for National Statistics", "ons.gov.uk"],
  ["Destatis", "destatis.de"],
  ["INSEE", "insee.fr"],
  ["the UNHCR", "unhcr.org"],
  ["the Bank of England", "bankofengland.co.uk"],
  ["the Federal Reserve", "federalreserve.gov"],
  ["the WHO", "who.int"],
  ["the IEA", "iea.org"],
] as const;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

type UnitKind = "percent" | "money" | "count";
interface Topic {
  /** As a claim names it, mid-sentence: "the unemployment rate". */
  noun: string;
  /** As a headline or a word search names it: "unemployment". */
  short: string;
  unit: UnitKind;
  /** A count's unit word ("drones"), or a sum's currency and scale. */
  unitWord?: string;
  min: number;
  max: number;
}
const TOPICS: Topic[] = [
  { noun: "the unemployment rate", short: "unemployment", unit: "percent", min: 2, max: 15 },
  { noun: "inflation", short: "inflation", unit: "percent", min: 0.5, max: 12 },
  { noun: "economic growth", short: "growth", unit: "percent", min: 0.1, max: 6 },
  { noun: "the child poverty rate", short: "child poverty", unit: "percent", min: 8, max: 35 },
  { noun: "youth unemployment", short: "youth unemployment", unit: "percent", min: 6, max: 40 },
  { noun: "the vaccination rate", short: "vaccination", unit: "percent", min: 50, max: 98 },
  { noun: "voter turnout", short: "turnout", unit: "percent", min: 35, max: 85 },
  { noun: "the budget deficit", short: "deficit", unit: "percent", min: 0.5, max: 9 },
  { noun: "the share of renewable electricity", short: "renewables", unit: "percent", min: 10, max: 70 },
  { noun: "average rents", short: "rents", unit: "percent", min: 1, max: 18 },
  { noun: "defence spending", short: "defence spending", unit: "money", unitWord: "billion", min: 5, max: 90 },
  { noun: "health spending", short: "health spending", unit: "money", unitWord: "billion", min: 20, max: 250 },
  { noun: "foreign aid", short: "foreign aid", unit: "money", unitWord: "billion", min: 1, max: 30 },
  { noun: "the minimum wage", short: "minimum wage", unit: "money", unitWord: "an hour", min: 6, max: 16 },
  { noun: "spending on schools", short: "school funding", unit: "money", unitWord: "billion", min: 10, max: 80 },
  { noun: "drone deliveries", short: "drones", unit: "count", unitWord: "drones", min: 200, max: 40_000 },
  { noun: "asylum applications", short: "asylum", unit: "count", unitWord: "applications", min: 5_000, max: 400_000 },
  { noun: "housing starts", short: "housing", unit: "count", unitWord: "homes", min: 10_000, max: 300_000 },
  {
    noun: "the hospital waiting list",
    short: "waiting lists",
    unit: "count",
    unitWord: "patients",
    min: 50_000,
    max: 7_000_000,
  },
  { noun: "teacher vacancies", short: "teachers", unit: "count", unitWord: "posts", min: 500, max: 40_000 },
  {
    noun: "the number of police officers",
    short: "police",
    unit: "count",
    unitWord: "officers",
    min: 8_000,
    max: 150_000,
  },
  { noun: "food bank use", short: "food banks", unit: "count", unitWord: "parcels", min: 100_000, max: 3_000_000 },
  { noun: "knife crime", short: "knife crime", unit: "count", unitWord: "offences", min: 2_000, max: 60_000 },
  { noun: "wheat imports", short: "wheat", unit: "count", unitWord: "tonnes", min: 50_000, max: 9_000_000 },
  { noun: "carbon emissions", short: "emissions", unit: "count", unitWord: "million tonnes", min: 30, max: 900 },
];
/** A change's verb, past and bare ("rose to", "rise to"). */
const RISES: readonly (readonly [string, string])[] = [
  ["rose to", "rise to"],
  ["climbed to", "climb to"],
  ["increased to", "increase to"],
  ["went up to", "go up to"],
];
const FALLS: readonly (readonly [string, string])[] = [
  ["fell to", "fall to"],
  ["dropped to", "drop to"],
  ["declined to", "decline to"],
  ["went down to", "go down to"],
];

/** Words the archive is made of, for queries that find something: topics ("child poverty"), places, sources. */
export const ARCHIVE_VOCABULARY = {
  topics: TOPICS.map((topic) => topic.short),
  places: PLACES.map((place) => place.replace(/^the /, "")),
  sources: SOURCES.map(([source]) => source.replace(/^the /, "")),
};

// --- Randomness: seeded, so every run writes the same archive ---------------------------------------------------

export class Random {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  /** mulberry32: a uniform number in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const withoutAccentsOrHyphens = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{Mn}+/gu, "")
    .normalize("NFC")
    .replace(/-/g, " ");

// --- Speakers: people and organisations, each with the spellings the claims use --------------------------------

interface GeneratedSpeaker {
  /** The name shown (the full spelling). */
  name: string;
  kind: "Person" | "Organization";
  /** Spellings as claims write them: the full name most often, then a plain-letters one, then the surname alone. */
  spellings: string[];
}

function generateSpeakers(): GeneratedSpeaker[] {
  const speakers: GeneratedSpeaker[] = [];
  const surnamesGiven = new Set<string>();
  for (const [first, firstName] of FIRST_NAMES.entries()) {
    for (const [last, lastName] of LAST_NAMES.entries()) {
      // About a third of the pairs: 240 people, each surname shared by several.
      if ((first * 31 + last * 17) % 3 !== 0) continue;
      const name = `${firstName} ${lastName}`;
      const spellings = [name];
      const plain = withoutAccentsOrHyphens(name);
      if (plain !== name) spellings.push(plain);
      // The surname alone for a long one ("Amir-Abdollahian"), as an alias of the first person who has it.
      if (lastName.length > 8 && !surnamesGiven.has(lastName)) {
        surnamesGiven.add(lastName);
        spellings.push(lastName);
      }
      speakers.push({ name, kind: "Person", spellings });
    }
  }
  for (const name of ORGANISATIONS) {
    const bare = name.replace(/^the /, "");
    speakers.push({ name: capitalise(bare), kind: "Organization", spellings: [capitalise(bare)] });
  }
  return speakers;
}

// --- Facts and the sentences that state them --------------------------------------------------------------------

interface Fact {
  topic: Topic;
  place: string;
  year: number;
  value: number;
  isRise: boolean;
}

function generateFacts(random: Random, count: number): Fact[] {
  return Array.from({ length: count }, () => {
    const topic = random.pick(TOPICS);
    const raw = topic.min + random.next() * (topic.max - topic.min);
    const value =
      topic.unit === "count" && raw >= 1000
        ? Math.round(raw / 100) * 100
        : Math.round(raw * (raw < 20 ? 10 : 1)) / (raw < 20 ? 10 : 1);
    return { topic, place: random.pick(PLACES), year: 2010 + random.int(17), value, isRise: random.chance(0.55) };
  });
}

/** A figure as a claim writes it, one of several ways: "7.4%", "7.4 per cent", "€12bn", "12,000 drones", "12 thousand drones". */
function formatFigure(random: Random, topic: Topic, value: number): string {
  const plain = value.toLocaleString("en-US");
  if (topic.unit === "percent") return random.pick([`${value}%`, `${value} per cent`, `${value} percent`]);
  if (topic.unit === "money") {
    if (topic.unitWord === "an hour") return random.pick([`€${value.toFixed(2)} an hour`, `${value} euros an hour`]);
    return random.pick([`€${plain} billion`, `€${plain}bn`, `${plain} billion euros`]);
  }
  const word = topic.unitWord ?? "";
  if (value >= 1_000_000 && value % 100_000 === 0 && random.chance(0.5)) return `${value / 1_000_000} million ${word}`;
  if (value >= 10_000 && value % 1000 === 0 && random.chance(0.4)) return `${value / 1000} thousand ${word}`;
  return `${plain} ${word}`;
}

/** The claim's words, mid-sentence (the caller capitalises at a sentence's start). */
function statement(random: Random, fact: Fact, figure: string): string {
  const { topic, place, year } = fact;
  const [verb, bare] = random.pick(fact.isRise ? RISES : FALLS);
  const perfect = random.pick(fact.isRise ? ["has risen to", "has climbed to"] : ["has fallen to", "has dropped to"]);
  const nounBare = topic.noun.replace(/^the /, "");
  switch (random.int(6)) {
    case 0:
      return `${topic.noun} in ${place} ${verb} ${figure} in ${year}`;
    case 1:
      return `${place}'s ${nounBare} ${verb} ${figure} in ${year}`;
    case 2:
      return `in ${year}, ${topic.noun} in ${place} ${verb} ${figure}`;
    case 3:
      return `${topic.noun} in ${place} ${perfect} ${figure} since ${year}`;
    case 4:
      return `${place} saw ${topic.noun} ${bare} ${figure} in ${year}`;
    default:
      return `official figures show ${topic.noun} in ${place} ${verb} ${figure} in ${year}`;
  }
}

/** The sentence around a claim: the quote at `[start, end)` of `sentence`. */
function claimSentence(random: Random, quote: string, speaker: string | null): { sentence: string; start: number } {
  const wrap = (before: string, claim: string, after: string) => ({
    sentence: `${before}${claim}${after}`,
    start: before.length,
  });
  if (speaker === null) {
    return random.chance(0.5)
      ? wrap("", capitalise(quote), ", the latest figures suggest.")
      : wrap("Officials insist ", quote, ".");
  }
  switch (random.int(4)) {
    case 0:
      return wrap(`${capitalise(speaker)} said `, quote, ".");
    case 1:
      return wrap('"', capitalise(quote), `," ${speaker} told reporters on ${random.pick(WEEKDAYS)}.`);
    case 2:
      return wrap(`According to ${speaker}, `, quote, ".");
    default:
      return wrap(`${capitalise(speaker)} claimed that `, quote, ", a figure the opposition disputes.");
  }
}

function fillerSentence(random: Random, fact: Fact): string {
  const [source] = random.pick(SOURCES);
  switch (random.int(8)) {
    case 0:
      return `Officials in ${random.pick(PLACES)} declined to comment on the figures.`;
    case 1:
      return `The ${source.replace(/^the /, "")} report, published in ${random.pick(MONTHS)}, runs to ${20 + random.int(300)} pages.`;
    case 2:
      return `Critics say the debate over ${fact.topic.short} has little to do with the numbers.`;
    case 3:
      return `The remarks came at a press conference in ${random.pick(PLACES)} on ${random.pick(WEEKDAYS)}.`;
    case 4:
      return "The opposition called the statement misleading and asked for the underlying data.";
    case 5:
      return `Analysts at ${source} expect the trend to continue into ${fact.year + 1 + random.int(3)}.`;
    case 6:
      return `The figures for ${fact.year} were revised twice after publication.`;
    default:
      return `Campaigners in ${fact.place} have long argued that ${fact.topic.short} is under-reported.`;
  }
}

function rationale(random: Random, fact: Fact, verdict: Verdict, figure: string): string {
  const [source] = random.pick(SOURCES);
  if (verdict === "supported") {
    return `Figures from ${source} for ${fact.year} put ${fact.topic.noun} in ${fact.place} at ${figure}, as claimed.`;
  }
  if (verdict === "contradicted") {
    const scaled = fact.value * (0.55 + random.next() * 0.3);
    const other = formatFigure(
      random,
      fact.topic,
      fact.topic.unit === "count" ? Math.round(scaled) : Math.round(scaled * 10) / 10,
    );
    return `Figures from ${source} for ${fact.year} put ${fact.topic.noun} in ${fact.place} at ${other}, not ${figure}; the claim ${random.pick(["overstates", "misreads", "cherry-picks"])} the data.`;
  }
  return random.chance(0.3) ? `Awaiting ${fact.year} figures from ${source}.` : "";
}

// --- Writing ----------------------------------------------------------------------------------------------------

/** Articles per transaction: a few transactions in all, each small enough to hold in memory. */
const ARTICLES_PER_TRANSACTION = 250;
const FIRST_DAY = Date.UTC(2024, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 30);
const VERDICT_WEIGHTS: [Verdict, number][] = [
  ["supported", 0.4],
  ["contradicted", 0.35],
  ["unverified", 0.25],
];

function pickVerdict(random: Random): Verdict {
  let roll = random.next();
  for (const [verdict, weight] of VERDICT_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return verdict;
  }
  return "unverified";
}

/** A row to insert: column name to value (dates stored as each provider's Prisma adapter stores them). */
type Row = Record<string, string | number | Date | null>;

interface RowWriter {
  /** Inserts every table's rows, in order, in one transaction. */
  insert(tables: { table: string; rows: Row[] }[]): Promise<void>;
}

/** Rows per INSERT on PostgreSQL: well under its 65,535 parameters at the Claim's 16 columns. */
const POSTGRES_ROWS_PER_STATEMENT = 1000;

/**
 * Plain INSERTs on the app's own connection, without Prisma (whose createMany spent ~1.5 ms a claim here, compiling
 * and mapping): on SQLite one prepared statement per table run row by row inside the server's writer's transaction
 * (sqliteWriter.ts); on PostgreSQL multi-row INSERTs on one pooled connection between BEGIN and COMMIT. Triggers
 * fire for every row as for the app's own writes.
 */
function rowWriterOf(db: Db): RowWriter {
  const quoted = (columns: string[]) => columns.map((column) => `"${column}"`).join(", ");
  const sqlite = sqliteWriterOf(db);
  if (sqlite) {
    const value = (cell: Row[string]) => (cell instanceof Date ? sqliteDateTime(cell) : cell);
    return {
      insert: (tables) =>
        sqlite.transaction((statements) => {
          for (const { table, rows } of tables) {
            const columns = Object.keys(rows[0] ?? {});
            if (columns.length === 0) continue;
            const statement = statements.prepare(
              `INSERT INTO "${table}" (${quoted(columns)}) VALUES (${columns.map(() => "?").join(", ")})`,
            );
            for (const row of rows) statement.run(...columns.map((column) => value(row[column] ?? null)));
          }
        }),
    };
  }
  const pool = postgresPoolOf(db);
  if (!pool) throw new Error("The memory archive is written on the app's own SQLite or PostgreSQL connection.");
  const value = (cell: Row[string]) => (cell instanceof Date ? postgresDateTime(cell) : cell);
  return {
    async insert(tables) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const { table, rows } of tables) {
          const columns = Object.keys(rows[0] ?? {});
          for (let first = 0; first < rows.length; first += POSTGRES_ROWS_PER_STATEMENT) {
            const chunk = rows.slice(first, first + POSTGRES_ROWS_PER_STATEMENT);
            const values: Row[string][] = [];
            const tuples = chunk.map((row) => {
              const places = columns.map((column) => {
                values.push(value(row[column] ?? null));
                return `$${values.length}`;
              });
              return `(${places.join(", ")})`;
            });
            await client.query(`INSERT INTO "${table}" (${quoted(columns)}) VALUES ${tuples.join(", ")}`, values);
          }
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * Generates the archive of `size` and writes it to `db` (which has the seed admin): the speakers with their aliases
 * (each person's spellings one speaker, as after reviewers merged them), then the articles (oldest first, added
 * between 2024-01-01 and 2026-11-30), their claims and the evidence on about a fifth of them, a transaction per
 * ARTICLES_PER_TRANSACTION articles. No change-log entries: nothing here reads the history.
 */
export async function writeMemoryArchive(db: Db, size: ArchiveSize, seed = 20): Promise<WrittenArchive> {
  const started = performance.now();
  const random = new Random(seed);
  const speakers = generateSpeakers();
  const now = new Date();
  const writer = rowWriterOf(db);
  await writer.insert([
    {
      table: "Speaker",
      rows: speakers.map((speaker, index) => ({
        id: `bench-speaker-${index}`,
        name: speaker.name,
        kind: speaker.kind,
        createdAt: now,
        updatedAt: now,
      })),
    },
    {
      table: "SpeakerAlias",
      rows: speakers.flatMap((speaker, index) =>
        speaker.spellings.map((spelling) => ({
          name: spelling,
          key: speakerNameKey(spelling),
          speakerId: `bench-speaker-${index}`,
        })),
      ),
    },
  ]);
  // About five restatements of each fact across the archive, among near-misses on the same topic.
  const facts = generateFacts(random, Math.max(10, Math.round(size.claims / 5)));
  const written: WrittenArchive = {
    articles: 0,
    claims: 0,
    evidence: 0,
    speakers: speakers.length,
    aliases: speakers.reduce((sum, speaker) => sum + speaker.spellings.length, 0),
    totalMs: 0,
    insertMs: 0,
    articleDays: [],
    sampleClaims: [],
    speakerSpellings: speakers.flatMap((speaker) => speaker.spellings),
  };
  const sampleEvery = Math.max(1, Math.floor(size.claims / 400));
  for (let first = 0; first < size.articles; first += ARTICLES_PER_TRANSACTION) {
    const articles: Row[] = [];
    const counters: Row[] = [];
    const claims: Row[] = [];
    const evidence: Row[] = [];
    for (let index = first; index < Math.min(size.articles, first + ARTICLES_PER_TRANSACTION); index++) {
      const createdAt = new Date(
        FIRST_DAY + Math.floor(((LAST_DAY - FIRST_DAY) * index) / size.articles) + random.int(20 * 3600_000),
      );
      const claimCount =
        Math.floor((size.claims * (index + 1)) / size.articles) - Math.floor((size.claims * index) / size.articles);
      const articleId = timeOrderedId();
      // An article keeps to a few speakers and topics, as a story does.
      const cast = Array.from({ length: 3 }, () => random.pick(speakers));
      const paragraphs: string[][] = [[]];
      let length = 0;
      const placed: { start: number; end: number; fact: Fact; figure: string; speaker: string | null }[] = [];
      const push = (sentence: string) => {
        let paragraph = paragraphs.at(-1) as string[];
        if (paragraph.length >= 4) {
          paragraph = [];
          paragraphs.push(paragraph);
          length += 1; // the newline between paragraphs
        } else if (paragraph.length > 0) {
          length += 1; // the space between sentences
        }
        paragraph.push(sentence);
        const at = length;
        length += sentence.length;
        return at;
      };
      let lead: Fact | undefined;
      for (let claimIndex = 0; claimIndex < claimCount; claimIndex++) {
        const fact = random.pick(facts);
        lead ??= fact;
        const speaker = random.chance(0.85) ? random.pick(random.pick(cast).spellings) : null;
        const figure = formatFigure(random, fact.topic, fact.value);
        const quote = statement(random, fact, figure);
        const { sentence, start } = claimSentence(random, quote, speaker);
        const at = push(sentence);
        placed.push({ start: at + start, end: at + start + quote.length, fact, figure, speaker });
        for (let filler = random.int(3) - 1; filler > 0; filler--) push(fillerSentence(random, fact));
      }
      const text = paragraphs.map((paragraph) => paragraph.join(" ")).join("\n");
      const doc = plainTextToDoc(text);
      if (index === first && articleText(doc) !== text) {
        throw new Error("The generated article's text projection is not its text: the claims' offsets would be wrong.");
      }
      const title = lead
        ? `${capitalise(lead.topic.short)} in ${lead.place}: ${cast[0]?.name} ${random.pick(["and the figures", "checked", "on the record", "by the numbers"])}`
        : `Untitled check ${index}`;
      articles.push({
        id: articleId,
        title,
        doc: JSON.stringify(doc),
        text,
        createdAt,
        updatedAt: createdAt,
        createdById: SEED_ADMIN.id,
      });
      counters.push({ articleId, lastChangeNumber: placed.length + 1 });
      written.articleDays.push({ id: articleId, day: createdAt.toISOString().slice(0, 10) });
      for (const [claimIndex, claim] of placed.entries()) {
        const selectors = selectorsForRange(text, claim.start, claim.end);
        const verdict = pickVerdict(random);
        const id = timeOrderedId();
        const at = new Date(createdAt.getTime() + (claimIndex + 1) * 60_000);
        claims.push({
          id,
          articleId,
          start: claim.start,
          end: claim.end,
          exact: selectors.quote.exact,
          prefix: selectors.quote.prefix,
          suffix: selectors.quote.suffix,
          verdict,
          speaker: claim.speaker,
          rationale: rationale(random, claim.fact, verdict, claim.figure),
          createdAt: at,
          updatedAt: at,
          createdById: SEED_ADMIN.id,
          verdictSetById: verdict === "unverified" ? null : SEED_ADMIN.id,
          changeNumber: claimIndex + 2,
          status: verdict === "unverified" ? "to-check" : random.pick(["in-progress", "ready-for-review", "approved"]),
        });
        if ((written.claims + claims.length) % sampleEvery === 0) {
          written.sampleClaims.push({ id, articleId, quote: selectors.quote.exact, speaker: claim.speaker, verdict });
        }
        if (random.chance(0.2)) {
          const [source, domain] = random.pick(SOURCES);
          const { fact } = claim;
          evidence.push({
            id: timeOrderedId(),
            claimId: id,
            url: `https://${domain}/${fact.topic.short.replace(/\s+/g, "-")}/${fact.year}/${random.int(100_000)}`,
            title: `${capitalise(source)}: ${capitalise(fact.topic.noun)} in ${fact.place}, ${fact.year}`,
            excerpt: random.chance(0.5) ? rationale(random, fact, "supported", claim.figure) : null,
            stance: verdict === "supported" ? "supports" : verdict === "contradicted" ? "contradicts" : "context",
            createdAt: at,
            updatedAt: at,
            changeNumber: claimIndex + 2,
            createdById: SEED_ADMIN.id,
          });
        }
      }
    }
    const inserting = performance.now();
    await writer.insert([
      { table: "Article", rows: articles },
      { table: "ArticleChangeCounter", rows: counters },
      { table: "Claim", rows: claims },
      { table: "Evidence", rows: evidence },
    ]);
    written.insertMs += performance.now() - inserting;
    written.articles += articles.length;
    written.claims += claims.length;
    written.evidence += evidence.length;
    process.stderr.write(`  wrote ${written.articles} articles, ${written.claims} claims\r`);
  }
  process.stderr.write("\n");
  written.totalMs = performance.now() - started;
  return written;
}
