import { fileURLToPath } from "node:url";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { createSampleCopy } from "./support/createSampleCopy";
import { test } from "./support/signedInAdmin";

// Screenshots for a person to look at, beside the run's other artifacts (never in the tree).
const SHOTS = fileURLToPath(new URL("./artifacts/screenshots", import.meta.url));
// One unbroken word each, as a pasted identifier or URL without breaks would be.
const LONG_SPEAKER = `Speaker${"n".repeat(180)}`;
const LONG_WORD = `Rationale${"w".repeat(300)}`;

/** A sample copy whose two claims contradict each other, one with a long speaker and rationale word. */
async function articleWithLongWords(request: APIRequestContext): Promise<string> {
  const articleId = await createSampleCopy(request, "Report overflow: long words");
  const mark = async (exact: string, extra: Record<string, string>) => {
    const response = await request.post(`/api/articles/${articleId}/claims`, {
      data: { selectors: { quote: { exact } }, ...extra },
    });
    expect(response.status()).toBe(201);
    return (await response.json()).id as string;
  };
  const first = await mark("totally unfounded", {
    verdict: "contradicted",
    speaker: LONG_SPEAKER,
    rationale: `Because ${LONG_WORD} says so.`,
  });
  const second = await mark("Iran has military personnel", { verdict: "supported", speaker: LONG_SPEAKER });
  const link = await request.post(`/api/articles/${articleId}/links`, {
    data: { fromClaimId: first, toClaimId: second, kind: "contradicts", note: `Note ${LONG_WORD}` },
  });
  expect(link.status()).toBe(201);
  return articleId;
}

async function pageWidths(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

test("neither the in-app report nor the downloaded HTML report scrolls sideways with a long speaker or word", async ({
  browser,
  request,
  storageState,
}) => {
  const articleId = await articleWithLongWords(request);
  const download = await request.get(`/api/articles/${articleId}/report?format=html`);
  expect(download.status()).toBe(200);
  const html = await download.text();
  expect(html).toContain(LONG_SPEAKER);

  for (const width of [1440, 1024]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, storageState });
    const page = await context.newPage();
    await page.goto(`/articles/${articleId}/report`);
    await expect(page.getByText(LONG_WORD).first()).toBeVisible();
    const app = await pageWidths(page);
    expect(app.scrollWidth, `in-app report at ${width} px`).toBeLessThanOrEqual(app.clientWidth);
    await page.screenshot({ path: `${SHOTS}/report-app-${width}.png`, fullPage: true });

    // A blank page of its own: the app's page carries the app's Content-Security-Policy, which would block the file's
    // inline styles, as a browser opening the downloaded file would not.
    const filePage = await context.newPage();
    await filePage.setContent(html);
    await expect(filePage.locator("main h1")).toHaveCSS("font-size", "30.4px");
    const file = await pageWidths(filePage);
    expect(file.scrollWidth, `HTML report at ${width} px`).toBeLessThanOrEqual(file.clientWidth);
    await filePage.screenshot({ path: `${SHOTS}/report-html-${width}.png`, fullPage: true });
    await context.close();
  }
});
