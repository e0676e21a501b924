// Load: 50 concurrent reviewers, each with their own session, on one article that already holds 2,000 claims,
// against the full app in its own process (default rate limits on: each reviewer stays under theirs), on loopback.
// 1. Open: the 50 open the article at once, each reading the whole claim list (fetch, timed one by one).
// 2. Work (after 500 unmeasured warm-up requests): autocannon, a fixed number of requests; each reviewer marks a claim, then refreshes the list with the
//    cursor of its last read (what the web app does), and so on, paced at REVIEWER_RATE requests a second.
// 3. Saturation: the same work unpaced, every reviewer sending its next request as soon as the last is answered:
//    what the server can take, not what 50 people do. Reported beside, with no goal.
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createDatabase } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import { startAppServer } from "./appServer";
import { generateArticle } from "./fixture";
import { signInBenchAdmin, signInBenchReviewers } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const REVIEWERS = 50;
/** A minute of work at the pace below: long enough that one stall of the disk does not make the p99 alone. */
const REQUESTS = Number(process.env.BENCH_LOAD_REQUESTS ?? 6000);
/**
 * Requests a second per reviewer while working: a claim marked and the list refreshed every second, about
 * twenty times the pace of a fast human reviewer (one claim every 10 to 30 s, in our sample sessions).
 */
const REVIEWER_RATE = Number(process.env.BENCH_LOAD_RATE ?? 2);
const P99_GOAL_MS = 100;
const WARMUP_REQUESTS = 500;

export interface LatencySummary {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface PhaseResult extends LatencySummary {
  requests: number;
  seconds: number;
  /**
   * Paced runs: the p99 corrected for coordinated omission, counting the requests a reviewer would have sent
   * while waiting on a slow answer (HdrHistogram's correction, expected interval 1000 / rate ms).
   */
  correctedP99Ms?: number;
  errors: number;
  timeouts: number;
  preconditionFailed: number;
  /** Non-2xx answers other than the expected 412s. */
  unexpected: number;
  statusCounts: Record<number, number>;
  /** Bytes answered per list refresh, on average. */
  refreshBytes: number;
}

export interface LoadResult {
  /** One 4 KB write made durable (fdatasync) on the disk the database is on: what every commit waits for. */
  fsync: LatencySummary;
  open: LatencySummary & { seconds: number; bytes: number; failures: number };
  work: PhaseResult;
  saturation: PhaseResult;
}

function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((left, right) => left - right);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: sorted.at(-1) ?? Number.NaN };
}

/**
 * Latencies as a paced sender would have seen them had it not waited: an answer slower than the interval
 * held back the requests due meanwhile, each of which would have waited that much less (HdrHistogram's
 * recordValueWithExpectedInterval).
 */
function correctForOmission(latencies: number[], expectedIntervalMs: number): number[] {
  const corrected = [...latencies];
  for (const latency of latencies) {
    for (let missed = latency - expectedIntervalMs; missed >= expectedIntervalMs; missed -= expectedIntervalMs)
      corrected.push(missed);
  }
  return corrected;
}

/** Times `count` small writes each followed by fdatasync, beside where the throwaway databases go. */
function probeFsync(count = 500): LatencySummary {
  const dir = mkdtempSync(path.join(tmpdir(), "factmark-fsync-"));
  const block = Buffer.alloc(4096, 1);
  const file = openSync(path.join(dir, "probe"), "w");
  const times: number[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const startedAt = performance.now();
      writeSync(file, block);
      fdatasyncSync(file);
      times.push(performance.now() - startedAt);
    }
  } finally {
    closeSync(file);
    rmSync(dir, { recursive: true, force: true });
  }
  return summarize(times);
}

