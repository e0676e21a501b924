// Compares ways of starting the app on the page with an article's first screen, in one run, interleaved, against the
// same server and article (50,000 words, 2,000 claims): the page as the server sends it (everything held until the
// first frame, serveWebApp.ts's FIRST_FRAME_LOADER), the page as it was (entry script, chunks and data preloaded as
// the parser meets them), and the data alone preloaded at once. Each variant is the server's own page rewritten in
// the browser (Playwright's route), so all three pay the same interception. Prints, per variant, the medians of
// navigation → first screen with its highlights painted, and → all highlights in the editor.
//
//   node_modules/.bin/tsx bench/firstScreenLoading.ts            (RUNS=12 by default)
import { type BrowserContext, chromium } from "@playwright/test";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { startAppServer } from "./appServer";
import { ensureWebBuild } from "./bundle";
import { firstScreenClaimCount, generateEditorArticle, loadArticles, signIn } from "./editor";

const RUNS = Number(process.env.RUNS ?? 12);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A held link (`<link data-after-first-frame="kind" crossorigin href>`) as the parser-started link it stands for. */
const HELD = /<link data-after-first-frame="([a-z]+)" crossorigin href="([^"]*)">/g;
const LOADER = /<script>\(\(\)=>\{let started[\s\S]*?<\/script>/;

const VARIANTS: Record<string, (html: string) => string> = {
  "held until the first frame (as served)": (html) => html,
  "preloaded at once (before)": (html) =>
    html
      .replace(LOADER, "")
      .replace(HELD, (_link, kind: string, href: string) =>
        kind === "entry"
          ? `<script type="module" crossorigin src="${href}"></script>`
          : `<link rel="preload" as="${kind}" crossorigin href="${href}">`,
      ),
  "data preloaded at once, the rest held": (html) =>
    html.replace(HELD, (link, kind: string, href: string) =>
      kind === "fetch" ? `<link rel="preload" as="fetch" crossorigin href="${href}">${link}` : link,
    ),
};

/** Navigation start → first screen with `firstScreenClaims` highlights shown, and → `claimCount` in the editor. */
async function open(context: BrowserContext, url: string, rewrite: (html: string) => string, counts: number[]) {
  const page = await context.newPage();
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    // The body is rewritten (the loader's hash would no longer hold) and sent as text.
    delete headers["content-security-policy"];
    delete headers["content-encoding"];
    await route.fulfill({ response, headers, body: rewrite(await response.text()) });
  });
  await page.addInitScript("globalThis.__name = (target) => target;");
  await page.addInitScript(([firstScreenClaims, claimCount]) => {
    const times = {} as { firstScreen?: number; all?: number };
    (window as unknown as { __open: typeof times }).__open = times;
    const afterFrame = (done: (time: number) => void) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      });
    const shown = () =>
      [...document.querySelectorAll(".article-text [data-claim-id]")].filter((element) =>
        element.checkVisibility({ visibilityProperty: true }),
      ).length;
    const watchFirst = () =>
      shown() >= (firstScreenClaims as number)
        ? afterFrame((time) => {
            times.firstScreen = time;
          })
        : requestAnimationFrame(watchFirst);
    const watchAll = () =>
      document.querySelectorAll(".article-text[contenteditable] [data-claim-id]").length >= (claimCount as number)
        ? afterFrame((time) => {
            times.all = time;
          })
        : requestAnimationFrame(watchAll);
    requestAnimationFrame(watchFirst);
    requestAnimationFrame(watchAll);
  }, counts);
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(
    () => (window as unknown as { __open: { all?: number } }).__open?.all !== undefined,
    null,
    {
      timeout: 60_000,
    },
  );
  const times = await page.evaluate(
    () => (window as unknown as { __open: { firstScreen: number; all: number } }).__open,
  );
  await page.close();
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

ensureWebBuild();
const database = await createThrowawayDatabase("factmark_bench_first_screen");
const article = generateEditorArticle();
const { claimsArticleId } = await loadArticles(database.url, article);
const server = await startAppServer(database.url);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const cookies = await signIn(server.baseUrl);
  await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: server.baseUrl })));
  const url = `${server.baseUrl}/articles/${claimsArticleId}`;
  const counts = [firstScreenClaimCount(article), article.spans.length];
  const results = new Map<string, { firstScreen: number[]; all: number[] }>();
  // One warm-up each (the browser's cache), then the runs, interleaved.
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, rewrite] of Object.entries(VARIANTS)) {
      const times = await open(context, url, rewrite, counts);
      if (run === 0) continue;
      const kept = results.get(name) ?? { firstScreen: [], all: [] };
      kept.firstScreen.push(times.firstScreen);
      kept.all.push(times.all);
      results.set(name, kept);
    }
  }
  for (const [name, { firstScreen, all }] of results) {
    console.log(
      `${name.padEnd(40)} first screen ${Math.round(median(firstScreen))} ms (${Math.round(Math.min(...firstScreen))}–${Math.round(Math.max(...firstScreen))}), all highlights ${Math.round(median(all))} ms, median of ${firstScreen.length}`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exit(0);
