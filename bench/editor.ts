// The editor section of `pnpm bench`, in headless Chromium against the real server and the built web app:
// opening a generated 50,000-word article with 2,000 claims until every highlight is painted, a verdict key
// until the new highlight is painted, scrolling through the whole article, and the claim sidebar with
// 2,000 cards (select a claim, filter by verdict, clear the filter). Baseline: the same article, no claims.
// Every time is taken in the page, from the input event's timestamp (or navigation start) to the first
// frame painted after the change: the next requestAnimationFrame, then a task after it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { createDatabase } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import type { Verdict } from "../packages/core/src";
import { ensureWebBuild } from "./bundle";
import type { BenchRow } from "./table";

const SECTION = "Editor";
const WORD_COUNT = 50_000;
const WORDS_PER_PARAGRAPH = 60;
const CLAIM_COUNT = 2_000;
/** Fresh pages per article for the open figure (after one warm-up each), interleaved claims / baseline. */
const OPEN_RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 7);
const VERDICT_PRESSES = 7;
const SIDEBAR_SELECTIONS = 5;
const SERVER_DIR = fileURLToPath(new URL("../apps/server/", import.meta.url));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BENCH_ADMIN = { email: "bench@factmark.test", password: "bench admin password", name: "Bench Admin" };
const TOOLBAR_NAME = "Mark the selection as a claim";
/** BENCH_EDITOR_PROFILE=<folder>: also write Chromium CPU profiles (.cpuprofile) of one open, key press and sidebar click. */
const PROFILE_DIR = process.env.BENCH_EDITOR_PROFILE;

const VOCABULARY =
  "the minister said that drones were sold months before war envoy transferred dozens summer ambassador called support totally unfounded report officials confirmed denied evidence shows according sources government statement".split(
    " ",
  );

interface EditorArticle {
  content: string;
  paragraphCount: number;
  /** Claims' text offsets: each inside one paragraph, in its first 48 words, so the paragraph's last words stay free. */
  spans: { start: number; end: number }[];
}

/** Deterministic: one paragraph per 60 words, 2,000 claims of 2 to 5 words spread evenly, up to three a paragraph. */
export function generateEditorArticle(): EditorArticle {
  let seed = 11;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const paragraphCount = Math.ceil(WORD_COUNT / WORDS_PER_PARAGRAPH);
  const paragraphs: string[][] = [];
  // Whole paragraphs: 834 × 60 = 50,040 words.
  for (let paragraph = 0; paragraph < paragraphCount; paragraph++) {
    paragraphs.push(
      Array.from({ length: WORDS_PER_PARAGRAPH }, () => VOCABULARY[next() % VOCABULARY.length] as string),
    );
  }
  const paragraphStarts: number[] = [];
  let offset = 0;
  for (const words of paragraphs) {
    paragraphStarts.push(offset);
    offset += `${words.join(" ")}.`.length + 1;
  }
  const spans: { start: number; end: number }[] = [];
  const claimsBefore = (paragraph: number) => Math.ceil((paragraph * CLAIM_COUNT) / paragraphCount);
  for (let paragraph = 0; paragraph < paragraphCount; paragraph++) {
    const words = paragraphs[paragraph] as string[];
    const wordStart = (index: number) => words.slice(0, index).reduce((sum, word) => sum + word.length + 1, 0);
    for (let slot = 0; slot < claimsBefore(paragraph + 1) - claimsBefore(paragraph); slot++) {
      const first = 5 + slot * 16;
      const last = first + 1 + (spans.length % 4);
      const start = (paragraphStarts[paragraph] as number) + wordStart(first);
      spans.push({ start, end: start + words.slice(first, last + 1).join(" ").length });
    }
  }
  return { content: paragraphs.map((words) => `${words.join(" ")}.`).join("\n"), paragraphCount, spans };
}

const VERDICT_CYCLE: Verdict[] = ["unverified", "contradicted", "supported"];

