import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { seriousAccessibilityViolations } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";

const SCREENSHOTS_DIR = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
const MINISTER = "limited number of drones months before the Ukraine war";
const ENVOY = "transferred dozens [of drones to Russia] just this summer";
/** A rationale whose address is longer than the panel is wide, and a 38-character one that overflowed too. */
const LONG_URL_RATIONALE = [
  "The ministry's own transcript says otherwise:",
  "https://www.example.org/transcripts/2022/11/05/foreign-minister-press-conference-drones-russia-ukraine-full-text?lang=en&section=answers",
  "and https://example.org/a/b/c/d/e/f/g/h (38 characters).",
].join(" ");

async function createClaim(request: APIRequestContext, articleId: string, exact: string, extra: object = {}) {
  const response = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { quote: { exact } }, verdict: "contradicted", ...extra },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id as string;
}

/** Whether anything scrolls sideways: the sidebar, and the page. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const sidebar = document.querySelector<HTMLElement>("#root .claim-sidebar");
    return {
      sidebar: sidebar ? sidebar.scrollWidth - sidebar.clientWidth : null,
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
  await expect(page.locator("#root .claim-card").first()).toBeVisible({ visible: undefined });
}

test("a rationale holding a long address wraps in the panel: nothing scrolls sideways at 1440, 1280 and 1024 px", async ({
  page,
  request,
}) => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const articleId = await createSampleCopy(request, "Desk layout");
  const minister = await createClaim(request, articleId, MINISTER, {
    speaker: "Hossein Amir-Abdollahian",
    rationale: LONG_URL_RATIONALE,
  });
  await createClaim(request, articleId, ENVOY, { verdict: "supported", speaker: "Robert Malley" });

  for (const width of [1440, 1280, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await openArticle(page, articleId);
    await page.locator(`.claim-card[data-claim-id="${minister}"] .claim-card__quote`).click();
    const rationaleLink = page.locator(".claim-card--selected .rationale a").first();
    await expect(rationaleLink).toBeVisible();
    expect(await sidewaysOverflow(page), `at ${width} px`).toEqual({ sidebar: 0, page: 0 });
    // The card's own buttons are inside the panel, not cut off.
    const panel = await page.locator("#root .claim-sidebar").boundingBox();
    const linkButton = await page.locator(".claim-card--selected").getByRole("button", { name: "Link…" }).boundingBox();
    expect(linkButton && panel && linkButton.x + linkButton.width <= panel.x + panel.width).toBe(true);
    if (width === 1440) expect(await seriousAccessibilityViolations(page)).toEqual([]);
    if (width !== 1280) {
      // The page and the panel from their tops: the header, the tabs and filters, then the claim open.
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        document.querySelector("#root .claim-sidebar")?.scrollTo(0, 0);
      });
      await page.screenshot({ path: `${SCREENSHOTS_DIR}desk-${width}.png` });
    }
  }
});

test("the claims panel is as wide as the reviewer drags it, and stays so on the next visit", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Desk width");
  await createClaim(request, articleId, MINISTER);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openArticle(page, articleId);
  const sidebar = page.locator("#root .claim-sidebar");
  const before = (await sidebar.boundingBox())?.width ?? 0;
  const handle = page.getByRole("separator", { name: "Resize the claims panel" });
  await handle.focus();
  for (let press = 0; press < 4; press++) await page.keyboard.press("ArrowLeft");
  await expect.poll(async () => (await sidebar.boundingBox())?.width ?? 0).toBeGreaterThan(before + 80);
  await page.reload();
  await expect(page.locator("#root .article-text")).toBeVisible();
  await expect.poll(async () => (await sidebar.boundingBox())?.width ?? 0).toBeGreaterThan(before + 80);
  await page.evaluate(() => localStorage.removeItem("factmark.deskSidebarWidth"));
});

test("below 1024 px the claims are a drawer over the text: a button opens it, Escape closes it and focus returns", async ({
  page,
  request,
}) => {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const articleId = await createSampleCopy(request, "Desk drawer");
  await createClaim(request, articleId, MINISTER, {
    speaker: "Hossein Amir-Abdollahian",
    rationale: LONG_URL_RATIONALE,
  });
  await createClaim(request, articleId, ENVOY, { verdict: "supported", speaker: "Robert Malley" });

  for (const width of [768, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1024 });
    await page.goto(`/articles/${articleId}`);
    await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
    const sidebar = page.locator("#root .claim-sidebar");
    const toggle = page.getByRole("button", { name: "Claims (2)" });
    await expect(toggle).toBeVisible();
    // Closed, the drawer is out of sight and out of the Tab order; the text has the width.
    await expect(sidebar).toBeHidden();
    expect((await sidewaysOverflow(page)).page, `page at ${width} px`).toBe(0);

    await toggle.click();
    await expect(sidebar).toBeVisible();
    await expect(sidebar.locator(":focus")).toHaveCount(1);
    await sidebar.locator(".claim-card__quote").first().click();
    await expect(sidebar.locator(".claim-card--selected .rationale a").first()).toBeVisible();
    expect((await sidewaysOverflow(page)).sidebar, `drawer at ${width} px`).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // At 768 px the drawer is shown open over the text; at 390 px, closed, with the text and its button.
    if (width === 768) {
      await sidebar.evaluate((drawer) => drawer.scrollTo(0, 0));
      await page.screenshot({ path: `${SCREENSHOTS_DIR}desk-${width}.png` });
    }

    await page.keyboard.press("Escape");
    await expect(sidebar).toBeHidden();
    await expect(page.getByRole("button", { name: "Claims (2)" })).toBeFocused();
    if (width === 390) {
      // The page and the panel from their tops: the header, the tabs and filters, then the claim open.
      await page.evaluate(() => {
        window.scrollTo(0, 0);
        document.querySelector("#root .claim-sidebar")?.scrollTo(0, 0);
      });
      await page.screenshot({ path: `${SCREENSHOTS_DIR}desk-${width}.png` });
    }
  }
});
