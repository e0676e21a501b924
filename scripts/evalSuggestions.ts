// Evaluates the suggestion engine (issue 19) on the labelled set in packages/core/test-fixtures/suggestions/:
// check-worthy precision@5/@10, speaker accuracy on quoted statements, contradiction recall@5/precision@5 per type,
// time per article, and the time for a 50,000-word article built from the set's texts. Prints both halves of the
// set (tuning, held-out) apart.
// Run: pnpm eval:suggestions [--verbose] [--libraries]   (--libraries also measures the candidate NLP libraries)   (--verbose lists the top candidates and misses of the tuning half only:
// the held-out half is for measuring, not for tuning)
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { extractDates, findSuggestions, type Suggestions } from "../packages/core/src/suggestions/index.ts";
import { articleText } from "../packages/core/src/text/articleText.ts";
import { plainTextToDoc } from "../packages/core/src/text/plainTextToDoc.ts";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIXTURES = path.join(ROOT, "packages/core/test-fixtures/suggestions");
const TYPES = ["quantity", "date", "polarity"] as const;
type PairType = (typeof TYPES)[number];

interface QuoteRef {
  quote: string;
  occurrence?: number;
}
interface LabelledText {
  id: string;
  half: "tuning" | "held-out";
  textFile?: string;
  skipFirstLine?: boolean;
  paragraphs?: string[];
  publishedAt: string;
  checkWorthy: QuoteRef[];
  speakers: Array<QuoteRef & { speaker: string }>;
  contradictions: Array<{ type: PairType; a: QuoteRef; b: QuoteRef }>;
  mustBeInTop5?: number[];
}
interface Range {
  start: number;
  end: number;
}

/** The labelled texts, each with its text projection as the app builds it (articleText of the imported document). */
export function loadLabelledSet(): Array<LabelledText & { text: string }> {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const labelled = JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as LabelledText;
      let plain = labelled.paragraphs?.join("\n") ?? readFileSync(path.join(ROOT, labelled.textFile as string), "utf8");
      if (labelled.skipFirstLine) plain = plain.split("\n").slice(1).join("\n");
      return { ...labelled, text: articleText(plainTextToDoc(plain)) };
    });
}

/** The range of the n-th occurrence (0-based) of a quote; a quote not found is an error in the labelled set. */
export function locate(text: string, reference: QuoteRef, id: string): Range {
  let at = -1;
  for (let seen = 0; seen <= (reference.occurrence ?? 0); seen++) {
    at = text.indexOf(reference.quote, at + 1);
    if (at < 0) throw new Error(`${id}: quote not found: ${reference.quote}`);
  }
  return { start: at, end: at + reference.quote.length };
}

const overlaps = (left: Range, right: Range) => left.start < right.end && right.start < left.end;
const position = (side: { selectors: { position: Range } }) => side.selectors.position;

interface Tally {
  articles: number;
  checkAt5: number;
  checkAt10: number;
  speakersRight: number;
  speakersAll: number;
  returnedAt5: Record<PairType | "all", number>;
  correctAt5: Record<PairType | "all", number>;
  goldFound: Record<PairType | "all", number>;
  goldAll: Record<PairType | "all", number>;
  milliseconds: number;
}

function emptyTally(): Tally {
  const zero = () => ({ quantity: 0, date: 0, polarity: 0, all: 0 });
  return {
    articles: 0,
    checkAt5: 0,
    checkAt10: 0,
    speakersRight: 0,
    speakersAll: 0,
    returnedAt5: zero(),
    correctAt5: zero(),
    goldFound: zero(),
    goldAll: zero(),
    milliseconds: 0,
  };
}

