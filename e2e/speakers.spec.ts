import { mkdirSync } from "node:fs";
import { type APIRequestContext, expect } from "@playwright/test";
import { createSampleCopy } from "./support/createSampleCopy";
import { test } from "./support/signedInAdmin";

// Screenshots for a person to look at (never in the tree): set SPEAKER_SHOTS to a folder to take them.
const SHOTS = process.env.SPEAKER_SHOTS;

/** Marks a quote of the sample copy as a claim of this speaker and verdict; answers its id. */
async function markClaim(
  request: APIRequestContext,
  articleId: string,
  exact: string,
  speaker: string,
  verdict: "supported" | "contradicted",
): Promise<string> {
  const response = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { quote: { exact } }, verdict, speaker },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

test("a reviewer follows a claim's speaker to the record, merges two spellings, and the counts add up", async ({
  page,
  request,
}) => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  // Spellings of this run only, so another journey's claims never change the counts.
  const run = Date.now().toString(36);
  const full = `Hossein Amir-Abdollahian ${run}`;
  const short = `Amir-Abdollahian ${run}`;
  const first = await createSampleCopy(request, `Speakers journey ${run}`);
  await markClaim(request, first, "limited number of drones months before the Ukraine war", full, "contradicted");
  await markClaim(request, first, "Iran is committed to bringing an end to the conflict", full, "supported");
  const second = await createSampleCopy(request, `Speakers journey ${run}: again`);
  const claimId = await markClaim(request, second, "Iran sold Russia a", short, "contradicted");

  // The claim opens in its article; its speaker is one click from the speaker's record.
  await page.goto(`/articles/${second}?claim=${claimId}`);
  await expect(page.getByPlaceholder("Who said it?")).toHaveValue(short);
  await page.getByRole("link", { name: `Record of “${short}”` }).click();
  await expect(page).toHaveURL(/\/speakers\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: short })).toBeVisible();
  await expect(page.getByText("1 claim in 1 article")).toBeVisible();
  const claims = page.getByRole("region", { name: "Claims" });
  await expect(claims.getByRole("link")).toHaveAttribute("href", `/articles/${second}?claim=${claimId}`);

  // Merge this spelling into the full name, confirming first.
  await page.getByRole("button", { name: "Merge into…" }).click();
  await page.getByRole("searchbox", { name: "Find the speaker" }).fill(full);
  const into = page.getByRole("listbox", { name: "Merge into" });
  await expect(into.getByRole("option", { name: `${full} (2 claims)` })).toBeVisible();
  await into.selectOption({ label: `${full} (2 claims)` });
  await page.getByRole("button", { name: "Merge…" }).click();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/merge-confirm-1280.png`, fullPage: true });
  await page.getByRole("button", { name: "Merge", exact: true }).click();

  // The record merged into counts all three claims, in two articles, by verdict; each links to its place.
  await expect(page.getByRole("heading", { level: 1, name: full })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Merged" })).toContainText(
    `Merged “${short}” into “${full}”: 3 claims now.`,
  );
  await expect(page.getByText(/^3 claims in 2 articles/)).toBeVisible();
  const record = page.getByRole("list", { name: "Claims per verdict" });
  await expect(record).toContainText("1 supported");
  await expect(record).toContainText("2 contradicted");
  await expect(page.getByRole("region", { name: "Claims" }).getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Spellings" })).toContainText(short);
  // On a phone the record fits the screen's width: nothing scrolls sideways.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/record-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // The list shows one speaker for both spellings now.
  await page.goto(`/speakers?q=${encodeURIComponent(short)}`);
  const items = page.locator(".speaker-list__item");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(full);
  await expect(items.first()).toContainText(`Also spelled ${short}`);
  await expect(items.first()).toContainText("3 claims in 2 articles");
  if (SHOTS) {
    await page.goto("/speakers");
    await expect(page.locator(".speaker-list__item").first()).toBeVisible();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/list-${width}.png`, fullPage: true });
    }
  }
});
