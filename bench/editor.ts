// The editor section of `pnpm bench`, in headless Chromium against the real server (bench/appServer.ts) and the
// built web app: opening a generated 50,000-word article with 2,000 claims until its first screen of text is
// painted with its highlights, and until every highlight exists in the editor; a verdict key until the new
// highlight is painted; scrolling through the whole article; the claim sidebar with 2,000 cards (select a claim,
// filter by verdict, clear the filter); and opening a 200,000-word article with 10,000 claims. Baseline: the same
// article, no claims, measured back to back. Every time is taken in the page, from the input event's timestamp
// (or navigation start) to the first frame painted after the change: the next requestAnimationFrame, then a task
// after it.
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { createDatabase } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import type { Verdict } from "../packages/core/src";
import { type AppServer, startAppServer } from "./appServer";
import { ensureWebBuild } from "./bundle";
import type { BenchRow } from "./table";

const SECTION = "Editor";
const WORD_COUNT = 50_000;
const WORDS_PER_PARAGRAPH = 60;
const CLAIM_COUNT = 2_000;
/** The scale row: a 200,000-word article with 10,000 claims (BENCH_EDITOR_LARGE=0 leaves it out). */
const LARGE_WORD_COUNT = 200_000;
const LARGE_CLAIM_COUNT = 10_000;
const IS_LARGE_MEASURED = process.env.BENCH_EDITOR_LARGE !== "0";
/** What counts as the first screen: the first paragraphs (a 1400 × 900 window shows about 8 of 60 words). */
const FIRST_SCREEN_PARAGRAPHS = 8;
/** Fresh pages per article for the open figure (after one warm-up each), interleaved claims / baseline. */
const OPEN_RUNS = Number(process.env.BENCH_EDITOR_RUNS ?? 7);
/** First visits (a new browser context each, empty cache), interleaved claims / baseline. */
const COLD_RUNS = Math.max(1, Math.ceil(OPEN_RUNS / 2));
const VERDICT_PRESSES = 7;
const SIDEBAR_SELECTIONS = 5;
/** No step of the bench waits longer than this for the page; a stuck page fails the section, saying which step. */
const STEP_TIMEOUT_MS = 120_000;
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

/**
 * Deterministic: one paragraph per 60 words, `claimCount` claims of 2 to 5 words spread evenly, up to three a
 * paragraph (2,000 on 50,000 words; 10,000 on 200,000).
 */
