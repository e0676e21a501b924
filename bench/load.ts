// Load: 50 concurrent reviewers, each with their own session, creating claims and reading the claim list of
// one article that already holds 2,000 claims, for a fixed number of requests, with autocannon on loopback
// against the full app in its own process (default rate limits on: each reviewer stays under theirs).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createDatabase } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureReviewer, LOCAL_REVIEWER } from "../apps/server/src/repositories/reviewerRepository";
import { createArticle } from "../apps/server/src/services/createArticle";
import { createClaim } from "../apps/server/src/services/createClaim";
import { generateArticle } from "./fixture";
import { signInBenchAdmin, signInBenchReviewers } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const SERVER_ENTRY = fileURLToPath(new URL("./apiServer.ts", import.meta.url));
const REVIEWERS = 50;
const REQUESTS = Number(process.env.BENCH_LOAD_REQUESTS ?? 1000);
const P99_GOAL_MS = 100;

export interface LoadResult {
  requests: number;
  seconds: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  preconditionFailed: number;
  /** Non-2xx answers other than the expected 412s. */
  unexpected: number;
  statusCounts: Record<number, number>;
}

/** Runs the load against a fresh SQLite database; answers what autocannon saw. */
export async function runLoad(requests = REQUESTS): Promise<LoadResult> {
  const database = await createThrowawayDatabase("factmark_load");
  try {
    const article = generateArticle();
    const db = await createDatabase(database.url);
    let articleId: string;
    let cookies: string[];
    try {
      await ensureReviewer(db, LOCAL_REVIEWER);
      await signInBenchAdmin(db);
      const created = await createArticle(db, LOCAL_REVIEWER, {
        title: article.title,
        format: "text",
        content: article.content,
      });
      articleId = created.id;
      for (const position of article.spans)
        await createClaim(db, LOCAL_REVIEWER, articleId, { selectors: { position } });
      cookies = await signInBenchReviewers(db, REVIEWERS);
    } finally {
      await db.$disconnect();
    }
    const server = await startAppServer(database.url);
    try {
      return await drive(server.baseUrl, articleId, article, cookies, requests);
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

async function drive(
  baseUrl: string,
  articleId: string,
  article: ReturnType<typeof generateArticle>,
  cookies: string[],
  amount: number,
): Promise<LoadResult> {
  const bodies = article.spans.map((span) =>
    JSON.stringify({ selectors: { position: span, quote: { exact: article.content.slice(span.start, span.end) } } }),
  );
  let nextReviewer = 0;
  let nextBody = 0;
  const latencies: number[] = [];
  const statusCounts: Record<number, number> = {};
  // Each connection is one reviewer: its context keeps that reviewer's session for every request it sends.
  const withSession = (request: autocannon.Request, context: Record<string, unknown>) => {
    context.cookie ??= cookies[nextReviewer++ % cookies.length];
    return { ...request, headers: { ...request.headers, cookie: context.cookie as string } };
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${baseUrl}/api/articles/${articleId}/claims`,
        connections: REVIEWERS,
        amount,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: ((request: autocannon.Request, context: Record<string, unknown>) => ({
              ...withSession(request, context),
              body: bodies[nextBody++ % bodies.length],
            })) as never,
          },
          { method: "GET", setupRequest: withSession as never },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", ((_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    }) as never);
  });
  latencies.sort((left, right) => left - right);
  const at = (fraction: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? Number.NaN;
  const preconditionFailed = statusCounts[412] ?? 0;
  const unexpected = Object.entries(statusCounts)
    .filter(([status]) => Number(status) >= 300 && Number(status) !== 412)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: result.requests.total,
    seconds: (result.finish.getTime() - result.start.getTime()) / 1000,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    errors: result.errors,
    timeouts: result.timeouts,
    preconditionFailed,
    unexpected,
    statusCounts,
  };
}

async function startAppServer(databaseUrl: string) {
  const child: ChildProcess = fork(SERVER_ENTRY, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_SERVER: "app", BENCH_DATABASE_URL: databaseUrl, BENCH_PROFILE: "0" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`The app server exited with ${code}.`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "stop" });
      }),
  };
}

/** The load section's rows for `pnpm bench`. */
export async function benchLoad(): Promise<BenchRow[]> {
  const result = await runLoad();
  const section = "Load (50 reviewers, SQLite)";
  const note = `${result.requests} requests, half creating claims, half listing 2,000+; ${result.seconds.toFixed(1)} s`;
  return [
    { section, name: "throughput", unit: "req/s", value: result.requests / result.seconds, note },
    { section, name: "p50 latency", unit: "ms", value: result.p50Ms },
    { section, name: "p95 latency", unit: "ms", value: result.p95Ms },
    {
      section,
      name: "p99 latency",
      unit: "ms",
      value: result.p99Ms,
      goal: `< ${P99_GOAL_MS} ms`,
      isGoalMet: result.p99Ms < P99_GOAL_MS,
    },
    { section, name: "errors", unit: "", value: result.errors, goal: "0", isGoalMet: result.errors === 0 },
    {
      section,
      name: "non-2xx other than 412",
      unit: "",
      value: result.unexpected,
      goal: "0",
      isGoalMet: result.unexpected === 0,
      note: `412s: ${result.preconditionFailed}; by status: ${JSON.stringify(result.statusCounts)}`,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runLoad();
  console.log(result);
}
