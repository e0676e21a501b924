// API against the limit (issue 16): create-claim, verdict changes, create-link and list-claims through the server as the README's start
// command runs it (bench/appServer.ts), beside a bare baseline (bench/apiBaseline.ts: bare Hono routes, one
// prepared INSERT a create), both running at once and measured in turns, on a generated 50,000-word article
// with 2,000 claims, over loopback HTTP with 10 connections.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createDatabase, type DatabaseProvider } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import { startAppServer } from "./appServer";
import { type BenchArticle, generateArticle } from "./fixture";
import { signInBenchAdmin } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const SERVER_ENTRY = fileURLToPath(new URL("./apiServer.ts", import.meta.url));
/** Bounded runs: enough requests for a stable p99, few enough to keep `pnpm bench` to a minute or two. */
const CREATE_REQUESTS = Number(process.env.BENCH_CREATE_REQUESTS ?? 3000);
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 300);
/** Creates sent one at a time (no concurrency, so no group commit): the per-request cost alone. */
const SERIAL_REQUESTS = Number(process.env.BENCH_SERIAL_REQUESTS ?? 500);
/** Turns of app then baseline; each figure is the median over the turns (the machine's noise shows as the range). */
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
const WARMUP_REQUESTS = 200;
const CONNECTIONS = 10;
const PROFILE_REQUESTS = 20;
/** The goals for a create; a verdict change and a link, the other writes a reviewer makes all day, are held to the same. */
const WRITE_GOAL_RATIO = 0.6;
const WRITE_GOAL_P99_MS = 20;
const LIST_GOAL_RATIO = 0.7;
/** The per-session write limit would cap a load from one session: lifted for this section only. */
const SERVER_ENV = { RATE_LIMIT_WRITES: "1000000000" };

/** The bench admin's session: every request to the app carries it (the baseline ignores it). */
let sessionCookie = "";

interface Load {
  requestsPerSecond: number;
  p99Ms: number;
}

export interface Workload {
  name: "create claim" | "list claims" | "change verdict" | "create link";
  path: string;
  method: "GET" | "POST" | "PATCH";
  /** Request bodies, used in turn. */
  bodies?: string[];
  /** Each request's own path, body and headers, in turn (instead of `path` and `bodies`); `answered` hears its answer. */
  next?: () => { path: string; body: string; headers: Record<string, string> };
  answered?: (status: number, body: string) => void;
  amount: number;
}

/**
 * Verdict changes of `claims` in turn, each naming the version its last answer gave (If-Match), the verdict flipped
 * between contradicted and supported each time, so every one is a real change; the same rows serve the app and the
 * baseline, which both bump a version per change. A request prepared but not sent costs nothing: a version is taken
 * from answers only.
 */
function verdictChanges(claims: readonly { id: string; version: number }[], amount: number): Workload {
  const versions = new Map(claims.map((claim) => [claim.id, claim.version]));
  let next = 0;
  return {
    name: "change verdict",
    path: "/api/claims",
    method: "PATCH",
    amount,
    next: () => {
      const claim = claims[next++ % claims.length] as { id: string };
      const version = versions.get(claim.id) ?? 1;
      return {
        path: `/api/claims/${claim.id}`,
        body: JSON.stringify({ verdict: version % 2 === 1 ? "contradicted" : "supported" }),
        headers: { "if-match": `"${version}"` },
      };
    },
    answered: (status, body) => {
      if (status !== 200) return;
      const { id, version } = JSON.parse(body) as { id: string; version: number };
      versions.set(id, version);
    },
  };
}

/**
 * Links between claims of the article `articleId`, each pair new (claim k and the one d after it, d growing by one each
 * round of the claims), so each is made, never refused as a duplicate; the same sequence serves the app and the baseline.
 */
function linkCreates(articleId: string, claims: readonly { id: string }[], amount: number): Workload {
  let next = 0;
  return {
    name: "create link",
    path: `/api/articles/${articleId}/links`,
    method: "POST",
    amount,
    next: () => {
      const index = next++;
      const from = index % claims.length;
      const distance = 1 + Math.floor(index / claims.length);
      if (distance * 2 >= claims.length) throw new Error("The bench ran out of claim pairs never linked.");
      return {
        path: `/api/articles/${articleId}/links`,
        body: JSON.stringify({
          kind: "contradicts",
          fromClaimId: (claims[from] as { id: string }).id,
          toClaimId: (claims[(from + distance) % claims.length] as { id: string }).id,
        }),
        headers: {},
      };
    },
  };
}

/** Loads the bench article (with its claims) and an empty copy the create benchmark writes into. */
export async function loadFixture(databaseUrl: string, article: BenchArticle) {
  const db = await createDatabase(databaseUrl);
  try {
    await ensureAccount(db, SEED_ADMIN);
    const input = { title: article.title, format: "text" as const, content: article.content };
    const listed = await createArticle(db, SEED_ADMIN, input);
    if (listed.text !== article.content) throw new Error("The bench article's text projection is not its content.");
    const claims: { id: string; version: number }[] = [];
    for (const position of article.spans) {
      const claim = await createClaim(db, SEED_ADMIN, listed.id, { selectors: { position } });
      claims.push({ id: claim.id, version: claim.version });
    }
    const written = await createArticle(db, SEED_ADMIN, { ...input, title: `${article.title} (writes)` });
    return { listArticleId: listed.id, createArticleId: written.id, claims, cookie: await signInBenchAdmin(db) };
  } finally {
    await db.$disconnect();
  }
}

