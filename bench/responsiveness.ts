// Responsiveness: while one heavy request runs, does everyone else still get answers? The server runs as users
// run it (bench/appServer.ts, in its own process, on a throwaway database), so a stalled event
// loop shows over HTTP. A second client polls GET /healthz every 20 ms on its own connection; each heavy request
// is sent alone while it polls: a .docx zip bomb (honest and lying headers), 150,000 <p> in one <div>, the PDF
// report of a 100,000-paragraph article, and a save that re-anchors several 20,000-character claims by fuzzy
// search. The same polling with nothing else running is the baseline.
import http from "node:http";
import { createDatabase, type DatabaseProvider, type Db } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { timeOrderedId } from "../apps/server/src/db/timeOrderedId";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { findArticleText, insertArticle } from "../apps/server/src/repositories/articleRepository";
import { insertClaim } from "../apps/server/src/repositories/claimRepository";
import { lockArticleForChanges } from "../apps/server/src/repositories/eventRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { getArticle } from "../apps/server/src/services/articles/getArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import { buildDocxBomb, buildManyParagraphsHtml } from "../apps/server/src/test/hostileFiles";
import { articleText, DEFAULT_VERDICT, plainTextToDoc, selectorsForRange } from "../packages/core/src/index";
import { type AppServer, startAppServer } from "./appServer";
import { generateArticle } from "./fixture";
import { getHealth, type PollResult, startPoller } from "./healthzPoller";
import { signInBenchAdmin } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

// One bench session sends every write: the per-session write limit is not what this section measures.
const SERVER_ENV = { RATE_LIMIT_WRITES: "1000000000" };
const POLL_INTERVAL_MS = 20;
const P99_GOAL_MS = 100;
const MAX_GOAL_MS = 250;
/** Every heavy request gets this long (client side) before it is given up as "timed out", so the bench ends. */
const HEAVY_TIMEOUT_MS = Number(process.env.BENCH_HEAVY_TIMEOUT_MS ?? 120_000);
/** Polling with nothing else running: the baseline. */
const IDLE_MS = 5_000;
/** The poller runs this long before each heavy request is sent, and this long after its answer (after-effects: GC, work left running). */
const LEAD_MS = 200;
const TAIL_MS = 1_000;
/** Before each heavy request the server must answer /healthz within SETTLED_MS, or it is restarted. */
const SETTLED_MS = 50;
const SETTLE_TIMEOUT_MS = 30_000;

const BOMB_PARAGRAPHS = 6_000_000;
const HTML_PARAGRAPHS = 150_000;
const PDF_PARAGRAPHS = 100_000;
/** Claims on the PDF article, one every PDF_PARAGRAPHS / PDF_CLAIMS paragraphs: a report with something in it. */
const PDF_CLAIMS = 1_000;
const CLAIM_PHRASE = "the minister said so";
/** The save's article: about 300 KB of the bench's repetitive words, with LONG_CLAIMS claims of about 20,000 characters. */
const SAVE_WORDS = 40_000;
const LONG_CLAIMS = 5;
const LONG_CLAIM_LENGTH = 19_900;
/** In each long claim, every EDITED_EVERY-th word is replaced: the quote is no longer intact, so the fuzzy search runs. */
const EDITED_EVERY = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function formatMs(ms: number): string {
  return `${Math.round(ms).toLocaleString("en-US")} ms`;
}

function summarize(result: PollResult) {
  const sorted = [...result.latencies].sort((left, right) => left - right);
  return { p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? Number.NaN, polls: sorted.length };
}

/** Until /healthz answers 200 within SETTLED_MS: whether it did before SETTLE_TIMEOUT_MS. */
async function waitUntilSettled(baseUrl: string): Promise<boolean> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  try {
    while (performance.now() < deadline) {
      const started = performance.now();
      const isOk = await getHealth(baseUrl, agent, AbortSignal.timeout(Math.ceil(Math.max(1, deadline - started))));
      if (isOk && performance.now() - started < SETTLED_MS) return true;
      await sleep(POLL_INTERVAL_MS);
    }
    return false;
  } finally {
    agent.destroy();
  }
}

interface HeavyAnswer {
  /** The HTTP status, "timed out", or "failed: <why>" (no answer: the connection was refused or reset). */
  status: string;
  ms: number;
  detail: string;
}

/** Sends one heavy request with the client-side time-out, reading its whole answer. Never rejects. */
async function sendHeavy(
  url: string,
  init: RequestInit,
  describeBody: (status: number, body: Uint8Array) => string,
): Promise<HeavyAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(HEAVY_TIMEOUT_MS) });
    const body = new Uint8Array(await response.arrayBuffer());
    return {
      status: String(response.status),
      ms: performance.now() - started,
      detail: describeBody(response.status, body),
    };
  } catch (error) {
    const ms = performance.now() - started;
    if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
      return { status: "timed out", ms, detail: `no answer within ${formatMs(HEAVY_TIMEOUT_MS)}` };
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: `failed: ${cause?.code ?? cause?.message ?? String(error)}`, ms, detail: "" };
  }
}