/** Runs the three phases against a fresh SQLite database; answers what each saw. */
export async function runLoad(requests = REQUESTS): Promise<LoadResult> {
  const fsync = probeFsync();
  const database = await createThrowawayDatabase("factmark_load");
  try {
    const article = generateArticle();
    const db = await createDatabase(database.url);
    let articleId: string;
    let cookies: string[];
    try {
      await ensureAccount(db, SEED_ADMIN);
      await signInBenchAdmin(db);
      const created = await createArticle(db, SEED_ADMIN, {
        title: article.title,
        format: "text",
        content: article.content,
      });
      articleId = created.id;
      for (const position of article.spans) await createClaim(db, SEED_ADMIN, articleId, { selectors: { position } });
      cookies = await signInBenchReviewers(db, REVIEWERS);
    } finally {
      await db.$disconnect();
    }
    const server = await startAppServer(database.url);
    try {
      const listUrl = `${server.baseUrl}/api/articles/${articleId}/claims`;
      const { summary: open, cursors } = await openTogether(listUrl, cookies);
      const bodies = article.spans.map((span) =>
        JSON.stringify({
          selectors: { position: span, quote: { exact: article.content.slice(span.start, span.end) } },
        }),
      );
      // Warm-up, not measured: the server's first requests of each kind run cold code (JIT, Prisma's plans).
      await drive(listUrl, bodies, cookies, cursors, WARMUP_REQUESTS, undefined);
      const work = await drive(listUrl, bodies, cookies, cursors, requests, REVIEWER_RATE);
      const saturation = await drive(listUrl, bodies.slice().reverse(), cookies, cursors, requests, undefined);
      return { fsync, open, work, saturation };
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

/** Every reviewer reads the whole list at the same moment; answers the latencies and each one's cursor. */
async function openTogether(listUrl: string, cookies: string[]) {
  const started = performance.now();
  const reads = await Promise.all(
    cookies.map(async (cookie) => {
      const sent = performance.now();
      const response = await fetch(listUrl, { headers: { cookie, "accept-encoding": "gzip" } });
      const text = await response.text();
      const latency = performance.now() - sent;
      const cursor = response.ok ? (JSON.parse(text) as { cursor: number }).cursor : 0;
      return { latency, cursor, bytes: text.length, ok: response.ok };
    }),
  );
  return {
    summary: {
      ...summarize(reads.map((read) => read.latency)),
      seconds: (performance.now() - started) / 1000,
      bytes: reads[0]?.bytes ?? 0,
      failures: reads.filter((read) => !read.ok).length,
    },
    cursors: reads.map((read) => read.cursor),
  };
}

/**
 * Reviewers mark a claim and refresh the list, in turn, `amount` requests in all. Paced: one autocannon
 * instance per reviewer, each starting a little after the last, so the reviewers' seconds do not all begin
 * together (autocannon paces each connection from its own start; 50 connections of one instance would send
 * their requests in one burst at the top of every second). Unpaced: one instance, one connection each.
 */
async function drive(
  listUrl: string,
  bodies: string[],
  cookies: string[],
  cursors: number[],
  amount: number,
  connectionRate: number | undefined,
): Promise<PhaseResult> {
  let nextBody = 0;
  let refreshes = 0;
  let refreshBytes = 0;
  const latencies: number[] = [];
  const statusCounts: Record<number, number> = {};
  const { pathname } = new URL(listUrl);
  const perReviewer = Math.ceil(amount / REVIEWERS);
  let lastAnswerAt = 0;

  /** `connections` reviewers from `first` on: each connection's context keeps one reviewer's session and cursor. */
  function run(first: number, connections: number, share: number) {
    let nextReviewer = first;
    const asReviewer = (request: autocannon.Request, context: Record<string, unknown>) => {
      if (context.reviewer === undefined) context.reviewer = nextReviewer++;
      const reviewer = context.reviewer as number;
      context.cursor ??= cursors[reviewer] ?? 0;
      return { ...request, headers: { ...request.headers, cookie: cookies[reviewer] as string } };
    };
    const mark: autocannon.Request = {
      method: "POST",
      headers: { "content-type": "application/json" },
      setupRequest: ((request: autocannon.Request, context: Record<string, unknown>) => ({
        ...asReviewer(request, context),
        body: bodies[nextBody++ % bodies.length],
      })) as never,
    };
    const refresh: autocannon.Request = {
      method: "GET",
      setupRequest: ((request: autocannon.Request, context: Record<string, unknown>) => ({
        ...asReviewer(request, context),
        path: `${pathname}?since=${context.cursor as number}`,
      })) as never,
      onResponse: ((status: number, body: string, context: Record<string, unknown>) => {
        if (status !== 200) return;
        refreshes++;
        refreshBytes += body.length;
        context.cursor = (JSON.parse(body) as { cursor: number }).cursor;
        // The next phase picks up where this reviewer's list is.
        cursors[context.reviewer as number] = context.cursor as number;
      }) as never,
    };
    return new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: listUrl,
          connections,
          amount: share * connections,
          // autocannon's own correction takes ceil(1 / rate) ms as the interval (1 ms at 2 a second), which
          // turns every answer into dozens of samples; the corrected figure is computed below instead.
          ...(connectionRate === undefined ? {} : { connectionRate, ignoreCoordinatedOmission: true }),
          // autocannon clears a connection's context each time it comes round to the first request again,
          // so the list is as long as a connection's share: a reviewer keeps one context from start to end.
          requests: Array.from({ length: share + 2 }, (_, index) => (index % 2 === 0 ? mark : refresh)),
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on("response", ((_client: unknown, status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        lastAnswerAt = performance.now();
        statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      }) as never);
    });
  }

  // Timed here, from the start to the last answer: autocannon's `finish` moves in whole seconds (it ends a run of
  // `amount` requests on its once-a-second tick), which would count up to a second of idling as work.
  const startedAt = performance.now();
  const results =
    connectionRate === undefined
      ? [await run(0, REVIEWERS, perReviewer)]
      : await Promise.all(
          cookies.map(async (_, reviewer) => {
            await new Promise((resolve) => setTimeout(resolve, (reviewer * 1000) / REVIEWERS));
            return run(reviewer, 1, perReviewer);
          }),
        );
  const preconditionFailed = statusCounts[412] ?? 0;
  const unexpected = Object.entries(statusCounts)
    .filter(([status]) => Number(status) >= 300 && Number(status) !== 412)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: results.reduce((sum, result) => sum + result.requests.total, 0),
    seconds: (lastAnswerAt - startedAt) / 1000,
    ...summarize(latencies),
    ...(connectionRate === undefined
      ? {}
      : { correctedP99Ms: summarize(correctForOmission(latencies, 1000 / connectionRate)).p99Ms }),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
    preconditionFailed,
    unexpected,
    statusCounts,
    refreshBytes: refreshes === 0 ? 0 : refreshBytes / refreshes,
  };
}

