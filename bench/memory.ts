// The newsroom's memory (issue 20) on a big archive: GET /api/search and GET /api/claims/:id/precedents on 2,000
// articles and 100,000 claims (bench/memoryArchive.ts, written in process before the server starts), each request's
// latency beside the cheapest authenticated GET's (a two-claim article's claim list) sent in turns with it; and what
// the search index costs a claim write: POST create-claim throughput on the archive beside the same app on a
// database holding one article, and beside the bare route (bench/apiBaseline.ts) on the archive, measured in turns.
// All over loopback HTTP to the server as users run it (bench/appServer.ts).
//
// Knobs: BENCH_MEMORY_ARTICLES, BENCH_MEMORY_CLAIMS (the archive's size), BENCH_MEMORY_WRITES (creates per turn,
// default 2,000), BENCH_MEMORY_ROUNDS (turns, default 3), BENCH_MEMORY_FRESH=1 (PostgreSQL's archive read as
// loaded, not first vacuumed and analyzed as autovacuum leaves it).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createDatabase, type DatabaseProvider, type Db } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import { ARTICLE_LIST_STATUSES } from "../packages/core/src/schemas/article";
import type { PrecedentList, SearchResults } from "../packages/core/src/schemas/memory";
import { VERDICTS } from "../packages/core/src/schemas/verdict";
import { type AppServer, startAppServer } from "./appServer";
import { generateArticle } from "./fixture";
import { ARCHIVE_VOCABULARY, Random, type WrittenArchive, writeMemoryArchive } from "./memoryArchive";
import { signInBenchAdmin } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const ARTICLES = Number(process.env.BENCH_MEMORY_ARTICLES ?? 2_000);
const CLAIMS = Number(process.env.BENCH_MEMORY_CLAIMS ?? 100_000);
const WRITES = Number(process.env.BENCH_MEMORY_WRITES ?? 2_000);
const ROUNDS = Number(process.env.BENCH_MEMORY_ROUNDS ?? 3);
/** Searches and precedent requests each (about 200), and the most time each figure may take before it stops early. */
const READS = Number(process.env.BENCH_MEMORY_READS ?? 200);
const READ_BUDGET_MS = Number(process.env.BENCH_MEMORY_READ_BUDGET_MS ?? 90_000);
/**
 * The PostgreSQL archive is vacuumed and analyzed before the reads (VACUUM (ANALYZE)), as autovacuum leaves an
 * archive a minute or two after a load: statistics for the planner, and the visibility map for index-only scans; a
 * newsroom's archive grows a claim at a time and is always in that state. BENCH_MEMORY_FRESH=1 reads the freshly
 * loaded archive instead: the worst case, before autovacuum has gathered any statistics (PostgreSQL's planner then
 * guesses every filter's selectivity) and while it vacuums and analyzes the new rows on the same two cores, which
 * spreads the figures from run to run. SQLite's plans are fixed by the statements; its ANALYZE would change them.
 */
const SETTLE_FIRST = process.env.BENCH_MEMORY_FRESH !== "1";
/** Issue 20's goal for both reads, at the 95th percentile. */
const READ_GOAL_P95_MS = 50;
/** The performance issue's write goal against the bare route (bench/api.ts), and the index's own budget. */
const WRITE_GOAL_RATIO_BARE = 0.6;
const WRITE_GOAL_RATIO_SMALL = 0.9;
const CONNECTIONS = 10;
const WARMUP = 20;
/** Writes through one session: the per-session write limit is not what this section measures. */
const SERVER_ENV = { RATE_LIMIT_WRITES: "1000000000" };
const API_SERVER_ENTRY = fileURLToPath(new URL("./apiServer.ts", import.meta.url));

const count = (value: number) => value.toLocaleString("en-US");

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}
const median = (values: number[]) => percentile(values, 0.5);

class AnswerError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    body: string,
  ) {
    super(`GET ${path}: ${status} ${body.slice(0, 300)}`);
  }
}

/** A GET's latency in ms, the body read whole; throws an AnswerError unless 200. */
async function timedGet<T>(baseUrl: string, cookie: string, path: string): Promise<{ ms: number; body: T }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new AnswerError(path, response.status, text);
  return { ms, body: JSON.parse(text) as T };
}

/**
 * About 200 searches as a desk types them, drawn from the archive's own words: single words and names, several
 * words, quoted phrases from real claims, prefixes, OR and exclusions, numbers, very common words, words found
 * nowhere, text a parser might choke on, and the filters (verdict, speaker, status, from/to, kind) with and without
 * words.
 */
