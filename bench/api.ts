// API against the limit: create-claim and list-claims through the full app, beside a bare baseline
// doing the same SQL, on a generated 50,000-word article with 2,000 claims, over loopback HTTP.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { createDatabase, type DatabaseProvider } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import { type BenchArticle, generateArticle } from "./fixture";
import { signInBenchAdmin } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const SERVER_ENTRY = fileURLToPath(new URL("./apiServer.ts", import.meta.url));
/** Bounded runs: enough requests for a stable p95, few enough to keep `pnpm bench` to a minute or two. */
const CREATE_REQUESTS = Number(process.env.BENCH_CREATE_REQUESTS ?? 3000);
const LIST_REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 300);
const WARMUP_REQUESTS = 100;
const CONNECTIONS = 8;
const PROFILE_REQUESTS = 20;

type ServerKind = "app" | "baseline";

/** The bench admin's session: every request to the app carries it (the baseline ignores it). */
let sessionCookie = "";

interface Load {
  requestsPerSecond: number;
  p95Ms: number;
}

interface Workload {
  name: "create claim" | "list claims";
  path: string;
  method: "GET" | "POST";
  /** Request bodies, used in turn. */
  bodies?: string[];
  amount: number;
  goal: number;
}

/** Loads the bench article (with its claims) and an empty copy the create benchmark writes into. */
async function loadFixture(databaseUrl: string, article: BenchArticle) {
  const db = await createDatabase(databaseUrl);
  try {
    await ensureAccount(db, SEED_ADMIN);
    const input = { title: article.title, format: "text" as const, content: article.content };
    const listed = await createArticle(db, SEED_ADMIN, input);
    if (listed.text !== article.content) throw new Error("The bench article's text projection is not its content.");
    for (const position of article.spans) {
      await createClaim(db, SEED_ADMIN, listed.id, { selectors: { position } });
    }
    const written = await createArticle(db, SEED_ADMIN, { ...input, title: `${article.title} (writes)` });
    return { listArticleId: listed.id, createArticleId: written.id, cookie: await signInBenchAdmin(db) };
  } finally {
    await db.$disconnect();
  }
}

async function startServer(kind: ServerKind, databaseUrl: string, isProfiling = false) {
  const child: ChildProcess = fork(SERVER_ENTRY, [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      BENCH_SERVER: kind,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_PROFILE: isProfiling ? "1" : "0",
      // This section measures the app's ceiling from one session: the per-session write limit would cap it.
      RATE_LIMIT_WRITES: "1000000000",
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
        child.once("exit", () => resolve());
        child.send({ type: "stop" });
      }),
  };
}

async function load(baseUrl: string, workload: Workload, amount: number): Promise<Load> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl + workload.path,
        connections: CONNECTIONS,
        amount,
        requests: [
          {
            method: workload.method,
            headers: { "content-type": "application/json", cookie: sessionCookie },
            setupRequest: (request) =>
              workload.bodies ? { ...request, body: workload.bodies[next++ % workload.bodies.length] } : request,
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", ((_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    }) as never);
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${workload.name}: ${result.non2xx} non-2xx answers and ${result.errors} errors.`);
  }
  latencies.sort((left, right) => left - right);
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    requestsPerSecond: result.requests.total / seconds,
    p95Ms: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? Number.NaN,
  };
}

/** Prisma operations and SQL statements per request, sent one at a time through a counting app server. */
async function profile(databaseUrl: string, workloads: Workload[]) {
  const server = await startServer("app", databaseUrl, true);
  const perRequest = new Map<string, { prismaOperations: number; sqlStatements: number }>();
  try {
    for (const workload of workloads) {
      server.reset();
      for (let index = 0; index < PROFILE_REQUESTS; index++) {
        const response = await fetch(server.baseUrl + workload.path, {
          method: workload.method,
          headers: { "content-type": "application/json", cookie: sessionCookie },
          ...(workload.bodies ? { body: workload.bodies[index % workload.bodies.length] } : {}),
        });
        await response.arrayBuffer();
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

/**
 * The API section for one provider: SQLite in a temporary file, or PostgreSQL in a throwaway database
 * on the server `serverUrl` names (dropped afterwards).
 */
export async function benchApi(provider: DatabaseProvider, serverUrl?: string): Promise<BenchRow[]> {
  const section = `API (${provider === "sqlite" ? "SQLite" : "PostgreSQL"})`;
  const database = await createThrowawayDatabase("factmark_bench", provider === "postgresql" ? serverUrl : undefined);
  try {
    const article = generateArticle();
    const { listArticleId, createArticleId, cookie } = await loadFixture(database.url, article);
    sessionCookie = cookie;
    const bodies = article.spans.map((span) =>
      JSON.stringify({
        selectors: { position: span, quote: { exact: article.content.slice(span.start, span.end) } },
      }),
    );
    const workloads: Workload[] = [
      {
        name: "list claims",
        path: `/api/articles/${listArticleId}/claims`,
        method: "GET",
        amount: LIST_REQUESTS,
        goal: 0.7,
      },
      {
        name: "create claim",
        path: `/api/articles/${createArticleId}/claims`,
        method: "POST",
        bodies,
        amount: CREATE_REQUESTS,
        goal: 0.6,
      },
    ];
    const measured = new Map<string, Load>();
    for (const kind of ["app", "baseline"] as const) {
      const server = await startServer(kind, database.url);
      try {
        for (const workload of workloads) {
          await load(server.baseUrl, workload, WARMUP_REQUESTS);
          measured.set(`${kind} ${workload.name}`, await load(server.baseUrl, workload, workload.amount));
        }
      } finally {
        await server.stop();
      }
    }
    const counts = await profile(database.url, workloads);
    return workloads.flatMap((workload) => {
      const app = measured.get(`app ${workload.name}`) as Load;
      const baseline = measured.get(`baseline ${workload.name}`) as Load;
      const ratio = app.requestsPerSecond / baseline.requestsPerSecond;
      const count = counts.get(workload.name);
      const note = count
        ? `${count.prismaOperations.toFixed(1)} Prisma ops, ${count.sqlStatements.toFixed(1)} SQL statements a request`
        : "";
      const size = workload.name === "list claims" ? `${article.spans.length} claims` : `${workload.amount} requests`;
      return [
        {
          section,
          name: `${workload.name} throughput (${size})`,
          unit: "req/s",
          value: app.requestsPerSecond,
          baseline: baseline.requestsPerSecond,
          ratio,
          goal: `≥ ${workload.goal}×`,
          isGoalMet: ratio >= workload.goal,
          note,
        },
        {
          section,
          name: `${workload.name} p95`,
          unit: "ms",
          value: app.p95Ms,
          baseline: baseline.p95Ms,
          note: `${CONNECTIONS} connections`,
        },
      ];
    });
  } finally {
    await database.drop();
  }
}