/** The baseline server, or with `isProfiling` the app in-process with query counting (bench/apiServer.ts). */
async function startForkedServer(kind: "baseline" | "app", databaseUrl: string, isProfiling = false) {
  const child: ChildProcess = fork(SERVER_ENTRY, [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      ...SERVER_ENV,
      BENCH_SERVER: kind,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_PROFILE: isProfiling ? "1" : "0",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`The ${kind} server exited with ${code}.`)));
  });
  const ask = <T>(type: string) =>
    new Promise<T>((resolve) => {
      child.once("message", (message) => resolve(message as T));
      child.send({ type });
    });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    ask,
    reset: () => child.send({ type: "reset" }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.send({ type: "stop" });
      }),
  };
}

/** `amount` requests of `workload` over `connections`, each with the session `cookie` (the bench admin's). */
export async function load(
  baseUrl: string,
  workload: Workload,
  amount: number,
  connections = CONNECTIONS,
  cookie = sessionCookie,
): Promise<Load> {
  let next = 0;
  const latencies: number[] = [];
  // Timed here, from the start to the last answer: autocannon's own start and finish move in whole seconds, and it
  // ends a run of `amount` requests on its once-a-second tick, so its callback came 0–1 s after the last answer (runs
  // of 1,500 creates read 3.01 s for the app and the baseline alike, a ratio of 1.00 whatever the speeds).
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl + workload.path,
        connections,
        amount,
        // autocannon's 10 s would end the section at the first slow answer on a busy machine: counted in p99 instead.
        timeout: 60,
        requests: [
          {
            method: workload.method,
            headers: { "content-type": "application/json", cookie },
            setupRequest: (request) => {
              if (workload.next) {
                const { path, body, headers } = workload.next();
                return { ...request, path, body, headers: { ...request.headers, ...headers } };
              }
              return workload.bodies ? { ...request, body: workload.bodies[next++ % workload.bodies.length] } : request;
            },
            ...(workload.answered ? { onResponse: workload.answered } : {}),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", ((_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      lastAnswerAt = performance.now();
    }) as never);
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${workload.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors.`);
  }
  const seconds = (lastAnswerAt - startedAt) / 1000;
  latencies.sort((left, right) => left - right);
  return {
    requestsPerSecond: result.requests.total / seconds,
    p99Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? Number.NaN,
  };
}

/** Prisma operations and SQL statements per request, sent one at a time through a counting app server. */
async function profile(databaseUrl: string, workloads: Workload[]) {
  const server = await startForkedServer("app", databaseUrl, true);
  const perRequest = new Map<string, { prismaOperations: number; sqlStatements: number }>();
  try {
    for (const workload of workloads) {
      server.reset();
      for (let index = 0; index < PROFILE_REQUESTS; index++) {
        const own = workload.next?.();
        const response = await fetch(server.baseUrl + (own?.path ?? workload.path), {
          method: workload.method,
          headers: { "content-type": "application/json", cookie: sessionCookie, ...own?.headers },
          ...(own
            ? { body: own.body }
            : workload.bodies
              ? { body: workload.bodies[index % workload.bodies.length] }
              : {}),
        });
        workload.answered?.(response.status, await response.text());
      }
      const { counts } = await server.ask<{ counts: { prismaOperations: number; sqlStatements: number } }>("counts");
      perRequest.set(workload.name, {
        prismaOperations: counts.prismaOperations / PROFILE_REQUESTS,
        sqlStatements: counts.sqlStatements / PROFILE_REQUESTS,
      });
    }
  } finally {
    await server.stop();
  }
  return perRequest;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const range = (values: number[], digits: number) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

/**
 * The API section for one provider: SQLite in a temporary file, or PostgreSQL in a throwaway database
 * on the server `serverUrl` names (dropped afterwards).
 */
export async function benchApi(provider: DatabaseProvider, serverUrl?: string): Promise<BenchRow[]> {
  const section = `API (${provider === "sqlite" ? "SQLite" : "PostgreSQL"})`;
  const database = await createThrowawayDatabase("factmark_bench", provider === "postgresql" ? serverUrl : undefined);
  try {
    const article = generateArticle();
    const { listArticleId, createArticleId, claims, cookie } = await loadFixture(database.url, article);
    sessionCookie = cookie;
    const bodies = article.spans.map((span) =>
      JSON.stringify({
        selectors: { position: span, quote: { exact: article.content.slice(span.start, span.end) } },
      }),
    );
    const list: Workload = {
      name: "list claims",
      path: `/api/articles/${listArticleId}/claims`,
      method: "GET",
      amount: LIST_REQUESTS,
    };
    const create: Workload = {
      name: "create claim",
      path: `/api/articles/${createArticleId}/claims`,
      method: "POST",
      bodies,
      amount: CREATE_REQUESTS,
    };
    const verdict = verdictChanges(claims, CREATE_REQUESTS);
    const link = linkCreates(listArticleId, claims, CREATE_REQUESTS);
    const measured = new Map<string, Load[]>();
    const measure = async (key: string, baseUrl: string, workload: Workload, connections = CONNECTIONS) => {
      const loads = measured.get(key) ?? [];
      loads.push(await load(baseUrl, workload, connections === 1 ? SERIAL_REQUESTS : workload.amount, connections));
      measured.set(key, loads);
    };
    // Both servers run throughout, idle while the other is measured: each turn's figures are back to back.
    const app = await startAppServer(database.url, SERVER_ENV);
    const baseline = await startForkedServer("baseline", database.url);
    try {
      for (const workload of [list, create, verdict, link]) {
        await load(app.baseUrl, workload, WARMUP_REQUESTS);
        await load(baseline.baseUrl, workload, WARMUP_REQUESTS);
      }
      for (let round = 0; round < ROUNDS; round++) {
        for (const workload of [list, create, verdict, link]) {
          await measure(`app ${workload.name}`, app.baseUrl, workload);
          await measure(`baseline ${workload.name}`, baseline.baseUrl, workload);
        }
        // One request at a time: nothing to commit together, each create waits for its own sync.
        await measure("app serial create", app.baseUrl, create, 1);
        await measure("baseline serial create", baseline.baseUrl, create, 1);
      }
    } finally {
      await Promise.all([app.stop(), baseline.stop()]);
    }
    const counts = await profile(database.url, [list, create, verdict, link]);
    const note = (workload: Workload) => {
      const count = counts.get(workload.name);
      return count
        ? `${count.prismaOperations.toFixed(1)} Prisma ops, ${count.sqlStatements.toFixed(1)} SQL statements a request`
        : "";
    };
    const rows: BenchRow[] = [];
    for (const [workload, goal] of [
      [list, LIST_GOAL_RATIO],
      [create, WRITE_GOAL_RATIO],
      [verdict, WRITE_GOAL_RATIO],
      [link, WRITE_GOAL_RATIO],
    ] as const) {
      const apps = measured.get(`app ${workload.name}`) ?? [];
      const baselines = measured.get(`baseline ${workload.name}`) ?? [];
      const ratios = apps.map((load, index) => load.requestsPerSecond / (baselines[index]?.requestsPerSecond ?? 1));
      const ratio = median(ratios);
      const size = workload === list ? `${article.spans.length} claims` : `${workload.amount} requests`;
      const isWrite = workload !== list;
      rows.push({
        section,
        name: `${workload.name} throughput (${size})`,
        unit: "req/s",
        value: median(apps.map((load) => load.requestsPerSecond)),
        baseline: median(baselines.map((load) => load.requestsPerSecond)),
        ratio,
        goal: `≥ ${goal}×`,
        isGoalMet: ratio >= goal,
        note: `median of ${ROUNDS} turns, ratios ${range(ratios, 2)}; ${note(workload)}`,
      });
      const p99 = median(apps.map((load) => load.p99Ms));
      rows.push({
        section,
        name: `${workload.name} p99`,
        unit: "ms",
        value: p99,
        baseline: median(baselines.map((load) => load.p99Ms)),
        ...(isWrite ? { goal: `< ${WRITE_GOAL_P99_MS} ms`, isGoalMet: p99 < WRITE_GOAL_P99_MS } : {}),
        // Little's law: a closed loop of CONNECTIONS clients answered at X req/s waits CONNECTIONS / X s on average, a
        // floor under any percentile above the median that no server work can lower at that throughput.
        note: `${CONNECTIONS} connections; app ${range(
          apps.map((load) => load.p99Ms),
          0,
        )} ms over the turns; mean wait at this throughput (Little's law) ${(
          (CONNECTIONS / median(apps.map((load) => load.requestsPerSecond))) * 1000
        ).toFixed(1)} ms`,
      });
    }
    const serialApps = measured.get("app serial create") ?? [];
    const serialBaselines = measured.get("baseline serial create") ?? [];
    const serialRatios = serialApps.map(
      (load, index) => load.requestsPerSecond / (serialBaselines[index]?.requestsPerSecond ?? 1),
    );
    rows.push({
      section,
      name: `create claim throughput, 1 connection (${SERIAL_REQUESTS} requests)`,
      unit: "req/s",
      value: median(serialApps.map((load) => load.requestsPerSecond)),
      baseline: median(serialBaselines.map((load) => load.requestsPerSecond)),
      ratio: median(serialRatios),
      note: `median of ${ROUNDS} turns, ratios ${range(serialRatios, 2)}; app p99 ${median(
        serialApps.map((load) => load.p99Ms),
      ).toFixed(1)} ms`,
    });
    return rows;
  } finally {
    await database.drop();
  }
}