export function searchQueries(archive: WrittenArchive, random = new Random(7)): URLSearchParams[] {
  const { topics, places, sources } = ARCHIVE_VOCABULARY;
  const quotes = archive.sampleClaims.map((claim) => claim.quote);
  const phrase = () => {
    const words = random.pick(quotes).split(" ");
    const length = 2 + random.int(3);
    const first = random.int(Math.max(1, words.length - length));
    return words.slice(first, first + length).join(" ");
  };
  const days = archive.articleDays.map((article) => article.day);
  const range = (spanDays: number) => {
    const from = random.pick(days);
    const to = new Date(Date.parse(from) + spanDays * 86_400_000).toISOString().slice(0, 10);
    return { from, to };
  };
  const queries: Record<string, string>[] = [];
  const repeat = (times: number, make: () => Record<string, string>) => {
    for (let index = 0; index < times; index++) queries.push(make());
  };
  repeat(20, () => ({ q: random.pick(topics) }));
  repeat(10, () => ({ q: random.pick(places) }));
  repeat(10, () => ({ q: random.pick(archive.speakerSpellings).replace(/^the /, "") }));
  repeat(15, () => ({ q: `${random.pick(topics)} ${random.pick(places)}` }));
  repeat(5, () => ({ q: `${random.pick(sources)} ${random.pick(topics)} ${2010 + random.int(17)}` }));
  repeat(25, () => ({ q: `"${phrase()}"` }));
  repeat(10, () => ({ q: phrase() }));
  repeat(15, () => ({ q: `${random.pick(topics).slice(0, 3 + random.int(3))}*` }));
  repeat(5, () => ({ q: `${random.pick(places).slice(0, 2 + random.int(4))}*` }));
  repeat(5, () => ({ q: `${random.pick(topics)} OR ${random.pick(topics)}` }));
  repeat(5, () => ({ q: `${random.pick(topics)} -${random.pick(places)}` }));
  repeat(5, () => ({ q: random.pick(["7.4%", "2019", "12,000", "€5bn", "1.5 per cent", "40 thousand"]) }));
  // Words in nearly every row: the most a ranking has to sort.
  repeat(5, () => ({ q: random.pick(["figures", "the", "in 2019", "said", "rose to"]) }));
  repeat(5, () => ({ q: random.pick(["zeppelin", "quantum tapioca", "xylophone treaty", "Abdollahianov", "qwzx"]) }));
  repeat(5, () => ({
    q: random.pick(['"rose to', "AND OR NOT", "*", "drones 🚁 Ukraine", "وزير الخارجية", '""', "NEAR(a b)", "-"]),
  }));
  repeat(10, () => ({ q: random.pick(topics), verdict: random.pick(VERDICTS) }));
  repeat(10, () => ({ q: random.pick(topics), speaker: random.pick(archive.speakerSpellings) }));
  repeat(5, () => ({ q: "", speaker: random.pick(archive.speakerSpellings) }));
  repeat(5, () => ({ q: "", verdict: random.pick(VERDICTS) }));
  repeat(10, () => ({ q: random.pick(topics), ...range(30 + random.int(300)) }));
  repeat(5, () => ({ q: "", ...range(7 + random.int(60)) }));
  repeat(5, () => ({ q: random.pick(places), status: random.pick(ARTICLE_LIST_STATUSES) }));
  repeat(5, () => ({ q: random.pick(topics), kind: random.pick(["claim", "article", "evidence"]) }));
  repeat(5, () => ({
    q: `${random.pick(topics)} ${random.pick(places)}`,
    verdict: random.pick(VERDICTS),
    speaker: random.pick(archive.speakerSpellings),
  }));
  return queries.map((query) => new URLSearchParams(query));
}

interface LatencyRun {
  ms: number[];
  baselineMs: number[];
  /** Each request's path and ms, for naming the slowest. */
  each: { path: string; ms: number; results: number }[];
  /** Requests answered with something other than 200 (left out of the latencies, named in the note). */
  failures: { path: string; status: number }[];
}