/** What an answer says, briefly: an error's code and message, or the size of a file. */
function describeAnswer(status: number, body: Uint8Array): string {
  if (status < 400) return `${(body.byteLength / 1024).toFixed(0)} KB answered`;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { error?: { code?: string; message?: string } };
    return `${parsed.error?.code ?? ""}: ${(parsed.error?.message ?? "").slice(0, 80)}`;
  } catch {
    return new TextDecoder().decode(body.slice(0, 80));
  }
}

interface Scenario {
  name: string;
  /** Why the scenario cannot run (its fixture could not be made), if so. */
  skipped?: string;
  /** What was made before the measured window, and how long it took. */
  setup?: string;
  send?: (baseUrl: string, cookie: string) => Promise<HeavyAnswer>;
}

interface Fixtures {
  cookie: string;
  scenarios: Scenario[];
}

/**
 * `count` short numbered paragraphs as plain text (one a line), every `claimEvery`-th saying what a claim marks:
 * short enough that 100,000 of them fit the 2,000,000 characters an article may hold.
 */
function numberedParagraphs(count: number, claimEvery: number): string {
  return Array.from({ length: count }, (_, index) =>
    index % claimEvery === 0 ? `Paragraph ${index}: ${CLAIM_PHRASE}.` : `Paragraph ${index}.`,
  ).join("\n");
}

