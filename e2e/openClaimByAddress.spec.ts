import { mkdirSync } from "node:fs";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { highlightOf, seriousAccessibilityViolations } from "./support/articlePage";
import { test } from "./support/signedInAdmin";

// Screenshots for a person to look at (never in the tree): set CLAIM_ADDRESS_SHOTS to a folder to take them.
const SHOTS = process.env.CLAIM_ADDRESS_SHOTS;
const KEPT = "The council approved a limited budget for the clinics.";
const REMOVED = "The north clinic reported that waiting times dropped by nine percent in spring.";
const FILLER = Array.from(
  { length: 30 },
  (_, index) => `Paragraph ${index + 1} sets out what the region spent on schools, roads and clinics last year.`,
);

function docOf(lines: string[]) {
  return {
    type: "doc",
    content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
  };
}

/** An article with a claim far down its text and an orphan (its sentence edited away); answers their ids. */
async function createArticleWithOrphan(request: APIRequestContext) {
  const lines = [REMOVED, ...FILLER, KEPT];
  const created = await request.post("/api/articles", {
    data: { title: `Clinics ${Date.now()}`, format: "text", content: lines.join("\n") },
  });
  expect(created.status()).toBe(201);
  const article = await created.json();
  const claimOn = async (exact: string, speaker: string) => {
    const response = await request.post(`/api/articles/${article.id}/claims`, {
      data: { selectors: { quote: { exact } }, verdict: "contradicted", speaker },
    });
    expect(response.status()).toBe(201);
    return (await response.json()).id as string;
  };
  const orphanId = await claimOn(REMOVED, "Health board");
  const claimId = await claimOn("approved a limited budget", "Council");
  const saved = await request.patch(`/api/articles/${article.id}`, {
    data: { doc: docOf(lines.slice(1)) },
    headers: { "If-Match": `"${article.version}"` },
  });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).reanchored).toMatchObject({ orphaned: 1 });
  return { articleId: article.id as string, claimId, orphanId };
}

/** The page's own scroll position, to tell that showing a claim did not move it. */
const pageScrollY = (page: Page) => page.evaluate(() => window.scrollY);

test("a claim opened by its address on a phone takes the focus into the drawer, onto that claim; on a desk it does not", async ({
  page,
  request,
}) => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const { articleId, claimId } = await createArticleWithOrphan(request);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(page.getByRole("button", { name: "Close claims" })).toHaveAttribute("aria-expanded", "true");
  const quote = page.locator(".claim-card--selected .claim-card__quote");
  await expect(quote).toContainText("approved a limited budget");
  await expect(quote).toBeFocused();
  await expect(quote).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/claim-focused-390.png` });
  // The keyboard goes on from there: Tab reaches the claim's own controls, Escape closes the drawer onto its button.
  await page.keyboard.press("Tab");
  await expect(page.locator(".claim-card--selected").getByRole("combobox", { name: "Verdict" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: /^Claims/ })).toBeFocused();
  // Behind the drawer the text was scrolled to the claim's words (even when the editor drew the claims after they
  // came), and the focus moving into the drawer did not scroll it away.
  await expect(highlightOf(page, "approved a limited budget")).toBeInViewport();

  // On a desk nothing opened over the text: the focus stays where the page left it.
  // (A page of its own: the same address again in this page would be a reload, its old scroll restored.)
  const desk = await page.context().newPage();
  await desk.setViewportSize({ width: 1280, height: 900 });
  await desk.goto(`/articles/${articleId}?claim=${claimId}`);
  await expect(desk.locator(".claim-card--selected")).toContainText("approved a limited budget");
  await expect(highlightOf(desk, "approved a limited budget")).toBeInViewport();
  // Past the frame after which a phone's drawer takes the focus.
  await desk.waitForTimeout(300);
  expect(await desk.evaluate(() => document.activeElement === document.body)).toBe(true);
  await desk.close();
});

test("an orphan opened by its address is selected with its details, on a desk and on a phone", async ({
  page,
  request,
}) => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const { articleId, orphanId } = await createArticleWithOrphan(request);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/articles/${articleId}?claim=${orphanId}`);
  const orphans = page.getByRole("region", { name: /No longer in the text/ });
  const entry = orphans.locator(`.orphan[data-claim-id="${orphanId}"]`);
  await expect(entry).toHaveAttribute("aria-current", "true");
  await expect(entry.getByRole("combobox", { name: "Speaker" })).toHaveValue("Health board");
  await expect(entry.getByRole("region", { name: "Evidence" })).toBeVisible();
  await expect(page.locator(".claim-card--selected")).toHaveCount(0);
  await expect(page.getByText("The claim you opened is not in this article")).toHaveCount(0);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/orphan-opened-1280.png` });
  // Seen where it is, the orphan moves nothing to be shown, and takes no focus on a desk.
  expect(await pageScrollY(page)).toBe(0);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/articles/${articleId}?claim=${orphanId}`);
  await expect(page.getByRole("button", { name: "Close claims" })).toHaveAttribute("aria-expanded", "true");
  await expect(entry).toHaveAttribute("aria-current", "true");
  await expect(entry.locator(".orphan__quote")).toBeFocused();
  await expect(entry.locator(".orphan__quote")).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/orphan-opened-390.png` });
});