/** Each path in turn with the baseline GET before it (so a neighbour's load falls on both), after a warm-up. */
async function measureLatencies(
  server: AppServer,
  cookie: string,
  baselinePath: string,
  paths: string[],
  resultCount: (body: unknown) => number,
): Promise<LatencyRun> {
  for (const path of paths.slice(0, WARMUP)) {
    await timedGet(server.baseUrl, cookie, baselinePath);
    await timedGet(server.baseUrl, cookie, path).catch(() => undefined);
  }
  const run: LatencyRun = { ms: [], baselineMs: [], each: [], failures: [] };
  const started = performance.now();
  for (const path of paths) {
    // A figure far off its goal need not take minutes to say so.
    if (performance.now() - started > READ_BUDGET_MS) break;
    run.baselineMs.push((await timedGet(server.baseUrl, cookie, baselinePath)).ms);
    try {
      const { ms, body } = await timedGet(server.baseUrl, cookie, path);
      run.ms.push(ms);
      run.each.push({ path, ms, results: resultCount(body) });
    } catch (error) {
      if (!(error instanceof AnswerError)) throw error;
      process.stderr.write(`  ${error.message}\n`);
      run.failures.push({ path, status: error.status });
    }
  }
  return run;
}

function latencyRows(section: string, name: string, run: LatencyRun, paths: number, note: string): BenchRow[] {
  const slowest = [...run.each].sort((left, right) => right.ms - left.ms);
  process.stderr.write(
    `  ${name}: p50 ${median(run.ms).toFixed(1)} ms, p95 ${percentile(run.ms, 0.95).toFixed(1)} ms; slowest:\n${slowest
      .slice(0, 8)
      .map((each) => `    ${each.ms.toFixed(1)} ms  ${decodeURIComponent(each.path)} (${each.results} results)`)
      .join("\n")}\n`,
  );
  const p95 = percentile(run.ms, 0.95);
  const worst = slowest[0];
  const answered = run.ms.length + run.failures.length;
  const stopped = answered < paths ? `; stopped after ${answered} of ${paths} (time budget)` : "";
  const failed =
    run.failures.length > 0
      ? `; ${run.failures.length} answered otherwise than 200, e.g. ${run.failures[0]?.status} for ${decodeURIComponent(run.failures[0]?.path ?? "")}`
      : "";
  return [
    {
      section,
      name: `${name} p50`,
      unit: "ms",
      value: median(run.ms),
      baseline: median(run.baselineMs),
      note: `${run.ms.length} requests, one at a time; ${note}${stopped}${failed}`,
    },
    {
      section,
      name: `${name} p95`,
      unit: "ms",
      value: p95,
      baseline: percentile(run.baselineMs, 0.95),
      goal: `< ${READ_GOAL_P95_MS} ms`,
      isGoalMet: p95 < READ_GOAL_P95_MS,
      note: worst ? `slowest ${worst.ms.toFixed(0)} ms: ${decodeURIComponent(worst.path)}` : "",
    },
  ];
}

/** The article claims are created on over HTTP (bench/fixture.ts's text), and its create bodies. */
const WRITE_ARTICLE = generateArticle(5_000, 500);
const WRITE_BODIES = WRITE_ARTICLE.spans.map((span) =>
  JSON.stringify({
    selectors: { position: span, quote: { exact: WRITE_ARTICLE.content.slice(span.start, span.end) } },
  }),
);

async function createWriteArticle(db: Db): Promise<string> {
  const article = await createArticle(db, SEED_ADMIN, {
    title: WRITE_ARTICLE.title,
    format: "text",
    content: WRITE_ARTICLE.content,
  });
  return article.id;
}

/**
 * Create-claim requests, 10 connections: requests a second, from the first request to the last answer (autocannon's
 * own end waits for its next whole-second tick: 1,000 creates at 700 req/s would read as 2 s, 500 req/s).
 */