export function generateEditorArticle(wordCount = WORD_COUNT, claimCount = CLAIM_COUNT): EditorArticle {
  let seed = 11;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const paragraphCount = Math.ceil(wordCount / WORDS_PER_PARAGRAPH);
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
  const claimsBefore = (paragraph: number) => Math.ceil((paragraph * claimCount) / paragraphCount);
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
export async function loadArticles(databaseUrl: string, article: EditorArticle, words = "50,000") {
  const db = await createDatabase(databaseUrl);
  try {
    await ensureAccount(db, SEED_ADMIN);
    const input = { format: "text" as const, content: article.content };
    const withClaims = await createArticle(db, SEED_ADMIN, {
      ...input,
      title: `Bench: ${words} words, ${article.spans.length.toLocaleString("en")} claims`,
    });
    if (withClaims.text !== article.content) throw new Error("The bench article's text projection is not its content.");
    const baseline = await createArticle(db, SEED_ADMIN, { ...input, title: `Bench: ${words} words, no claims` });
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
  /**
   * Count only the ones shown (not under `visibility: hidden`): the app renders into a hidden #root while the
   * page's own first screen, drawn by the server, is up, and takes that away as its own view shows.
   */
  isShownOnly?: boolean;
}

/** When an article counts as open: its first screen of text with its highlights painted, and the whole editor. */
interface OpenConditions {
  firstScreen: OpenCondition;
  full: OpenCondition;
}

/** From navigation start until the first frame painted with each condition met (set up before the page's scripts run). */
function watchOpen({ firstScreen, full }: OpenConditions) {
  const bench = window.__bench as PageBench & { firstScreenAt?: number };
  const isMet =
    ({ selector, count, alsoPresent, isShownOnly }: OpenCondition) =>
    () => {
      if (document.querySelector(alsoPresent) === null) return false;
      const found = [...document.querySelectorAll(selector)];
      const shown = isShownOnly
        ? found.filter((element) => element.checkVisibility({ visibilityProperty: true }))
        : found;
      return shown.length >= count;
    };
  void bench.until(isMet(firstScreen)).then((time) => {
    bench.firstScreenAt = time;
  });
  void bench.until(isMet(full)).then((time) => {
    bench.openedAt = time;
  });
}

interface OpenResult {
  /** Navigation start to the first screen of text painted with its highlights. */
  firstScreenMilliseconds: number;
  /** Navigation start to every highlight (every paragraph, for the baseline) in the editor, painted. */
  milliseconds: number;
  longTaskMilliseconds: number;
  longestTaskMilliseconds: number;
  scriptMilliseconds: number;
  layoutMilliseconds: number;
  styleMilliseconds: number;
  /** Bytes the article's document cost on the wire: headers only when the browser's copy was still good (304). */
  articleTransferBytes: number;
  /** Requests for the article's document and whole reads of its claims: 2 when the app took the HTML's preloads. */
  dataRequests: number;
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

/**
 * `step` on `page`, failing with what happened when the page's renderer crashes or the page or browser goes
 * away meanwhile (Playwright says only "Target page, context or browser has been closed").
 */
export async function onPage<T>(page: Page, step: string, action: () => Promise<T>): Promise<T> {
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  failed.catch(() => {});
  const onCrash = () => fail(new Error(`The page's renderer crashed during "${step}" (out of memory?).`));
  const onClose = () => fail(new PageGoneError(`The page was closed during "${step}".`));
  const browser = page.context().browser();
  const onDisconnect = () => fail(new PageGoneError(`Chromium went away during "${step}" (killed from outside?).`));
  page.on("crash", onCrash);
  page.on("close", onClose);
  browser?.on("disconnected", onDisconnect);
  try {
    return await Promise.race([action(), failed]);
  } finally {
    page.off("crash", onCrash);
    page.off("close", onClose);
    browser?.off("disconnected", onDisconnect);
  }
}

/** The browser or page went away under the bench (not a crash of the page, nor a timeout). */
class PageGoneError extends Error {}

export async function openArticle(
  context: BrowserContext,
  url: string,
  conditions: OpenConditions,
  profileName?: string,
): Promise<{ page: Page; result: OpenResult }> {
  const page = await context.newPage();
  const dataRequests: string[] = [];
  const articlePath = new URL(url).pathname.replace(/^\/articles\//, "/api/articles/");
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    // The document, and the claims read whole (a `?since=` read after opening asks only for changes).
    const isWholeRead =
      pathname === articlePath || (pathname === `${articlePath}/claims` && !request.url().includes("?"));
    if (isWholeRead) dataRequests.push(request.url());
  });
  return onPage(page, `open ${url}`, async () => {
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
    await page.addInitScript(watchOpen, conditions);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench?.openedAt !== undefined, null, {
      timeout: STEP_TIMEOUT_MS,
      polling: 50,
    });
    const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
    const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? 0) * 1000;
    if (profileName && PROFILE_DIR) {
      const { profile } = await cdp.send("Profiler.stop");
      mkdirSync(PROFILE_DIR, { recursive: true });
      writeFileSync(path.join(PROFILE_DIR, `${profileName}.cpuprofile`), JSON.stringify(profile));
    }
    await cdp.detach();
    const { openedAt, firstScreenAt, longTasks, articleTransferBytes } = await page.evaluate((documentPath) => {
      const entry = performance
        .getEntriesByType("resource")
        .find((resource) => new URL(resource.name).pathname === documentPath) as PerformanceResourceTiming | undefined;
      return {
        openedAt: window.__bench.openedAt as number,
        firstScreenAt: (window.__bench as PageBench & { firstScreenAt: number }).firstScreenAt,
        longTasks: window.__bench.longTasks,
        articleTransferBytes: entry?.transferSize ?? -1,
      };
    }, articlePath);
    const before = longTasks.filter((task) => task.start < openedAt);
    return {
      page,
      result: {
        firstScreenMilliseconds: firstScreenAt,
        milliseconds: openedAt,
        longTaskMilliseconds: before.reduce((sum, task) => sum + task.duration, 0),
        longestTaskMilliseconds: Math.max(0, ...before.map((task) => task.duration)),
        scriptMilliseconds: metric("ScriptDuration"),
        layoutMilliseconds: metric("LayoutDuration"),
        styleMilliseconds: metric("RecalcStyleDuration"),
        articleTransferBytes,
        dataRequests: dataRequests.length,
      },
    };
  });
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
    // Until the window stops moving: a page whose height is fractional, or changes, must not scroll forever.
    for (let before = -1; window.scrollY !== before; ) {
      before = window.scrollY;
      window.scrollBy(0, window.innerHeight);
      steps++;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    steps--;
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
    // The list renders the cards near its view after the scroll event: wait up to 5 s of frames for one.
    const startedAt = performance.now();
    while (performance.now() - startedAt < 5_000) {
      await window.__bench.nextPaint();
      const box = sidebar.getBoundingClientRect();
      const card = [...sidebar.querySelectorAll<HTMLElement>(".claim-card")].find(
        (element) =>
          element.getBoundingClientRect().top >= box.top + 80 && element.getBoundingClientRect().top < box.bottom - 40,
      );
      if (card?.dataset.claimId) return card.dataset.claimId;
    }
    throw new Error(`No claim card in the sidebar's view 5 s after scrolling to ${Math.round(share * 100)} % of it.`);
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
const spreadOf = (values: readonly number[]) => `${round(Math.min(...values))}–${round(Math.max(...values))}`;

/** What the bench waits for on an article of `paragraphCount` paragraphs with `claimCount` claims, `firstScreenClaims` of them on its first screen. */
export function openConditions(paragraphCount: number, claimCount: number, firstScreenClaims: number): OpenConditions {
  // The editor proper is the contenteditable text; the first screen may be drawn before it (a preview).
  const editorText = ".article-text[contenteditable]";
  if (claimCount === 0) {
    return {
      firstScreen: {
        selector: ".article-text p",
        count: FIRST_SCREEN_PARAGRAPHS,
        alsoPresent: ".article-text p",
        isShownOnly: true,
      },
      // The claims' answer is in too (the empty list), as it is for the other article.
      full: { selector: `${editorText} p`, count: paragraphCount, alsoPresent: ".claim-sidebar .empty-state" },
    };
  }
  return {
    firstScreen: {
      selector: ".article-text [data-claim-id]",
      count: firstScreenClaims,
      alsoPresent: `.article-text p:nth-of-type(${FIRST_SCREEN_PARAGRAPHS})`,
      isShownOnly: true,
    },
    full: { selector: `${editorText} [data-claim-id]`, count: claimCount, alsoPresent: `${editorText} p` },
  };
}

/** The claims whose words start in the article's first screen of paragraphs. */
export function firstScreenClaimCount(article: EditorArticle): number {
  let end = -1;
  for (let paragraph = 0; paragraph < FIRST_SCREEN_PARAGRAPHS; paragraph++)
    end = article.content.indexOf("\n", end + 1);
  return article.spans.filter((span) => span.start < end).length;
}

interface ArticlePair {
  claimsUrl: string;
  baselineUrl: string;
  claims: OpenConditions;
  baseline: OpenConditions;
}

/** Opens each article of `pair` `runs` times, interleaved, in `context` (after one warm-up each unless `isCold`). */
async function measureOpens(
  newContext: () => Promise<BrowserContext>,
  pair: ArticlePair,
  runs: number,
  { isCold = false, profilePrefix }: { isCold?: boolean; profilePrefix?: string } = {},
) {
  const opens: { claims: OpenResult[]; baseline: OpenResult[] } = { claims: [], baseline: [] };
  let context = isCold ? undefined : await newContext();
  for (let run = isCold ? 1 : 0; run <= runs; run++) {
    for (const kind of ["claims", "baseline"] as const) {
      // A first visit: a new context each time, its HTTP cache empty.
      if (isCold) context = await newContext();
      const { page, result } = await openArticle(
        context as BrowserContext,
        kind === "claims" ? pair.claimsUrl : pair.baselineUrl,
        pair[kind],
        run === runs && profilePrefix ? `${profilePrefix}-${kind}` : undefined,
      );
      if (run > 0) opens[kind].push(result);
      await page.close();
      if (isCold) await context?.close();
    }
  }
  if (!isCold) await context?.close();
  return {
    opens,
    median: (kind: "claims" | "baseline", key: keyof OpenResult) => median(opens[kind].map((result) => result[key])),
    spread: (kind: "claims" | "baseline", key: keyof OpenResult) =>
      `${round(Math.min(...opens[kind].map((result) => result[key])))}–${round(Math.max(...opens[kind].map((result) => result[key])))}`,
  };
}

/**
 * The floor under the first screen: the claims article's page as the server sends it to this reviewer (its first
 * screen and inline stylesheet), less every script and everything it would fetch, served by a bare HTTP server on
 * loopback and opened as the app's page is, `runs` times after a warm-up, in one context; each run twice,
 * interleaved: with no headers but its type (`bare`), and with the page's own response headers (`withHeaders`: its
 * Content-Security-Policy, Cross-Origin-Opener-Policy and the rest). What Chromium here takes to paint that first
 * screen with nothing else to do, and what the page's security headers add to it: a Cross-Origin-Opener-Policy
 * makes a new tab swap to a new renderer process once the response arrives. Milliseconds from navigation start.
 */
async function measureFirstScreenAlone(
  context: BrowserContext,
  pageUrl: string,
  cookies: { name: string; value: string }[],
  condition: OpenCondition,
  runs: number,
): Promise<{ bare: number[]; withHeaders: number[] }> {
  const response = await fetch(pageUrl, {
    headers: { cookie: cookies.map(({ name, value }) => `${name}=${value}`).join("; ") },
  });
  const html = (await response.text())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b(?=[^>]*\b(?:rel="(?:preload|modulepreload|stylesheet)"|data-after-first-frame))[^>]*>/gi, "");
  if (!html.includes('id="first-screen"')) throw new Error("The article's page came without its first screen.");
  // The page's own headers, less what describes the body as it was sent (compressed, its length) or the connection.
  const pageHeaders: Record<string, string> = {};
  for (const [name, value] of response.headers) {
    if (!["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"].includes(name)) {
      pageHeaders[name] = value;
    }
  }
  const server = createServer((request, reply) => {
    const headers =
      request.url === "/with-headers"
        ? { ...pageHeaders, "cache-control": "no-store" }
        : { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    reply.writeHead(200, headers);
    reply.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const times = { bare: [] as number[], withHeaders: [] as number[] };
    for (let run = 0; run <= runs; run++) {
      for (const [kind, path] of [
        ["bare", "/"],
        ["withHeaders", "/with-headers"],
      ] as const) {
        const { page, result } = await openArticle(context, `${base}${path}`, {
          firstScreen: condition,
          full: condition,
        });
        if (run > 0) times[kind].push(result.firstScreenMilliseconds);
        await page.close();
      }
    }
    return times;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function benchEditor(): Promise<BenchRow[]> {
  ensureWebBuild();
  const article = generateEditorArticle();
  const large = IS_LARGE_MEASURED ? generateEditorArticle(LARGE_WORD_COUNT, LARGE_CLAIM_COUNT) : undefined;
  const database = await createThrowawayDatabase("factmark_bench_editor");
  let browser: Browser | undefined;
  let server: AppServer | undefined;
  const notes: string[] = [];
  try {
    const loadStarted = performance.now();
    const { claimsArticleId, baselineArticleId } = await loadArticles(database.url, article);
    process.stderr.write(`  wrote ${CLAIM_COUNT} claims in ${round(performance.now() - loadStarted)} ms\n`);
    let largeIds: { claimsArticleId: string; baselineArticleId: string } | undefined;
    if (large) {
      const largeStarted = performance.now();
      largeIds = await loadArticles(database.url, large, "200,000");
      process.stderr.write(`  wrote ${LARGE_CLAIM_COUNT} claims in ${round(performance.now() - largeStarted)} ms\n`);
    }
    // Written before the server starts: one process per SQLite file.
    server = await startAppServer(database.url);
    const baseUrl = server.baseUrl;
    const cookies = await signIn(baseUrl);
    const launch = () =>
      chromium.launch({
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
          "--disable-dev-shm-usage",
        ],
      });
    browser = await launch();
    const newContext = async () => {
      const context = await (browser as Browser).newContext({ viewport: { width: 1400, height: 900 } });
      await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: baseUrl })));
      return context;
    };
    let hasRelaunched = false;
    /**
     * One part of the bench. When Chromium itself went away under it (killed from outside: the page is not to
     * blame), it starts Chromium again and measures that part once more, once per run, and says so; a crashed
     * page, a timeout or a wrong answer fails the section.
     */
    const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        if (browser?.isConnected() || hasRelaunched) throw error;
        hasRelaunched = true;
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        process.stderr.write(`  Chromium went away during "${name}" (${reason}); measuring it again\n`);
        notes.push(`Chromium went away once during "${name}" and that part was measured again`);
        browser = await launch();
        return run();
      }
    };
    const pair: ArticlePair = {
      claimsUrl: `${baseUrl}/articles/${claimsArticleId}`,
      baselineUrl: `${baseUrl}/articles/${baselineArticleId}`,
      claims: openConditions(article.paragraphCount, CLAIM_COUNT, firstScreenClaimCount(article)),
      baseline: openConditions(article.paragraphCount, 0, 0),
    };

    // A returning reviewer (cache warm: one warm-up each), then first visits (empty cache).
    const warm = await phase("open (returning reviewer)", () =>
      measureOpens(newContext, pair, OPEN_RUNS, { profilePrefix: "open" }),
    );
    const firstScreenAlone = await phase("the first screen alone", async () => {
      const context = await newContext();
      const times = await measureFirstScreenAlone(context, pair.claimsUrl, cookies, pair.claims.firstScreen, OPEN_RUNS);
      await context.close();
      return times;
    });
    const cold = await phase("open (first visit)", () => measureOpens(newContext, pair, COLD_RUNS, { isCold: true }));

    // Scrolling, the verdict key and the sidebar, each on a freshly opened page.
    const scrolls = await phase("scroll", async () => {
      const context = await newContext();
      const results = {
        claims: [] as Awaited<ReturnType<typeof scrollThrough>>[],
        baseline: [] as Awaited<ReturnType<typeof scrollThrough>>[],
      };
      for (let run = 0; run < 3; run++) {
        for (const kind of ["claims", "baseline"] as const) {
          const { page } = await openArticle(
            context,
            kind === "claims" ? pair.claimsUrl : pair.baselineUrl,
            pair[kind],
          );
          results[kind].push(await onPage(page, `scroll through the ${kind} article`, () => scrollThrough(page)));
          await page.close();
        }
      }
      await context.close();
      return results;
    });

    const [verdictPresses, baselinePresses] = await phase("verdict key", async () => {
      const context = await newContext();
      const results: { milliseconds: number; longestTaskMilliseconds: number }[][] = [];
      for (const kind of ["claims", "baseline"] as const) {
        const presses: { milliseconds: number; longestTaskMilliseconds: number }[] = [];
        const { page } = await openArticle(context, kind === "claims" ? pair.claimsUrl : pair.baselineUrl, pair[kind]);
        await onPage(page, `verdict keys on the ${kind} article`, async () => {
          for (let press = 0; press <= VERDICT_PRESSES; press++) {
            const paragraph = Math.floor(((press + 0.5) * article.paragraphCount) / (VERDICT_PRESSES + 1));
            await selectFreeWords(page, paragraph);
            const result = await (press === VERDICT_PRESSES
              ? profiled(page, `verdict-key-${kind}`, () => pressVerdictKey(page))
              : pressVerdictKey(page));
            if (press > 0) presses.push(result);
          }
        });
        await page.close();
        process.stderr.write(
          `  verdict key (${kind}): ${presses.map((press) => round(press.milliseconds)).join(", ")} ms\n`,
        );
        results.push(presses);
      }
      await context.close();
      return results as [(typeof results)[0], (typeof results)[0]];
    });

    const sidebar = await phase("sidebar", async () => {
      const context = await newContext();
      const { page } = await openArticle(context, pair.claimsUrl, pair.claims);
      const result = await onPage(page, "the sidebar", async () => {
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
          selections.push(
            await (index === SIDEBAR_SELECTIONS - 1 ? profiled(page, "sidebar-select", select) : select()),
          );
        }
        await page.evaluate(() => {
          const sidebarElement = document.querySelector(".claim-sidebar") as HTMLElement;
          sidebarElement.scrollTop = 0;
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
        return { selections, filters, clears, cards: await page.locator(".claim-card").count() };
      });
      await page.close();
      await context.close();
      return result;
    });

    const largeOpens =
      large && largeIds
        ? await phase("open the 200,000-word article", () =>
            measureOpens(
              newContext,
              {
                claimsUrl: `${baseUrl}/articles/${largeIds.claimsArticleId}`,
                baselineUrl: `${baseUrl}/articles/${largeIds.baselineArticleId}`,
                claims: openConditions(large.paragraphCount, LARGE_CLAIM_COUNT, firstScreenClaimCount(large)),
                baseline: openConditions(large.paragraphCount, 0, 0),
              },
              Math.min(3, OPEN_RUNS),
            ),
          )
        : undefined;

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
        note: `median of ${results.length}; longest task ${longest(results)} ms; ${sidebar.cards} cards in the DOM`,
      };
    };
    const firstScreenValue = warm.median("claims", "firstScreenMilliseconds");
    const firstScreenBaseline = warm.median("baseline", "firstScreenMilliseconds");
    const openValue = warm.median("claims", "milliseconds");
    const openBaseline = warm.median("baseline", "milliseconds");
    const openRatio = openValue / openBaseline;
    const coldFirstScreen = cold.median("claims", "firstScreenMilliseconds");
    const coldFirstScreenBaseline = cold.median("baseline", "firstScreenMilliseconds");
    const requestsPerOpen = Math.max(...warm.opens.claims.map((result) => result.dataRequests));
    const rows: BenchRow[] = [
      {
        section: SECTION,
        name: "open (returning reviewer): navigation to the first screen of text with its highlights painted",
        unit: "ms",
        value: firstScreenValue,
        baseline: firstScreenBaseline,
        ratio: firstScreenValue / firstScreenBaseline,
        goal: "< 300 ms",
        isGoalMet: firstScreenValue < 300,
        note: `median of ${OPEN_RUNS} (${warm.spread("claims", "firstScreenMilliseconds")}); the first ${FIRST_SCREEN_PARAGRAPHS} paragraphs and their ${firstScreenClaimCount(article)} highlights as shown, whoever drew them (the server in the page's HTML, the app's preview, or the editor); the document came back in ${round(warm.median("claims", "articleTransferBytes"))} bytes (304 when the cache's copy is current); ${requestsPerOpen} requests for the document and the claims (2: the app used the page's preloads); baseline: the same text, no claims`,
      },
      {
        section: SECTION,
        name: "open (returning reviewer): the first screen, against the same page with no scripts (the floor)",
        unit: "ms",
        value: firstScreenValue,
        baseline: median(firstScreenAlone.bare),
        ratio: firstScreenValue / median(firstScreenAlone.bare),
        note: `baseline: the page's own HTML and inline CSS for this reviewer, less its scripts and every fetch, from a bare HTTP server, opened the same way: median of ${firstScreenAlone.bare.length} (${spreadOf(firstScreenAlone.bare)}); what this Chromium needs to paint that screen with nothing else to do`,
      },
      {
        section: SECTION,
        name: "open (returning reviewer): the first screen, against the floor with the page's own security headers",
        unit: "ms",
        value: firstScreenValue,
        baseline: median(firstScreenAlone.withHeaders),
        ratio: firstScreenValue / median(firstScreenAlone.withHeaders),
        note: `baseline: the floor above sent with the page's own response headers, interleaved with it: median of ${firstScreenAlone.withHeaders.length} (${spreadOf(firstScreenAlone.withHeaders)}), ${round(median(firstScreenAlone.withHeaders) - median(firstScreenAlone.bare))} ms over the bare floor; its Cross-Origin-Opener-Policy (kept: no other site's window can hold this one) makes a new tab start a new renderer process once the response is in`,
      },
      {
        section: SECTION,
        name: `open (returning reviewer): navigation to all ${CLAIM_COUNT.toLocaleString("en")} highlights in the editor`,
        unit: "ms",
        value: openValue,
        baseline: openBaseline,
        ratio: openRatio,
        goal: "≤ 1,500 ms, ≤ 1.3×",
        isGoalMet: openValue <= 1500 && openRatio <= 1.3,
        note: `median of ${OPEN_RUNS} (${warm.spread("claims", "milliseconds")} vs ${warm.spread("baseline", "milliseconds")}); script ${round(warm.median("claims", "scriptMilliseconds"))} vs ${round(warm.median("baseline", "scriptMilliseconds"))} ms, layout ${round(warm.median("claims", "layoutMilliseconds"))} vs ${round(warm.median("baseline", "layoutMilliseconds"))} ms, style ${round(warm.median("claims", "styleMilliseconds"))} vs ${round(warm.median("baseline", "styleMilliseconds"))} ms, longest task ${round(warm.median("claims", "longestTaskMilliseconds"))} ms`,
      },
      {
        section: SECTION,
        name: "open (first visit, empty cache): navigation to the first screen with its highlights",
        unit: "ms",
        value: coldFirstScreen,
        baseline: coldFirstScreenBaseline,
        ratio: coldFirstScreen / coldFirstScreenBaseline,
        note: `median of ${COLD_RUNS} (${cold.spread("claims", "firstScreenMilliseconds")}); all highlights at ${round(cold.median("claims", "milliseconds"))} ms vs ${round(cold.median("baseline", "milliseconds"))} ms without claims`,
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
      interaction("sidebar: select a claim", sidebar.selections),
      interaction("sidebar: filter by verdict", sidebar.filters),
      interaction("sidebar: clear the filter", sidebar.clears),
    ];
    if (largeOpens && large) {
      const value = largeOpens.median("claims", "firstScreenMilliseconds");
      const baseline = largeOpens.median("baseline", "firstScreenMilliseconds");
      rows.push({
        section: SECTION,
        name: "open 200,000 words, 10,000 claims (returning reviewer): to the first screen with its highlights",
        unit: "ms",
        value,
        baseline,
        ratio: value / baseline,
        goal: "< 1,000 ms",
        isGoalMet: value < 1000,
        note: `median of ${largeOpens.opens.claims.length} (${largeOpens.spread("claims", "firstScreenMilliseconds")}); all 10,000 highlights at ${round(largeOpens.median("claims", "milliseconds"))} ms vs ${round(largeOpens.median("baseline", "milliseconds"))} ms without claims`,
      });
    }
    if (notes.length > 0) for (const row of rows) row.note = `${row.note ?? ""}; ${notes.join("; ")}`;
    return rows;
  } finally {
    await browser?.close();
    await server?.stop();
    await database.drop();
  }
}