/** The load section's rows for `pnpm bench`. */
export async function benchLoad(): Promise<BenchRow[]> {
  const { fsync, open, work, saturation } = await runLoad();
  const section = "Load (50 reviewers, SQLite)";
  const p99 = Math.max(work.p99Ms, work.correctedP99Ms ?? 0);
  return [
    {
      section,
      name: "disk: a 4 KB write made durable (fdatasync), p99",
      unit: "ms",
      value: fsync.p99Ms,
      note: `500 writes before the run: p50 ${fsync.p50Ms.toFixed(1)} ms, max ${fsync.maxMs.toFixed(1)} ms; every commit waits for one (synchronous = FULL)`,
    },
    {
      section,
      name: "open: 50 whole-list reads at once, p50",
      unit: "ms",
      value: open.p50Ms,
      note: `${(open.bytes / 1024).toFixed(0)} KB of JSON each; all 50 done in ${open.seconds.toFixed(2)} s; ${open.failures} failed`,
    },
    { section, name: "open: p99 (the 50th reader)", unit: "ms", value: open.p99Ms },
    {
      section,
      name: "work: throughput",
      unit: "req/s",
      value: work.requests / work.seconds,
      note: `${work.requests} requests in ${work.seconds.toFixed(1)} s, ${REVIEWER_RATE} a second per reviewer: mark a claim, refresh the list (${work.refreshBytes.toFixed(0)} B a refresh)`,
    },
    { section, name: "work: p50 latency", unit: "ms", value: work.p50Ms },
    { section, name: "work: p95 latency", unit: "ms", value: work.p95Ms },
    {
      section,
      name: "work: p99 latency",
      unit: "ms",
      value: p99,
      goal: `< ${P99_GOAL_MS} ms`,
      isGoalMet: p99 < P99_GOAL_MS,
      note: `measured ${work.p99Ms.toFixed(1)} ms; corrected for coordinated omission ${work.correctedP99Ms?.toFixed(1)} ms (the larger counts); max ${work.maxMs.toFixed(0)} ms`,
    },
    {
      section,
      name: "work: errors and timeouts",
      unit: "",
      value: work.errors + work.timeouts,
      goal: "0",
      isGoalMet: work.errors + work.timeouts === 0,
    },
    {
      section,
      name: "work: non-2xx other than 412",
      unit: "",
      value: work.unexpected,
      goal: "0",
      isGoalMet: work.unexpected === 0,
      note: `412s: ${work.preconditionFailed}; by status: ${JSON.stringify(work.statusCounts)}`,
    },
    {
      section,
      name: "saturation: throughput, unpaced",
      unit: "req/s",
      value: saturation.requests / saturation.seconds,
      note: `no pause between requests; errors ${saturation.errors + saturation.timeouts}, non-2xx ${saturation.unexpected}`,
    },
    { section, name: "saturation: p50 latency", unit: "ms", value: saturation.p50Ms },
    { section, name: "saturation: p99 latency", unit: "ms", value: saturation.p99Ms },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runLoad();
  console.log(result);
}