async function createLoad(baseUrl: string, cookie: string, articleId: string, amount: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  let lastAnswerAt = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}/api/articles/${articleId}/claims`,
        connections: CONNECTIONS,
        amount,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            setupRequest: (request) => ({ ...request, body: WRITE_BODIES[next++ % WRITE_BODIES.length] }),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", () => {
      lastAnswerAt = performance.now();
    });
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`create claim: ${result.non2xx} non-2xx answers and ${result.errors} errors.`);
  }
  if (process.env.BENCH_MEMORY_DEBUG) {
    process.stderr.write(
      `    ${amount} creates: last answer at ${Math.round(lastAnswerAt - started)} ms, done at ${Math.round(performance.now() - started)} ms\n`,
    );
  }
  return result.requests.total / ((lastAnswerAt - started) / 1000);
}

/** bench/apiBaseline.ts's bare routes in a process of their own (bench/apiServer.ts), on `databaseUrl`. */
async function startBareServer(databaseUrl: string) {
  const child: ChildProcess = fork(API_SERVER_ENTRY, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_SERVER: "baseline", BENCH_DATABASE_URL: databaseUrl, BENCH_PROFILE: "0" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`The bare server exited with ${code}.`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.send({ type: "stop" });
      }),
  };
}

/** The archive's own rows answer a search: three sampled claims found by their quotes (the triggers indexed them). */
async function checkArchiveIsSearchable(server: AppServer, cookie: string, archive: WrittenArchive): Promise<void> {
  const samples = [0, Math.floor(archive.sampleClaims.length / 2), archive.sampleClaims.length - 1];
  for (const index of samples) {
    const claim = archive.sampleClaims[index];
    if (!claim) continue;
    const query = new URLSearchParams({ q: `"${claim.quote}"`, articleId: claim.articleId, kind: "claim" });
    const { body } = await timedGet<SearchResults>(server.baseUrl, cookie, `/api/search?${query}`);
    if (!body.items.some((item) => item.kind === "claim" && item.claim.id === claim.id)) {
      throw new Error(`The search does not find the archive's claim ${claim.id} by its quote: was it indexed?`);
    }
  }
}

/**
 * The memory section for one provider: SQLite in temporary files, or PostgreSQL in throwaway databases on the
 * server `serverUrl` names (dropped afterwards).
 */