/** The two articles, written through the server's own services into the bench database before the server starts. */
export async function loadArticles(databaseUrl: string, article: EditorArticle) {
  const db = await createDatabase(databaseUrl);
  try {
    await ensureAccount(db, SEED_ADMIN);
    const input = { format: "text" as const, content: article.content };
    const withClaims = await createArticle(db, SEED_ADMIN, {
      ...input,
      title: "Bench: 50,000 words, 2,000 claims",
    });
    if (withClaims.text !== article.content) throw new Error("The bench article's text projection is not its content.");
    const baseline = await createArticle(db, SEED_ADMIN, { ...input, title: "Bench: 50,000 words, no claims" });
    // One transaction per claim, as the API would: fast enough (a few seconds), and no rate limit in the way.
    for (const [index, position] of article.spans.entries()) {
      await createClaim(db, SEED_ADMIN, withClaims.id, {
        selectors: { position },
        verdict: VERDICT_CYCLE[index % VERDICT_CYCLE.length],
      });
    }
    return { claimsArticleId: withClaims.id, baselineArticleId: baseline.id };
  } finally {
    await db.$disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The real server (apps/server/src/main.ts) in a child process, serving the built web app. */
export async function startAppServer(databaseUrl: string) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<never>((_resolve, reject) =>
    child.once("exit", (code) => reject(new Error(`The server exited with ${code}.`))),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 600; attempt++) {
      try {
        if ((await fetch(`${baseUrl}/healthz`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("The server did not answer /healthz within a minute.");
  })();
  await Promise.race([ready, exited]);
  exited.catch(() => {});
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The session cookie the browser needs when the API asks for one (401): the first admin made through
 * POST /api/auth/setup, or, when there is one already, a login. None when the API is open.
 */
export async function signIn(baseUrl: string): Promise<{ name: string; value: string }[]> {
  const probe = await fetch(`${baseUrl}/api/articles`);
  await probe.arrayBuffer();
  if (probe.status !== 401) return [];
  const post = (route: string, body: object) =>
    fetch(`${baseUrl}/api/auth/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  let response = await post("setup", BENCH_ADMIN);
  if (response.status === 409)
    response = await post("login", { email: BENCH_ADMIN.email, password: BENCH_ADMIN.password });
  if (!response.ok) throw new Error(`Signing in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => {
    const [pair = ""] = cookie.split(";");
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
}

/** In every page: long tasks, and `until(predicate)`, the time of the first frame painted once it holds. */
function installPageProbes() {
  const afterThisFrame = (resolve: (time: number) => void) => {
    // A task queued from a requestAnimationFrame callback runs after that frame's paint.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  };
  const bench = {
    longTasks: [] as { start: number; duration: number }[],
    openedAt: undefined as number | undefined,
    nextPaint: () => new Promise<number>((resolve) => requestAnimationFrame(() => afterThisFrame(resolve))),
    until: (predicate: () => boolean) =>
      new Promise<number>((resolve) => {
        const check = () => (predicate() ? afterThisFrame(resolve) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }),
    longTasksSince: (since: number) => bench.longTasks.filter((task) => task.start + task.duration >= since),
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
}

interface PageBench {
  longTasks: { start: number; duration: number }[];
  openedAt?: number;
  nextPaint(): Promise<number>;
  until(predicate: () => boolean): Promise<number>;
  longTasksSince(since: number): { start: number; duration: number }[];
}
declare global {
  interface Window {
    __bench: PageBench;
  }
}

interface OpenCondition {
  /** Enough of these in the page … */
  selector: string;
  count: number;
  /** … and this one present. */
  alsoPresent: string;
}

/** From navigation start until the first frame painted with the condition met (set up before the page's scripts run). */
function watchOpen({ selector, count, alsoPresent }: OpenCondition) {
  const bench = window.__bench;
  void bench
    .until(() => document.querySelectorAll(selector).length >= count && document.querySelector(alsoPresent) !== null)
    .then((time) => {
      bench.openedAt = time;
    });
}

interface OpenResult {
  milliseconds: number;
  longTaskMilliseconds: number;
  longestTaskMilliseconds: number;
  scriptMilliseconds: number;
  layoutMilliseconds: number;
  styleMilliseconds: number;
}

/** Runs `action` under Chromium's sampling profiler and writes `<PROFILE_DIR>/<name>.cpuprofile`, when asked to. */
export async function profiled<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return action();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const result = await action();
  const { profile } = await cdp.send("Profiler.stop");
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  await cdp.detach();
  return result;
}

export async function openArticle(
  context: BrowserContext,
  url: string,
  condition: OpenCondition,
  profileName?: string,
): Promise<{ page: Page; result: OpenResult }> {
  const page = await context.newPage();
  // The page in front has the focus, so a selection made in it focuses the editor as a reviewer's would.
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "timeTicks" });
  if (profileName && PROFILE_DIR) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  // tsx keeps function names by wrapping them in `__name(…)`, which the page does not have.
  await page.addInitScript("globalThis.__name = (target) => target;");
  await page.addInitScript(installPageProbes);
  await page.addInitScript(watchOpen, condition);
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => window.__bench?.openedAt !== undefined, null, { timeout: 120_000, polling: 50 });
  const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
  if (profileName && PROFILE_DIR) {
    const { profile } = await cdp.send("Profiler.stop");
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(path.join(PROFILE_DIR, `${profileName}.cpuprofile`), JSON.stringify(profile));
  }
  await cdp.detach();
  const { openedAt, longTasks } = await page.evaluate(() => ({
    openedAt: window.__bench.openedAt as number,
    longTasks: window.__bench.longTasks,
  }));
  const before = longTasks.filter((task) => task.start < openedAt);
  return {
    page,
    result: {
      milliseconds: openedAt,
      longTaskMilliseconds: before.reduce((sum, task) => sum + task.duration, 0),
      longestTaskMilliseconds: Math.max(0, ...before.map((task) => task.duration)),
      scriptMilliseconds: metric("ScriptDuration"),
      layoutMilliseconds: metric("LayoutDuration"),
      styleMilliseconds: metric("RecalcStyleDuration"),
    },
  };
}

/** Selects a few words of the `index`th paragraph that no claim holds, as a reviewer's drag would. */
export async function selectFreeWords(page: Page, index: number): Promise<void> {
  await page.evaluate(async (paragraphIndex) => {
    const paragraph = document.querySelectorAll(".article-text p")[paragraphIndex] as HTMLElement;
    paragraph.scrollIntoView({ block: "center" });
    await window.__bench.nextPaint();
    // The longest run of text outside any highlight: the paragraph's last words, unless a claim took them.
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let free: Text | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const isFree = !node.parentElement?.closest("[data-claim-id], .visually-hidden");
      if (isFree && (node as Text).data.length >= (free?.data.length ?? 0)) free = node as Text;
    }
    if (!free || free.data.length < 40) throw new Error(`Paragraph ${paragraphIndex} has no free text to select.`);
    const text = free.data;
    // About four words from the middle of it, on word boundaries.
    const start = text.indexOf(" ", Math.floor(text.length / 2) - 15) + 1;
    const end = text.lastIndexOf(" ", start + 28);
    const range = document.createRange();
    range.setStart(free, start);
    range.setEnd(free, end);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, index);
  await page.getByRole("toolbar", { name: TOOLBAR_NAME }).waitFor();
}

/** Key down to the first frame painted with the new (optimistic, "pending-") highlight in it. */
export async function pressVerdictKey(page: Page): Promise<{ milliseconds: number; longestTaskMilliseconds: number }> {
  await page.evaluate(() => {
    const bench = window.__bench as PageBench & {
      verdict?: Promise<{ milliseconds: number; longestTaskMilliseconds: number }>;
    };
    bench.verdict = new Promise((resolve) => {
      let keyAt = 0;
      window.addEventListener("keydown", (event) => (keyAt = event.timeStamp), { capture: true, once: true });
      const root = document.querySelector(".article-text") as Element;
      const isPending = (node: Node) =>
        node instanceof Element &&
        (node.matches('[data-claim-id^="pending-"]') || node.querySelector('[data-claim-id^="pending-"]') !== null);
      const observer = new MutationObserver((records) => {
        const appeared = records.some((record) =>
          record.type === "attributes" ? isPending(record.target) : [...record.addedNodes].some(isPending),
        );
        if (!appeared) return;
        observer.disconnect();
        void bench.nextPaint().then((paintedAt) =>
          resolve({
            milliseconds: paintedAt - keyAt,
            longestTaskMilliseconds: Math.max(0, ...bench.longTasksSince(keyAt).map((task) => task.duration)),
          }),
        );
      });
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-claim-id"] });
    });
  });
  await page.keyboard.press("c");
  const result = await page.evaluate(
    () =>
      (window.__bench as PageBench & { verdict: Promise<{ milliseconds: number; longestTaskMilliseconds: number }> })
        .verdict,
  );
  // The server's answer replaces the pending claim: wait for it, so the next press starts from rest.
  await page.waitForFunction(() => !document.querySelector('.article-text [data-claim-id^="pending-"]'), null, {
    timeout: 30_000,
  });
  return result;
}

/** Scrolls the window through the article a viewport at a time, one frame each. */
export async function scrollThrough(page: Page) {
  return page.evaluate(async () => {
    window.scrollTo(0, 0);
    await window.__bench.nextPaint();
    await window.__bench.nextPaint();
    const started = performance.now();
    let steps = 0;
    while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
      window.scrollBy(0, window.innerHeight);
      steps++;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const ended = await window.__bench.nextPaint();
    const tasks = window.__bench.longTasksSince(started);
    return {
      milliseconds: ended - started,
      steps,
      longTasks: tasks.length,
      longestTaskMilliseconds: Math.max(0, ...tasks.map((task) => task.duration)),
    };
  });
}

/** A click on `target`, to the first frame painted once `done` holds (a function body, evaluated in the page). */
export async function measureClick(page: Page, target: string, done: string) {
  await page.locator(target).scrollIntoViewIfNeeded();
  await page.locator(target).hover();
  await page.evaluate(() => window.__bench.nextPaint());
  await page.evaluate((condition) => {
    const bench = window.__bench as PageBench & {
      click?: Promise<{ milliseconds: number; longestTaskMilliseconds: number }>;
    };
    const isDone = new Function(condition) as () => boolean;
    bench.click = new Promise((resolve) => {
      window.addEventListener(
        "click",
        (event) => {
          const clickedAt = event.timeStamp;
          void bench.until(isDone).then((paintedAt) =>
            resolve({
              milliseconds: paintedAt - clickedAt,
              longestTaskMilliseconds: Math.max(0, ...bench.longTasksSince(clickedAt).map((task) => task.duration)),
            }),
          );
        },
        { capture: true, once: true },
      );
    });
  }, done);
  await page.locator(target).click();
  return page.evaluate(
    () =>
      (window.__bench as PageBench & { click: Promise<{ milliseconds: number; longestTaskMilliseconds: number }> })
        .click,
  );
}

/** The id of a claim card about `fraction` of the way down the sidebar's list, scrolled into its view. */
export async function claimCardAt(page: Page, fraction: number): Promise<string> {
  return page.evaluate(async (share) => {
    const sidebar = document.querySelector(".claim-sidebar") as HTMLElement;
    sidebar.scrollTop = (sidebar.scrollHeight - sidebar.clientHeight) * share;
    await window.__bench.nextPaint();
    await window.__bench.nextPaint();
    const box = sidebar.getBoundingClientRect();
    const card = [...sidebar.querySelectorAll<HTMLElement>(".claim-card")].find(
      (element) => element.getBoundingClientRect().top >= box.top + 80,
    );
    if (!card?.dataset.claimId) throw new Error("No claim card in the sidebar's view.");
    return card.dataset.claimId;
  }, fraction);
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const round = (value: number) => Math.round(value);

export async function benchEditor(): Promise<BenchRow[]> {
  ensureWebBuild();
  const article = generateEditorArticle();
  const database = await createThrowawayDatabase("factmark_bench_editor");
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  try {
    const loadStarted = performance.now();
    const { claimsArticleId, baselineArticleId } = await loadArticles(database.url, article);
    process.stderr.write(`  wrote ${CLAIM_COUNT} claims in ${round(performance.now() - loadStarted)} ms\n`);
    server = await startAppServer(database.url);
    const cookies = await signIn(server.baseUrl);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: server?.baseUrl as string })));
    const claimsUrl = `${server.baseUrl}/articles/${claimsArticleId}`;
    const baselineUrl = `${server.baseUrl}/articles/${baselineArticleId}`;
    const claimsOpened: OpenCondition = {
      selector: ".article-text [data-claim-id]",
      count: CLAIM_COUNT,
      alsoPresent: ".article-text p",
    };
    const baselineOpened: OpenCondition = {
      selector: ".article-text p",
      count: article.paragraphCount,
      // The claims' answer is in too (the empty list), as it is for the other article.
      alsoPresent: ".claim-sidebar .empty-state",
    };

    // Open: one warm-up each (fills the HTTP cache, compiles), then fresh pages, interleaved.
    const opens: { claims: OpenResult[]; baseline: OpenResult[] } = { claims: [], baseline: [] };
    for (let run = 0; run <= OPEN_RUNS; run++) {
      for (const kind of ["claims", "baseline"] as const) {
        const { page, result } = await openArticle(
          context,
          kind === "claims" ? claimsUrl : baselineUrl,
          kind === "claims" ? claimsOpened : baselineOpened,
          run === OPEN_RUNS ? `open-${kind}` : undefined,
        );
        if (run > 0) opens[kind].push(result);
        await page.close();
      }
    }
    const openMedian = (kind: "claims" | "baseline", key: keyof OpenResult) =>
      median(opens[kind].map((run) => run[key]));
    const openValue = openMedian("claims", "milliseconds");
    const openBaseline = openMedian("baseline", "milliseconds");
    const openRatio = openValue / openBaseline;

    // Scrolling, the verdict key and the sidebar, each on a freshly opened page.
    const scrolls = {
      claims: [] as Awaited<ReturnType<typeof scrollThrough>>[],
      baseline: [] as Awaited<ReturnType<typeof scrollThrough>>[],
    };
    for (let run = 0; run < 3; run++) {
      for (const kind of ["claims", "baseline"] as const) {
        const { page } = await openArticle(
          context,
          kind === "claims" ? claimsUrl : baselineUrl,
          kind === "claims" ? claimsOpened : baselineOpened,
        );
        scrolls[kind].push(await scrollThrough(page));
        await page.close();
      }
    }

    const verdictPresses: { milliseconds: number; longestTaskMilliseconds: number }[] = [];
    const baselinePresses: { milliseconds: number; longestTaskMilliseconds: number }[] = [];
    for (const [kind, url, condition, presses] of [
      ["claims", claimsUrl, claimsOpened, verdictPresses],
      ["baseline", baselineUrl, baselineOpened, baselinePresses],
    ] as const) {
      const { page } = await openArticle(context, url, condition);
      for (let press = 0; press <= VERDICT_PRESSES; press++) {
        const paragraph = Math.floor(((press + 0.5) * article.paragraphCount) / (VERDICT_PRESSES + 1));
        await selectFreeWords(page, paragraph);
        const result = await (press === VERDICT_PRESSES
          ? profiled(page, `verdict-key-${kind}`, () => pressVerdictKey(page))
          : pressVerdictKey(page));
        if (press > 0) presses.push(result);
      }
      await page.close();
      process.stderr.write(
        `  verdict key (${kind}): ${presses.map((press) => round(press.milliseconds)).join(", ")} ms\n`,
      );
    }

    const { page } = await openArticle(context, claimsUrl, claimsOpened);
    const selections: { milliseconds: number; longestTaskMilliseconds: number }[] = [];
    for (let index = 0; index < SIDEBAR_SELECTIONS; index++) {
      const claimId = await claimCardAt(page, (index + 0.5) / SIDEBAR_SELECTIONS);
      const card = `.claim-card[data-claim-id="${claimId}"]`;
      const select = () =>
        measureClick(
          page,
          `${card} .claim-card__quote`,
          `return document.querySelector('${card} .claim-card__quote[aria-expanded="true"]') !== null && document.querySelector('.article-text [data-claim-ids~="${claimId}"].claim-hl--selected') !== null;`,
        );
      selections.push(await (index === SIDEBAR_SELECTIONS - 1 ? profiled(page, "sidebar-select", select) : select()));
    }
    await page.evaluate(() => {
      const sidebar = document.querySelector(".claim-sidebar") as HTMLElement;
      sidebar.scrollTop = 0;
    });
    const filters: { milliseconds: number; longestTaskMilliseconds: number }[] = [];
    const clears: { milliseconds: number; longestTaskMilliseconds: number }[] = [];
    for (let run = 0; run < 3; run++) {
      filters.push(
        await measureClick(
          page,
          '[data-testid="count-contradicted"]',
          `return document.querySelector('[data-testid="count-contradicted"][aria-pressed="true"]') !== null && document.querySelector('.claim-card')?.classList.contains('claim-card--contradicted') === true;`,
        ),
      );
      clears.push(
        await measureClick(
          page,
          ".verdict-filter .filter-chip >> nth=0",
          `return document.querySelector('.verdict-filter .filter-chip[aria-pressed="true"]') === document.querySelector('.verdict-filter .filter-chip') && document.querySelector('.claim-card--supported') !== null;`,
        ),
      );
    }
    const sidebarCards = await page.locator(".claim-card").count();
    await page.close();

    const scrollValue = median(scrolls.claims.map((run) => run.milliseconds));
    const scrollBaseline = median(scrolls.baseline.map((run) => run.milliseconds));
    const verdictValue = median(verdictPresses.map((press) => press.milliseconds));
    const verdictBaseline = median(baselinePresses.map((press) => press.milliseconds));
    const longest = (results: { longestTaskMilliseconds: number }[]) =>
      round(Math.max(...results.map((result) => result.longestTaskMilliseconds)));
    const interaction = (
      name: string,
      results: { milliseconds: number; longestTaskMilliseconds: number }[],
    ): BenchRow => {
      const value = median(results.map((result) => result.milliseconds));
      return {
        section: SECTION,
        name,
        unit: "ms",
        value,
        goal: "< 100 ms",
        isGoalMet: value < 100,
        note: `median of ${results.length}; longest task ${longest(results)} ms; ${sidebarCards} cards in the DOM`,
      };
    };
    return [
      {
        section: SECTION,
        name: `open: navigation to ${CLAIM_COUNT} highlights painted`,
        unit: "ms",
        value: openValue,
        baseline: openBaseline,
        ratio: openRatio,
        goal: "< 300 ms, ≤ 1.3×",
        isGoalMet: openValue < 300 && openRatio <= 1.3,
        note: `median of ${OPEN_RUNS}; script ${round(openMedian("claims", "scriptMilliseconds"))} vs ${round(openMedian("baseline", "scriptMilliseconds"))} ms, layout ${round(openMedian("claims", "layoutMilliseconds"))} vs ${round(openMedian("baseline", "layoutMilliseconds"))} ms, style ${round(openMedian("claims", "styleMilliseconds"))} vs ${round(openMedian("baseline", "styleMilliseconds"))} ms, longest task ${round(openMedian("claims", "longestTaskMilliseconds"))} ms`,
      },
      {
        section: SECTION,
        name: "verdict key to the new highlight painted",
        unit: "ms",
        value: verdictValue,
        baseline: verdictBaseline,
        ratio: verdictValue / verdictBaseline,
        goal: "< 50 ms",
        isGoalMet: verdictValue < 50,
        note: `median of ${verdictPresses.length}; longest task ${longest(verdictPresses)} ms; baseline: the first claims on the empty article`,
      },
      {
        section: SECTION,
        name: "scroll through the article",
        unit: "ms",
        value: scrollValue,
        baseline: scrollBaseline,
        ratio: scrollValue / scrollBaseline,
        note: `median of 3; ${scrolls.claims[0]?.steps} viewport steps, a frame each; ${Math.max(...scrolls.claims.map((run) => run.longTasks))} long tasks, longest ${longest(scrolls.claims)} ms`,
      },
      interaction("sidebar: select a claim", selections),
      interaction("sidebar: filter by verdict", filters),
      interaction("sidebar: clear the filter", clears),
    ];
  } finally {
    await browser?.close();
    await server?.stop();
    await database.drop();
  }
}
