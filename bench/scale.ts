// The scale section of `pnpm bench`: every figure at 10,000 claims on a 200,000-word article beside the same figure at
// 2,000 claims on a 50,000-word article, measured in the same run by the same method (the small one is the baseline,
// the goal a ratio of at most 3×). Both articles, with links and evidence in the proportions of bench/report.ts's
// fixture (a quarter as many links as claims, half as many evidence items), are written through the repositories in
// process before the server starts; everything else goes over HTTP to the server as users run it (bench/appServer.ts),
// except the in-process re-anchoring figure, which is bench/reanchor.ts's at both sizes.
//
// Knobs: BENCH_SCALE_RUNS (timed runs per figure and size after one warm-up, default 3; the PDF at most 2 and the saves
// at least 5, without a warm-up); BENCH_SCALE_FORMATS (the report formats timed, comma-separated, default all; e.g. "json,csv" to
// time a few on a loaded machine, where the PDF alone may run past its time).
import { createDatabase, type Db } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { timeOrderedId } from "../apps/server/src/db/timeOrderedId";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { insertClaim } from "../apps/server/src/repositories/claimRepository";
import { lockArticleForChanges } from "../apps/server/src/repositories/eventRepository";
import { insertEvidence } from "../apps/server/src/repositories/evidenceRepository";
import { insertLink } from "../apps/server/src/repositories/linkRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { generateEditedArticle } from "../packages/core/src/anchoring/generateEditedArticle";
import { reanchorAll } from "../packages/core/src/anchoring/reanchorAll";
import type { Selectors } from "../packages/core/src/anchoring/types";
import { REPORT_FORMATS, type ReportFormat } from "../packages/core/src/report/reportFormats";
import { VERDICTS } from "../packages/core/src/schemas/verdict";
import { plainTextToDoc } from "../packages/core/src/text/plainTextToDoc";
import { type AppServer, startAppServer } from "./appServer";
import { signInBenchAdmin } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const SECTION = "Scale";
const RUNS = Math.max(1, Number(process.env.BENCH_SCALE_RUNS ?? 3));
/** The PDF (seconds at 10,000 claims): fewer runs, and no warm-up of its own. */
const SLOW_RUNS = Math.min(RUNS, 2);
/** The saves (about a second at 10,000 claims): a median of 2 moved by a third from run to run, so at least 5. */
const SAVE_RUNS = Math.max(RUNS, 5);
/** The goal: the large figure at most this many times the small one. */
const MAX_RATIO = 3;
/** Claims changed before each refresh. */
const REFRESH_CHANGES = 50;
/** The report formats timed (BENCH_SCALE_FORMATS), in the formats' own order. */
const TIMED_FORMATS = (REPORT_FORMATS as readonly ReportFormat[]).filter(
  (format) => !process.env.BENCH_SCALE_FORMATS || process.env.BENCH_SCALE_FORMATS.split(",").includes(format),
);
// One bench session sends every write and report: the per-session limits are not what this section measures.
const SERVER_ENV = { RATE_LIMIT_WRITES: "1000000000", RATE_LIMIT_REPORTS: "1000000000" };

export interface ScaleSize {
  words: number;
  claims: number;
  links: number;
  evidence: number;
}

/** bench/report.ts's fixture (500 links and 1,000 evidence items on 2,000 claims), and five times its claims. */
export const SMALL: ScaleSize = { words: 50_000, claims: 2_000, links: 500, evidence: 1_000 };
export const LARGE: ScaleSize = { words: 200_000, claims: 10_000, links: 2_500, evidence: 5_000 };

export interface BenchArticle {
  size: ScaleSize;
  id: string;
  version: number;
  /** Claim ids in document order, with the version each was last seen at (If-Match). */
  claims: { id: string; version: number }[];
  /** The article's text and the same text with one paragraph rewritten (generateEditedArticle's). */
  text: string;
  oneParagraphEdit: string;
  /** The claims' selectors as generated (what the in-process re-anchoring figure re-anchors). */
  generatedClaims: { selectors: Selectors }[];
}