function evaluate(
  labelled: LabelledText & { text: string },
  result: Suggestions,
  tally: Tally,
  milliseconds: number,
  isShown: boolean,
): void {
  const { text, id } = labelled;
  const VERBOSE = isShown && labelled.half === "tuning" && process.argv.includes("--verbose");
  tally.articles++;
  tally.milliseconds += milliseconds;
  const worthy = labelled.checkWorthy.map((reference) => locate(text, reference, id));
  const isWorthy = (range: Range) => worthy.some((gold) => overlaps(gold, range));
  tally.checkAt5 += result.claims.slice(0, 5).filter((claim) => isWorthy(position(claim))).length / 5;
  tally.checkAt10 += result.claims.slice(0, 10).filter((claim) => isWorthy(position(claim))).length / 10;
  for (const gold of labelled.speakers) {
    const range = locate(text, gold, id);
    const claim = result.claims.find((each) => position(each).start <= range.start && position(each).end >= range.end);
    const found = claim?.speaker?.name ?? null;
    tally.speakersAll++;
    if (found?.toLowerCase() === gold.speaker.toLowerCase()) tally.speakersRight++;
    else if (VERBOSE)
      console.log(
        `  ${id}: speaker of “${gold.quote}”: expected ${gold.speaker}, found ${found ?? "none"}${claim?.speaker ? ` (${claim.speaker.how})` : ""}`,
      );
  }
  const golds = labelled.contradictions.map((pair) => ({
    type: pair.type,
    a: locate(text, pair.a, id),
    b: locate(text, pair.b, id),
  }));
  const matches = (candidate: Suggestions["contradictions"][number], gold: (typeof golds)[number]) => {
    const [a, b] = [position(candidate.a), position(candidate.b)];
    return (overlaps(a, gold.a) && overlaps(b, gold.b)) || (overlaps(a, gold.b) && overlaps(b, gold.a));
  };
  for (const type of [...TYPES, "all"] as const) {
    const top = result.contradictions.filter((candidate) => type === "all" || candidate.type === type).slice(0, 5);
    const typeGolds = golds.filter((gold) => type === "all" || gold.type === type);
    tally.returnedAt5[type] += top.length;
    tally.correctAt5[type] += top.filter((candidate) => golds.some((gold) => matches(candidate, gold))).length;
    tally.goldAll[type] += typeGolds.length;
    tally.goldFound[type] += typeGolds.filter((gold) => top.some((candidate) => matches(candidate, gold))).length;
  }
  if (VERBOSE) {
    const top = result.contradictions.slice(0, 5);
    for (const candidate of top) {
      const isRight = golds.some((gold) => matches(candidate, gold));
      console.log(
        `  ${id}: ${isRight ? "✓" : "✗"} ${candidate.type} ${candidate.score} “${candidate.a.selectors.quote.exact.slice(0, 60)}” ↔ “${candidate.b.selectors.quote.exact.slice(0, 60)}” ${JSON.stringify(candidate.values)}`,
      );
    }
    golds.forEach((gold, index) => {
      if (!top.some((candidate) => matches(candidate, gold))) {
        const rank = result.contradictions.findIndex((candidate) => matches(candidate, gold));
        console.log(
          `  ${id}: missed ${gold.type} #${index} (rank ${rank < 0 ? "none" : rank + 1}): “${text.slice(gold.a.start, gold.a.end).slice(0, 50)}” ↔ “${text.slice(gold.b.start, gold.b.end).slice(0, 50)}”`,
        );
      }
    });
  }
  if (labelled.mustBeInTop5 && isShown) {
    const top = result.contradictions.slice(0, 5);
    const missing = labelled.mustBeInTop5.filter(
      (index) => !top.some((candidate) => matches(candidate, golds[index] as (typeof golds)[number])),
    );
    console.log(
      `${id}: required pairs in the top 5: ${labelled.mustBeInTop5.length - missing.length}/${labelled.mustBeInTop5.length}${missing.length ? ` (missing #${missing.join(", #")})` : ""}`,
    );
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? "—" : (part / whole).toFixed(2));

function printTally(name: string, tally: Tally): void {
  console.log(`\n${name} (${tally.articles} texts)`);
  console.log(
    `  check-worthy precision@5 ${ratio(tally.checkAt5, tally.articles)}, precision@10 ${ratio(tally.checkAt10, tally.articles)}`,
  );
  console.log(
    `  speaker accuracy on quoted statements ${ratio(tally.speakersRight, tally.speakersAll)} (${tally.speakersRight}/${tally.speakersAll})`,
  );
  for (const type of [...TYPES, "all"] as const) {
    console.log(
      `  contradictions ${type.padEnd(8)} recall@5 ${ratio(tally.goldFound[type], tally.goldAll[type])} (${tally.goldFound[type]}/${tally.goldAll[type]}), precision@5 ${ratio(tally.correctAt5[type], tally.returnedAt5[type])} (${tally.correctAt5[type]}/${tally.returnedAt5[type]})`,
    );
  }
  console.log(
    `  time per article ${(tally.milliseconds / Math.max(1, tally.articles)).toFixed(1)} ms CPU (mean of 5 runs each)`,
  );
}

/** Mean time of `times` runs after a warm-up: CPU time of this process (user + system), which a busy machine's other
 * processes do not inflate, and wall time. */
function timeRuns(
  run: () => Suggestions,
  times: number,
): { result: Suggestions; milliseconds: number; wallMilliseconds: number } {
  let result = run();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let each = 0; each < times; each++) result = run();
  const cpu = process.cpuUsage(cpuStarted);
  return {
    result,
    milliseconds: (cpu.user + cpu.system) / 1000 / times,
    wallMilliseconds: (performance.now() - started) / times,
  };
}

/** A long article from the set's texts, repeated with every figure shifted so no two copies are the same. */
function longArticle(texts: string[], words: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  for (let copy = 0; count < words; copy++) {
    for (const paragraph of (texts[copy % texts.length] as string).split("\n")) {
      const varied = paragraph.replace(/\b\d+\b/g, (digits) => String(Number(digits) + copy));
      paragraphs.push(varied);
      count += varied.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  return paragraphs.join("\n");
}

function main(): void {
  const set = loadLabelledSet();
  const tallies = { tuning: emptyTally(), "held-out": emptyTally(), all: emptyTally() };
  console.log(
    `labelled set: ${set.length} texts, ${set.reduce((sum, each) => sum + each.contradictions.length, 0)} contradicting pairs`,
  );
  for (const labelled of set) {
    const { result, milliseconds } = timeRuns(
      () => findSuggestions({ text: labelled.text, publishedAt: labelled.publishedAt, claims: [] }),
      5,
    );
    evaluate(labelled, result, tallies[labelled.half], milliseconds, true);
    evaluate(labelled, result, tallies.all, milliseconds, false);
  }
  printTally("tuning half", tallies.tuning);
  printTally("held-out half", tallies["held-out"]);
  printTally("whole set", tallies.all);
  const long = longArticle(
    set.map((each) => each.text),
    50_000,
  );
  const { milliseconds, wallMilliseconds } = timeRuns(
    () => findSuggestions({ text: long, publishedAt: "2025-06-01", claims: [] }),
    3,
  );
  console.log(
    `\n50,000-word article (${long.split(/\s+/).length} words, ${long.length} characters): ${milliseconds.toFixed(0)} ms CPU, ${wallMilliseconds.toFixed(0)} ms wall (mean of 3 runs after a warm-up; wall time grows on a busy machine)`,
  );
}

/** A library's dates and people in a text, as strings. */
interface LibraryReading {
  dates: string[];
  people: string[];
}
interface Library {
  name: string;
  load: () => Promise<(text: string, publishedAt: string) => LibraryReading>;
}

// The libraries are packages/core's dependencies, so they resolve from there (scripts/ is no package); imported by name
// at run time so that the engine's own type check never depends on the libraries it does not use.
const requireFromCore = createRequire(new URL("../packages/core/package.json", import.meta.url));
async function importByName(name: string): Promise<{ default: unknown } & Record<string, unknown>> {
  try {
    return await import(name);
  } catch {
    const loaded = requireFromCore(name) as Record<string, unknown>;
    return { ...loaded, default: loaded.default ?? loaded };
  }
}

const LIBRARIES: Library[] = [
  {
    name: "chrono-node 2 (dates only)",
    load: async () => {
      const chrono = (await importByName("chrono-node")) as unknown as {
        parse: (text: string, reference: Date) => Array<{ text: string }>;
      };
      return (text, publishedAt) => ({
        dates: chrono.parse(text, new Date(`${publishedAt}T12:00:00Z`)).map((result) => result.text),
        people: [],
      });
    },
  },
  {
    name: "compromise 14 + compromise-dates",
    load: async () => {
      type View = { out: (format: string) => string[]; json: () => Array<{ text: string }> };
      type Document = { dates: (options: object) => View; people: () => View };
      const nlp = (await importByName("compromise")).default as ((text: string) => Document) & {
        plugin: (plugin: unknown) => void;
      };
      nlp.plugin((await importByName("compromise-dates")).default);
      return (text, publishedAt) => {
        const document = nlp(text);
        return { dates: document.dates({ today: publishedAt }).out("array"), people: document.people().out("array") };
      };
    },
  },
  {
    name: "wink-nlp 2 + wink-eng-lite-web-model",
    load: async () => {
      type Collection = { out: (as?: unknown) => Array<{ value: string; type: string }> };
      type Wink = { readDoc: (text: string) => { entities: () => Collection }; its: { detail: unknown } };
      const winkNLP = (await importByName("wink-nlp")).default as (model: unknown) => Wink;
      const wink = winkNLP((await importByName("wink-eng-lite-web-model")).default);
      return (text) => {
        const entities = wink.readDoc(text).entities().out(wink.its.detail);
        return { dates: entities.filter((entity) => entity.type === "DATE").map((entity) => entity.value), people: [] };
      };
    },
  },
];

/**
 * How each candidate library does on what the engine would use it for: the dates inside the labelled date pairs'
 * quotes (found when one of its date strings lies inside the quote), the speakers it names as people, its load
 * time and its time on the 50,000-word article.
 */
async function compareLibraries(set: Array<LabelledText & { text: string }>, long: string): Promise<void> {
  console.log("\ncandidate libraries (what the engine would use each for)");
  for (const library of LIBRARIES) {
    let loadMilliseconds = 0;
    let read: (text: string, publishedAt: string) => LibraryReading;
    try {
      const started = performance.now();
      read = await library.load();
      loadMilliseconds = performance.now() - started;
    } catch (error) {
      console.log(`  ${library.name}: not loadable (${(error as Error).message.split("\n")[0]})`);
      continue;
    }
    let datesFound = 0;
    let dateQuotes = 0;
    let peopleFound = 0;
    let people = 0;
    for (const labelled of set) {
      const reading = read(labelled.text, labelled.publishedAt);
      for (const pair of labelled.contradictions.filter((each) => each.type === "date")) {
        for (const side of [pair.a, pair.b]) {
          dateQuotes++;
          if (
            reading.dates.some(
              (date) => date.trim().length > 0 && side.quote.includes(date.trim().replace(/[.,]$/, "")),
            )
          )
            datesFound++;
        }
      }
      for (const speaker of new Set(labelled.speakers.map((each) => each.speaker))) {
        people++;
        if (reading.people.some((person) => person.includes(speaker.split(" ").at(-1) as string))) peopleFound++;
      }
    }
    const cpuStarted = process.cpuUsage();
    read(long, "2025-06-01");
    const cpu = process.cpuUsage(cpuStarted);
    console.log(
      `  ${library.name}: dates in date-pair quotes ${datesFound}/${dateQuotes}, speakers named as people ${library.name.startsWith("compromise") ? `${peopleFound}/${people}` : "—"}, load ${loadMilliseconds.toFixed(0)} ms, 50,000 words ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
    );
  }
  let engineDates = 0;
  let dateQuotes = 0;
  for (const labelled of set) {
    const dates = extractDates(labelled.text, labelled.publishedAt);
    for (const pair of labelled.contradictions.filter((each) => each.type === "date")) {
      for (const side of [pair.a, pair.b]) {
        dateQuotes++;
        const range = locate(labelled.text, side, labelled.id);
        if (dates.some((date) => date.start >= range.start && date.end <= range.end)) engineDates++;
      }
    }
  }
  console.log(
    `  the engine's extractDates (chrono-node + its own rules): dates in date-pair quotes ${engineDates}/${dateQuotes}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
  if (process.argv.includes("--libraries"))
    await compareLibraries(
      loadLabelledSet(),
      longArticle(
        loadLabelledSet().map((each) => each.text),
        50_000,
      ),
    );
}