/** Times `make`, answering its result or why it failed. */
async function timed<T>(make: () => Promise<T>): Promise<{ value?: T; ms: number; error?: string }> {
  const started = performance.now();
  try {
    return { value: await make(), ms: performance.now() - started };
  } catch (error) {
    return { ms: performance.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Stores an article whose body the server's own limits may now refuse, straight through the repository: a
 * database from before those limits can hold one, and its report must still not stall the server.
 */
async function insertArticleUnchecked(db: Db, title: string, content: string): Promise<string> {
  const doc = plainTextToDoc(content);
  const id = timeOrderedId();
  const fields = { title, sourceUrl: null, outlet: null, author: null, publishedAt: null, doc, text: articleText(doc) };
  await db.$transaction((tx) => insertArticle(tx, id, fields, SEED_ADMIN), { timeout: 120_000 });
  return id;
}

/**
 * Places claims on an article as createClaim does (under the article's change lock, selectors from its stored text),
 * all in one transaction: a thousand single-claim transactions, each waiting for its commit, took minutes.
 */
async function insertClaimsAtOnce(db: Db, articleId: string, ranges: { start: number; end: number }[]) {
  await db.$transaction(
    async (tx) => {
      await lockArticleForChanges(tx, articleId);
      const article = await findArticleText(tx, articleId);
      if (!article) throw new Error(`No article ${articleId}.`);
      for (const { start, end } of ranges) {
        const selectors = selectorsForRange(article.text, start, end);
        const claim = {
          id: timeOrderedId(),
          articleId,
          selectors,
          verdict: DEFAULT_VERDICT,
          speaker: null,
          rationale: "",
        };
        await insertClaim(tx, claim, SEED_ADMIN);
      }
    },
    { timeout: 120_000 },
  );
}

/**
 * The PDF article: PDF_PARAGRAPHS paragraphs with PDF_CLAIMS claims, made before the server starts: the article
 * through the service (as a POST would), or straight through the repository if the service refuses it.
 */
async function makePdfScenario(db: Db): Promise<Scenario> {
  const name = `PDF report: ${PDF_PARAGRAPHS.toLocaleString("en-US")} paragraphs, ${PDF_CLAIMS.toLocaleString("en-US")} claims`;
  const title = "Bench: a very long article";
  const step = Math.floor(PDF_PARAGRAPHS / PDF_CLAIMS);
  const content = numberedParagraphs(PDF_PARAGRAPHS, step);
  let refused = "";
  const made = await timed(async () => {
    let articleId: string;
    try {
      articleId = (await createArticle(db, SEED_ADMIN, { title, format: "text", content })).id;
    } catch (error) {
      refused = error instanceof Error ? error.message : String(error);
      articleId = await insertArticleUnchecked(db, title, content);
    }
    const ranges: { start: number; end: number }[] = [];
    const lines = content.split("\n");
    let offset = 0;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] as string;
      if (index % step === 0) {
        const start = offset + line.indexOf(CLAIM_PHRASE);
        ranges.push({ start, end: start + CLAIM_PHRASE.length });
      }
      offset += line.length + 1;
    }
    await insertClaimsAtOnce(db, articleId, ranges);
    return articleId;
  });
  if (made.value === undefined) return { name, skipped: `the article could not be made: ${made.error}` };
  const articleId = made.value;
  const how = refused ? `stored through the repository (the service now refuses it: ${refused})` : "made beforehand";
  return {
    name,
    setup: `article and claims ${how} in ${formatMs(made.ms)}`,
    send: (baseUrl, cookie) =>
      sendHeavy(`${baseUrl}/api/articles/${articleId}/report?format=pdf`, { headers: { cookie } }, describeAnswer),
  };
}

/** Replaces every `every`-th word of text[start, end) by another word of the same vocabulary. */
function editWords(text: string, start: number, end: number, every: number): string {
  let index = 0;
  const edited = text.slice(start, end).replace(/\S+/g, (word) => {
    index++;
    if (index % every !== 0) return word;
    return word === "minister" ? "ambassador" : "minister";
  });
  return text.slice(0, start) + edited + text.slice(end);
}

/**
 * The save: an article of about 300 KB of the bench's repetitive words with LONG_CLAIMS claims of about 20,000
 * characters, and the same article with words edited inside every claim, sent as a `doc` with If-Match.
 */
async function makeSaveScenario(db: Db): Promise<Scenario> {
  const { content } = generateArticle(SAVE_WORDS, 1);
  const name = `save: ${(content.length / 1024).toFixed(0)} KB article, ${LONG_CLAIMS} claims of ~20,000 characters edited`;
  const ranges: { start: number; end: number }[] = [];
  const spacing = Math.floor(content.length / LONG_CLAIMS);
  for (let index = 0; index < LONG_CLAIMS; index++) {
    const start = content.indexOf(" ", index * spacing + 100) + 1;
    const end = content.lastIndexOf(" ", start + LONG_CLAIM_LENGTH);
    ranges.push({ start, end });
  }
  const made = await timed(async () => {
    const article = await createArticle(db, SEED_ADMIN, { title: "Bench: long claims", format: "text", content });
    for (const position of ranges) await createClaim(db, SEED_ADMIN, article.id, { selectors: { position } });
    return getArticle(db, article.id);
  });
  if (made.value === undefined) return { name, skipped: `the article or its claims could not be made: ${made.error}` };
  const { id, version } = made.value;
  let edited = content;
  for (const { start, end } of ranges) edited = editWords(edited, start, end, EDITED_EVERY);
  const body = JSON.stringify({ doc: plainTextToDoc(edited) });
  return {
    name,
    setup: `article and claims made beforehand in ${formatMs(made.ms)}`,
    send: (baseUrl, cookie) =>
      sendHeavy(
        `${baseUrl}/api/articles/${id}`,
        {
          method: "PATCH",
          headers: { cookie, "content-type": "application/json", "if-match": `"${version}"` },
          body,
        },
        (status, answer) => {
          if (status !== 200) return describeAnswer(status, answer);
          const saved = JSON.parse(new TextDecoder().decode(answer)) as { reanchored?: Record<string, number> };
          return `re-anchored ${JSON.stringify(saved.reanchored ?? {})}`;
        },
      ),
  };
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** POST /api/articles/upload with `file` as the multipart field `file`. */
function uploadScenario(name: string, file: Uint8Array | string, fileName: string, type: string): Scenario {
  return {
    name,
    send: (baseUrl, cookie) => {
      const form = new FormData();
      form.append("title", name);
      form.append("file", new Blob([typeof file === "string" ? file : Buffer.from(file)], { type }), fileName);
      return sendHeavy(
        `${baseUrl}/api/articles/upload`,
        { method: "POST", headers: { cookie }, body: form },
        describeAnswer,
      );
    },
  };
}

/** The account, its session, the articles the PDF and the save need, and every heavy request, before the server starts. */
async function prepare(databaseUrl: string): Promise<Fixtures> {
  const db = await createDatabase(databaseUrl);
  try {
    await ensureAccount(db, SEED_ADMIN);
    const cookie = await signInBenchAdmin(db);
    const bombSize = BOMB_PARAGRAPHS * "<w:p/>".length;
    const html = buildManyParagraphsHtml(HTML_PARAGRAPHS, { inOneDiv: true });
    const scenarios: Scenario[] = [
      uploadScenario(
        `.docx bomb: ${(BOMB_PARAGRAPHS / 1e6).toFixed(0)}M empty paragraphs (${(bombSize / 1e6).toFixed(0)} MB XML)`,
        buildDocxBomb(BOMB_PARAGRAPHS),
        "bomb.docx",
        DOCX_TYPE,
      ),
      uploadScenario(
        ".docx bomb, headers say 1 KB",
        buildDocxBomb(BOMB_PARAGRAPHS, "<w:p/>", { declaredDocumentSize: 1024 }),
        "bomb.docx",
        DOCX_TYPE,
      ),
      // As a file: 150,000 paragraphs are 3.6 MB of HTML, past the 2,000,000 characters a JSON body's content may hold.
      uploadScenario(
        `HTML: ${HTML_PARAGRAPHS.toLocaleString("en-US")} <p> in one <div>, uploaded`,
        html,
        "many.html",
        "text/html",
      ),
      await makePdfScenario(db),
      await makeSaveScenario(db),
    ];
    return { cookie, scenarios };
  } finally {
    await db.$disconnect();
  }
}

/** Polls for `ms` with nothing else running, after a warm-up: the baseline. */
async function pollIdle(baseUrl: string, ms: number) {
  const poller = await startPoller(baseUrl, { intervalMs: POLL_INTERVAL_MS, maxGoalMs: MAX_GOAL_MS });
  await sleep(ms);
  return summarize(await poller.stop());
}

/**
 * The responsiveness section for one provider: SQLite in a temporary file, or PostgreSQL in a throwaway database
 * on the server `serverUrl` names (dropped afterwards).
 */
export async function benchResponsiveness(provider: DatabaseProvider, serverUrl?: string): Promise<BenchRow[]> {
  const section = `Responsiveness (${provider === "sqlite" ? "SQLite" : "PostgreSQL"})`;
  const database = await createThrowawayDatabase(
    "factmark_bench_responsive",
    provider === "postgresql" ? serverUrl : undefined,
  );
  let server: AppServer | undefined;
  try {
    const { cookie, scenarios } = await prepare(database.url);
    server = await startAppServer(database.url, SERVER_ENV);
    // Warm-up: the first requests compile code paths and open the database's connections.
    await pollIdle(server.baseUrl, 1_000);
    const idle = await pollIdle(server.baseUrl, IDLE_MS);
    const rows: BenchRow[] = [
      {
        section,
        name: "idle: /healthz p99",
        unit: "ms",
        value: idle.p99,
        goal: `< ${P99_GOAL_MS} ms`,
        isGoalMet: idle.p99 < P99_GOAL_MS,
        note: `${idle.polls} polls, one every ${POLL_INTERVAL_MS} ms, nothing else running: the baseline below`,
      },
      {
        section,
        name: "idle: /healthz max",
        unit: "ms",
        value: idle.max,
        goal: `< ${MAX_GOAL_MS} ms`,
        isGoalMet: idle.max < MAX_GOAL_MS,
      },
    ];
    for (const scenario of scenarios) {
      if (!scenario.send) {
        rows.push({
          section,
          name: scenario.name,
          unit: "ms",
          value: Number.NaN,
          note: `skipped: ${scenario.skipped}`,
        });
        continue;
      }
      let restarted = "";
      if (server.exit !== undefined || !(await waitUntilSettled(server.baseUrl))) {
        restarted = `; the server was restarted first (${server.exit ?? "not answering"})`;
        await server.stop();
        server = await startAppServer(database.url, SERVER_ENV);
        await pollIdle(server.baseUrl, 1_000);
      }
      process.stderr.write(`  ${scenario.name}…\n`);
      const poller = await startPoller(server.baseUrl, { intervalMs: POLL_INTERVAL_MS, maxGoalMs: MAX_GOAL_MS });
      await sleep(LEAD_MS);
      const answer = await scenario.send(server.baseUrl, cookie);
      await sleep(TAIL_MS);
      const polled = await poller.stop();
      const { p99, max, polls } = summarize(polled);
      const crashed = server.exit === undefined ? "" : `; the server ${server.exit}`;
      rows.push(
        {
          section,
          name: `${scenario.name}: the request`,
          unit: "ms",
          value: answer.ms,
          note: `status ${answer.status}${answer.detail ? ` (${answer.detail})` : ""}${scenario.setup ? `; ${scenario.setup}` : ""}${crashed}${restarted}`,
        },
        {
          section,
          name: `${scenario.name}: /healthz p99`,
          unit: "ms",
          value: p99,
          baseline: idle.p99,
          goal: `< ${P99_GOAL_MS} ms`,
          isGoalMet: p99 < P99_GOAL_MS,
          note: `${polls} polls from ${LEAD_MS} ms before the request to ${formatMs(TAIL_MS)} after its answer; ${polled.failures} failed${polled.isUnansweredAtEnd ? "; one still unanswered at the end" : ""}`,
        },
        {
          section,
          name: `${scenario.name}: /healthz max`,
          unit: "ms",
          value: max,
          baseline: idle.max,
          goal: `< ${MAX_GOAL_MS} ms`,
          isGoalMet: max < MAX_GOAL_MS,
        },
      );
    }
    return rows;
  } finally {
    await server?.stop();
    await database.drop();
  }
}