export async function benchMemory(provider: DatabaseProvider, serverUrl?: string): Promise<BenchRow[]> {
  const section = `Memory (${provider === "sqlite" ? "SQLite" : SETTLE_FIRST ? "PostgreSQL" : "PostgreSQL, fresh"})`;
  const onServer = provider === "postgresql" ? serverUrl : undefined;
  const databases: ThrowawayDatabase[] = [];
  const servers: { stop(): Promise<void> }[] = [];
  try {
    const archiveDatabase = await createThrowawayDatabase("factmark_bench_memory", onServer);
    databases.push(archiveDatabase);
    const smallDatabase = await createThrowawayDatabase("factmark_bench_memory_small", onServer);
    databases.push(smallDatabase);

    let archive: WrittenArchive;
    let cookie: string;
    let tinyArticleId: string;
    let archiveWriteArticleId: string;
    const db = await createDatabase(archiveDatabase.url);
    try {
      await ensureAccount(db, SEED_ADMIN);
      cookie = await signInBenchAdmin(db);
      process.stderr.write(`  writing ${count(ARTICLES)} articles and ${count(CLAIMS)} claims…\n`);
      archive = await writeMemoryArchive(db, { articles: ARTICLES, claims: CLAIMS });
      process.stderr.write(
        `  archive written in ${(archive.totalMs / 1000).toFixed(1)} s (${(archive.insertMs / 1000).toFixed(1)} s of it inserting)\n`,
      );
      if (SETTLE_FIRST && provider === "postgresql") {
        process.stderr.write("  VACUUM (ANALYZE), as autovacuum would…\n");
        await db.$executeRawUnsafe("VACUUM (ANALYZE)");
      }
      // The baseline GET's article: two claims, the cheapest authenticated read there is.
      const tiny = await createArticle(db, SEED_ADMIN, {
        title: "Bench: a two-claim article",
        format: "text",
        content: "The minister said drones were sold. The envoy denied it.",
      });
      for (const [start, end] of [
        [4, 34],
        [36, 56],
      ] as const) {
        await createClaim(db, SEED_ADMIN, tiny.id, { selectors: { position: { start, end } } });
      }
      tinyArticleId = tiny.id;
      archiveWriteArticleId = await createWriteArticle(db);
    } finally {
      await db.$disconnect();
    }
    let smallCookie: string;
    let smallWriteArticleId: string;
    const smallDb = await createDatabase(smallDatabase.url);
    try {
      await ensureAccount(smallDb, SEED_ADMIN);
      smallCookie = await signInBenchAdmin(smallDb);
      smallWriteArticleId = await createWriteArticle(smallDb);
    } finally {
      await smallDb.$disconnect();
    }

    const rows: BenchRow[] = [
      {
        section,
        name: `archive generated and written (${count(archive.articles)} articles, ${count(archive.claims)} claims)`,
        unit: "s",
        value: archive.totalMs / 1000,
        note: `${count(archive.evidence)} evidence items, ${archive.speakers} speakers with ${archive.aliases} spellings; ${(archive.insertMs / 1000).toFixed(1)} s inserting (the index's triggers included)`,
      },
    ];

    // Both app servers start now, from the same build (another helper's edit may rebuild dist mid-run).
    const server = await startAppServer(archiveDatabase.url, SERVER_ENV);
    servers.push(server);
    const small = await startAppServer(smallDatabase.url, SERVER_ENV);
    servers.push(small);
    await checkArchiveIsSearchable(server, cookie, archive);
    const baselinePath = `/api/articles/${tinyArticleId}/claims`;
    const queries = searchQueries(archive).slice(0, READS);
    const searches = await measureLatencies(
      server,
      cookie,
      baselinePath,
      queries.map((query) => `/api/search?${query}`),
      (body) => (body as SearchResults).items.length,
    );
    const searchCounts = searches.each.map((each) => each.results);
    rows.push(
      ...latencyRows(
        section,
        "GET /api/search",
        searches,
        queries.length,
        `words, phrases, prefixes, OR/-, filters; median ${median(searchCounts)} results, ${searchCounts.filter((results) => results === 0).length} with none; baseline: GET a two-claim article's claims, in turns`,
      ),
    );
    const precedentClaims = archive.sampleClaims.filter((_, index) => index % 2 === 0).slice(0, READS);
    const precedents = await measureLatencies(
      server,
      cookie,
      baselinePath,
      precedentClaims.map((claim) => `/api/claims/${claim.id}/precedents`),
      (body) => (body as PrecedentList).items.length,
    );
    const precedentCounts = precedents.each.map((each) => each.results);
    rows.push(
      ...latencyRows(
        section,
        "GET /api/claims/:id/precedents",
        precedents,
        precedentClaims.length,
        `claims sampled evenly over the archive; ${(precedentCounts.reduce((sum, value) => sum + value, 0) / Math.max(1, precedentCounts.length)).toFixed(1)} precedents on average; baseline as above`,
      ),
    );

    // The index's cost on a write: the same app on a database with one article, and the bare route on the archive.
    const bare = await startBareServer(archiveDatabase.url);
    servers.push(bare);
    const targets = [
      { key: "archive", baseUrl: server.baseUrl, cookie, articleId: archiveWriteArticleId },
      { key: "small", baseUrl: small.baseUrl, cookie: smallCookie, articleId: smallWriteArticleId },
      { key: "bare", baseUrl: bare.baseUrl, cookie, articleId: archiveWriteArticleId },
    ];
    for (const target of targets) await createLoad(target.baseUrl, target.cookie, target.articleId, 200);
    const throughput = new Map<string, number[]>(targets.map((target) => [target.key, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        throughput.get(target.key)?.push(await createLoad(target.baseUrl, target.cookie, target.articleId, WRITES));
      }
    }
    const [onArchive = [], onSmall = [], onBare = []] = ["archive", "small", "bare"].map(
      (key) => throughput.get(key) ?? [],
    );
    const ratioOf = (values: number[], baselines: number[]) =>
      median(values.map((value, index) => value / (baselines[index] ?? Number.NaN)));
    const versusSmall = ratioOf(onArchive, onSmall);
    const versusBare = ratioOf(onArchive, onBare);
    const turns = `median of ${ROUNDS} turns of ${count(WRITES)} creates, ${CONNECTIONS} connections`;
    process.stderr.write(
      `  create claim: archive ${onArchive.map(Math.round).join(", ")}; small ${onSmall.map(Math.round).join(", ")}; bare ${onBare.map(Math.round).join(", ")} req/s\n`,
    );
    rows.push(
      {
        section,
        name: "create claim throughput on the archive, beside a one-article database",
        unit: "req/s",
        value: median(onArchive),
        baseline: median(onSmall),
        ratio: versusSmall,
        goal: `≥ ${WRITE_GOAL_RATIO_SMALL}×`,
        isGoalMet: versusSmall >= WRITE_GOAL_RATIO_SMALL,
        note: `the search index's cost of its size; ${turns}`,
      },
      {
        section,
        name: "create claim throughput on the archive, beside the bare route",
        unit: "req/s",
        value: median(onArchive),
        baseline: median(onBare),
        ratio: versusBare,
        goal: `≥ ${WRITE_GOAL_RATIO_BARE}×`,
        isGoalMet: versusBare >= WRITE_GOAL_RATIO_BARE,
        note: `bench/apiBaseline.ts's one INSERT (which fires the index's triggers too); ${turns}`,
      },
    );
    return rows;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    for (const database of databases) await database.drop();
  }
}