const count = (value: number) => value.toLocaleString("en-US");
const sizeName = (size: ScaleSize) => `${count(size.claims)} claims, ${count(size.words)} words`;

/**
 * The article of `size` written in process: the article through the service (as POST /api/articles makes it), then
 * its claims, links and evidence through the repositories in one transaction under the article's change lock, as
 * the services write each (a transaction per claim would take minutes at 10,000).
 */
export async function writeArticle(db: Db, size: ScaleSize): Promise<BenchArticle> {
  const generated = generateEditedArticle(size.words, size.claims);
  const article = await createArticle(db, SEED_ADMIN, {
    title: `Bench: ${sizeName(size)}`,
    format: "text",
    content: generated.text,
  });
  if (article.text !== generated.text) throw new Error("The bench article's text projection is not its content.");
  const claims: { id: string; version: number }[] = [];
  await db.$transaction(
    async (tx) => {
      await lockArticleForChanges(tx, article.id);
      for (const [index, { selectors }] of generated.claims.entries()) {
        const claim = await insertClaim(
          tx,
          {
            id: timeOrderedId(),
            articleId: article.id,
            selectors,
            verdict: VERDICTS[index % VERDICTS.length] as (typeof VERDICTS)[number],
            speaker: index % 5 === 0 ? null : `Speaker ${index % 40}`,
            rationale: index % 3 === 0 ? "" : `Rationale for claim ${index}, with "quotes", <angle brackets> & commas.`,
          },
          SEED_ADMIN,
        );
        claims.push({ id: claim.id, version: claim.version });
      }
      const at = new Date();
      for (let index = 0; index < size.links; index++) {
        await insertLink(
          tx,
          {
            id: timeOrderedId(),
            articleId: article.id,
            fromClaimId: (claims[(index * 2) % size.claims] as { id: string }).id,
            toClaimId: (claims[(index * 2 + 1) % size.claims] as { id: string }).id,
            kind: index % 2 === 0 ? "contradicts" : "supports",
            note: index % 4 === 0 ? `Note ${index}` : null,
          },
          SEED_ADMIN,
          at,
        );
      }
      for (let index = 0; index < size.evidence; index++) {
        await insertEvidence(
          tx,
          article.id,
          {
            id: timeOrderedId(),
            claimId: (claims[(index * 3) % size.claims] as { id: string }).id,
            url: `https://evidence.example.org/source/${index}?ref=bench`,
            title: `Source ${index}`,
            excerpt: index % 2 === 0 ? `An excerpt of source ${index}.` : null,
            stance: (["supports", "contradicts", "context"] as const)[index % 3] as "supports",
          },
          SEED_ADMIN,
          at,
        );
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return {
    size,
    id: article.id,
    version: article.version,
    claims,
    text: generated.text,
    oneParagraphEdit: generated.oneParagraphEdit,
    generatedClaims: generated.claims,
  };
}

function median(times: number[]): number {
  const sorted = [...times].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** "±x%": half the spread of the runs around their median, so a reader sees how far one figure may be trusted. */
function spread(times: number[]): string {
  const middle = median(times);
  return `±${Math.round(((Math.max(...times) - Math.min(...times)) / 2 / middle) * 100)}%`;
}

class Client {
  constructor(
    readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  /** The answer's status, body bytes and headers, the body read whole; throws unless it is `expected`. */
  async send(path: string, init: RequestInit = {}, expected = 200) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      headers: { cookie: this.cookie, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
    });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== expected) {
      throw new Error(
        `${init.method ?? "GET"} ${path}: ${response.status} ${new TextDecoder().decode(body.slice(0, 300))}`,
      );
    }
    return { body, headers: response.headers };
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    return JSON.parse(new TextDecoder().decode((await this.send(path, init)).body)) as T;
  }

  /** One claim change over HTTP (its rationale), as a reviewer's edit: advances the article's change number. */
  async changeClaim(article: BenchArticle, index: number, note: string): Promise<void> {
    const claim = article.claims[index] as { id: string; version: number };
    const changed = await this.json<{ version: number }>(`/api/claims/${claim.id}`, {
      method: "PATCH",
      headers: { "if-match": `"${claim.version}"` },
      body: JSON.stringify({ rationale: note }),
    });
    claim.version = changed.version;
  }
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

interface Figure {
  name: string;
  /** Timed runs, small and large interleaved so a neighbour's load falls on both. */
  runs: number;
  /** One untimed run of each size first (default); the slow figures skip it, their threads warmed by earlier ones. */
  hasWarmUp?: boolean;
  /** Work before each timed run, untimed (the change a refresh or report follows). */
  before?: (article: BenchArticle, run: number) => Promise<void>;
  measure: (article: BenchArticle, run: number) => Promise<string | undefined>;
  note?: string;
  /** A floor under another row (what the bytes alone cost): printed without a goal of its own. */
  isFloor?: boolean;
}

/** One figure at both sizes: a warm-up each, then `runs` timed runs, interleaved; the row compares the medians. */
async function compare(small: BenchArticle, large: BenchArticle, server: AppServer, figure: Figure): Promise<BenchRow> {
  const times = new Map<BenchArticle, number[]>([
    [small, []],
    [large, []],
  ]);
  // The server's CPU time in each timed run: steadier than the wall clock while neighbours load the cores.
  const cpu = new Map<BenchArticle, number[]>([
    [small, []],
    [large, []],
  ]);
  let detail: string | undefined;
  for (let run = figure.hasWarmUp === false ? 0 : -1; run < figure.runs; run++) {
    for (const article of [small, large]) {
      await figure.before?.(article, run);
      let answer: string | undefined;
      const cpuBefore = server.cpuSeconds();
      const ms = await timed(async () => {
        answer = await figure.measure(article, run);
      });
      const cpuAfter = server.cpuSeconds();
      if (article === large) detail = answer ?? detail;
      if (run < 0) continue;
      times.get(article)?.push(ms);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.get(article)?.push((cpuAfter - cpuBefore) * 1000);
    }
  }
  const smallTimes = times.get(small) as number[];
  const largeTimes = times.get(large) as number[];
  const value = median(largeTimes);
  const baseline = median(smallTimes);
  const ratio = value / baseline;
  const smallCpu = cpu.get(small) as number[];
  const largeCpu = cpu.get(large) as number[];
  const cpuNote =
    smallCpu.length > 0 && largeCpu.length > 0
      ? `server CPU ${Math.round(median(smallCpu))} → ${Math.round(median(largeCpu))} ms (${(median(largeCpu) / Math.max(10, median(smallCpu))).toFixed(1)}×)`
      : undefined;
  process.stderr.write(
    `  ${figure.name}: ${Math.round(baseline)} → ${Math.round(value)} ms (${ratio.toFixed(2)}×); ${cpuNote ?? ""}\n`,
  );
  const row = scaleRow(`${figure.name}, ${sizeName(large.size)}`, smallTimes, largeTimes, [
    `baseline: ${sizeName(small.size)}; median of ${figure.runs}, spread ${spread(smallTimes)} / ${spread(largeTimes)}`,
    cpuNote,
    figure.note,
    detail,
  ]);
  return figure.isFloor
    ? { ...row, goal: undefined, isGoalMet: undefined, note: `a floor, no goal of its own; ${row.note}` }
    : row;
}

/** A row of this section: the large article's median beside the small one's, with the ratio against MAX_RATIO. */
function scaleRow(name: string, smallTimes: number[], largeTimes: number[], notes: (string | undefined)[]): BenchRow {
  const value = median(largeTimes);
  const baseline = median(smallTimes);
  const ratio = value / baseline;
  return {
    section: SECTION,
    name,
    unit: "ms",
    value,
    baseline,
    ratio,
    goal: `≤ ${MAX_RATIO}×`,
    isGoalMet: ratio <= MAX_RATIO,
    note: notes.filter(Boolean).join("; "),
  };
}

/**
 * Runs of the in-process re-anchoring figure: a run takes milliseconds, where one garbage collection moves a median of
 * three by half (the figure went 1.7× and 7× in two runs of the same build with three).
 */
const REANCHOR_RUNS = Math.max(RUNS, 25);

/** In process, as bench/reanchor.ts: core's reanchorAll after a one-paragraph edit, at both sizes, interleaved. */
function reanchorInProcess(small: BenchArticle, large: BenchArticle): BenchRow {
  const inputs = [small, large].map(
    (article) => () => reanchorAll(article.generatedClaims, article.text, article.oneParagraphEdit),
  );
  const times: number[][] = [[], []];
  for (let run = -1; run < REANCHOR_RUNS; run++) {
    inputs.forEach((reanchor, index) => {
      const started = performance.now();
      reanchor();
      if (run >= 0) times[index]?.push(performance.now() - started);
    });
  }
  const [smallTimes = [], largeTimes = []] = times;
  process.stderr.write(
    `  re-anchoring in process: ${median(smallTimes).toFixed(1)} → ${median(largeTimes).toFixed(1)} ms\n`,
  );
  return scaleRow(
    `re-anchoring after a one-paragraph edit (in process), ${sizeName(large.size)}`,
    smallTimes,
    largeTimes,
    [
      `baseline: ${sizeName(small.size)}; median of ${REANCHOR_RUNS}, spread ${spread(smallTimes)} / ${spread(largeTimes)}`,
      "core's reanchorAll, as bench/reanchor.ts",
    ],
  );
}

export async function benchScale(): Promise<BenchRow[]> {
  const database = await createThrowawayDatabase("factmark_bench_scale");
  let server: AppServer | undefined;
  try {
    const db = await createDatabase(database.url);
    let small: BenchArticle;
    let large: BenchArticle;
    let cookie: string;
    try {
      await ensureAccount(db, SEED_ADMIN);
      cookie = await signInBenchAdmin(db);
      const started = performance.now();
      small = await writeArticle(db, SMALL);
      large = await writeArticle(db, LARGE);
      process.stderr.write(`  wrote both articles in ${Math.round(performance.now() - started)} ms\n`);
    } finally {
      await db.$disconnect();
    }
    const rows: BenchRow[] = [reanchorInProcess(small, large)];
    server = await startAppServer(database.url, SERVER_ENV);
    const client = new Client(server.baseUrl, cookie);
    const claimsOf = (article: BenchArticle) => `/api/articles/${article.id}/claims`;
    let changes = 0;
    const changeOne = (article: BenchArticle) =>
      client.changeClaim(article, (changes * 7919) % article.claims.length, `Bench change ${changes++}`);

    rows.push(
      await compare(small, large, server, {
        name: "claim list, read whole after a change",
        runs: RUNS,
        before: changeOne,
        measure: async (article) => {
          const { body } = await client.send(claimsOf(article));
          return `${(body.byteLength / 1024 / 1024).toFixed(1)} MB`;
        },
        note: "GET …/claims after one claim's PATCH, so the server reads it again",
      }),
      await compare(small, large, server, {
        name: "claim list, the kept copy",
        runs: RUNS,
        measure: async (article) => {
          await client.send(claimsOf(article));
          return undefined;
        },
        note: "GET …/claims again with nothing changed: the server's kept list, serialised",
      }),
    );

    const cursors = new Map<BenchArticle, number>();
    rows.push(
      await compare(small, large, server, {
        name: `refresh after ${REFRESH_CHANGES} claim changes`,
        runs: RUNS,
        before: async (article) => {
          cursors.set(article, (await client.json<{ cursor: number }>(claimsOf(article))).cursor);
          const stride = Math.floor(article.claims.length / REFRESH_CHANGES);
          for (let index = 0; index < REFRESH_CHANGES; index++) {
            await client.changeClaim(article, index * stride, `Bench refresh ${changes++}`);
          }
        },
        measure: async (article) => {
          const list = await client.json<{ items: unknown[] }>(`${claimsOf(article)}?since=${cursors.get(article)}`);
          if (list.items.length !== REFRESH_CHANGES) {
            throw new Error(`The refresh answered ${list.items.length} claims, not ${REFRESH_CHANGES}.`);
          }
          return undefined;
        },
        note: "GET …/claims?since=<cursor of the last whole read>",
      }),
    );

    for (const format of TIMED_FORMATS) {
      const runs = format === "pdf" ? SLOW_RUNS : RUNS;
      rows.push(
        await compare(small, large, server, {
          name: `report, format=${format}`,
          runs,
          hasWarmUp: format !== "pdf",
          // A claim changed first: the article's change number moves on, so the report cannot come from the cache.
          before: changeOne,
          measure: async (article) => {
            const { body, headers } = await client.send(`/api/articles/${article.id}/report?format=${format}`);
            if (headers.get("x-cache") !== "miss")
              throw new Error(`The ${format} report came from the server's cache.`);
            return `${(body.byteLength / 1024 / 1024).toFixed(1)} MB`;
          },
          note: "a cache miss each run (one claim's PATCH before it)",
        }),
      );
      // What sending the same file costs once it is built: the floor under the row above (bytes, not building). Not
      // for a file the server does not keep (a PDF over a quarter of REPORT_CACHE_MB, 16 MB by default, or a file
      // whose gzip is over it too): built every time.
      const sendAgain = (article: BenchArticle) => client.send(`/api/articles/${article.id}/report?format=${format}`);
      const isKept = async (article: BenchArticle) => (await sendAgain(article)).headers.get("x-cache") === "hit";
      if (!(await isKept(large))) {
        process.stderr.write(`  report, format=${format}: the server does not keep the large file; no floor row\n`);
        continue;
      }
      rows.push(
        await compare(small, large, server, {
          name: `report, format=${format}, kept (sent again)`,
          runs,
          isFloor: true,
          measure: async (article) => {
            const { headers } = await sendAgain(article);
            if (headers.get("x-cache") !== "hit") throw new Error(`The ${format} report was built again.`);
            // fetch gunzips the body; the length is of the bytes sent (the kept gzip, or the file as built).
            const sent = Number(headers.get("content-length"));
            return `${(sent / 1024 / 1024).toFixed(1)} MB sent${headers.get("content-encoding") === "gzip" ? " gzipped" : ""}`;
          },
          note: "the same request again, nothing changed: the file and its gzip from the server's memory, decoded here",
        }),
      );
    }

    // Each save is a one-paragraph edit of the text before it: edited, then back, alternately.
    const bodies = new Map(
      [small, large].map((article) => [
        article,
        [article.oneParagraphEdit, article.text].map((text) => JSON.stringify({ doc: plainTextToDoc(text) })),
      ]),
    );
    rows.push(
      await compare(small, large, server, {
        name: "save of a one-paragraph edit (PATCH, re-anchoring every claim)",
        runs: SAVE_RUNS,
        hasWarmUp: false,
        measure: async (article, run) => {
          const saved = await client.json<{ version: number; reanchored?: Record<string, number> }>(
            `/api/articles/${article.id}`,
            {
              method: "PATCH",
              headers: { "if-match": `"${article.version}"` },
              body: (bodies.get(article) as string[])[run % 2],
            },
          );
          article.version = saved.version;
          return `re-anchored ${JSON.stringify(saved.reanchored ?? {})}`;
        },
        note: "PATCH /api/articles/:id with the whole document",
      }),
    );
    return rows;
  } finally {
    await server?.stop();
    await database.drop();
  }
}
