import { mkdirSync } from "node:fs";
import { expect } from "@playwright/test";
import { highlightOf, selectInArticle, seriousAccessibilityViolations } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";
import { test } from "./support/signedInAdmin";

// Screenshots for a person to look at (never in the tree): set MEMORY_SHOTS to a folder to take them.
const SHOTS = process.env.MEMORY_SHOTS;
const MALLEY = "transferred dozens [of drones to Russia] just this summer";
const RESTATED = "Iran transferred dozens of drones to Russia this summer";

test("a reviewer finds a claim by a phrase, opens it in its article, and sees it under Checked before on a restatement", async ({
  page,
  request,
}) => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  const title = `Memory journey ${Date.now()}`;
  const firstId = await createSampleCopy(request, title);
  const created = await request.post(`/api/articles/${firstId}/claims`, {
    data: {
      selectors: { quote: { exact: MALLEY } },
      verdict: "contradicted",
      speaker: "Robert Malley",
      rationale: "Ukraine's count of downed Shahed drones puts the first deliveries in August, not this summer.",
    },
  });
  expect(created.status()).toBe(201);
  const firstClaimId: string = (await created.json()).id;

  // Search from the header: `/` focuses the box anywhere, Enter opens the search page.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await page.locator("body").press("/");
  const box = page.getByRole("searchbox", { name: "Find claims, articles and evidence" });
  await expect(box).toBeFocused();
  await box.fill('"transferred dozens"');
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=%22transferred\+dozens%22/);
  await expect(page.getByRole("searchbox", { name: "Search for" })).toHaveValue('"transferred dozens"');
  // The claim's own result, narrowed to claims by the filter in the address.
  await page.getByRole("combobox", { name: "Results" }).selectOption({ label: "Claims" });
  await expect(page).toHaveURL(/kind=claim/);
  const claimResult = page.locator(".search-result--claim").filter({ hasText: title }).first();
  await expect(claimResult).toBeVisible();
  await expect(claimResult.locator("mark").first()).toBeVisible();
  await expect(claimResult).toContainText("Contradicted");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-1280.png`, fullPage: true });
  await claimResult.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${firstId}\\?claim=${firstClaimId}`));
  await expect(page.locator(".claim-card--selected")).toContainText("transferred dozens");
  await expect(highlightOf(page, "transferred dozens")).toHaveAttribute("data-verdict", "contradicted");

  // A second article restates Malley's claim in other words: marked, its details show the first under "Checked before".
  const second = await request.post("/api/articles", {
    data: {
      title: `${title}: the restatement`,
      format: "text",
      content: `Robert Malley, the US envoy, said ${RESTATED}, and that Iranian personnel helped Russia use them.`,
    },
  });
  expect(second.status()).toBe(201);
  const secondId: string = (await second.json()).id;
  await page.goto(`/articles/${secondId}`);
  await expect(page.locator("#root .article-text")).toContainText("Iranian personnel");
  await selectInArticle(page, RESTATED);
  await page.keyboard.press("u");
  await expect(highlightOf(page, RESTATED)).toHaveAttribute("data-verdict", "unverified");
  // Marking leaves the text selected; choosing the claim opens its details.
  await page.getByRole("button", { name: /^Show claim in the text: “Iran transferred dozens/ }).click();
  await expect(page.locator(".claim-card--selected")).toHaveCount(1);
  const checkedBefore = page.getByRole("region", { name: "Checked before" });
  const precedent = checkedBefore.getByRole("listitem").filter({ hasText: title }).first();
  await expect(precedent).toBeVisible();
  await expect(precedent).toContainText("Contradicted");
  await expect(precedent).toContainText("Robert Malley");
  await expect(precedent.getByRole("link", { name: /transferred dozens/ })).toHaveAttribute(
    "href",
    `/articles/${firstId}?claim=${firstClaimId}`,
  );
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/checked-before-1280.png`, fullPage: true });

  // Use it as evidence: the stance asked, the evidence listed with the first claim's address.
  await precedent.getByRole("button", { name: "Use as evidence…" }).click();
  await precedent
    .getByRole("group", { name: "As evidence, this earlier check…" })
    .getByRole("button", { name: "Supports" })
    .click();
  await expect(precedent.getByText("Used as evidence")).toBeVisible();
  await expect(checkedBefore.getByRole("status")).toContainText("Added as evidence.");
  const evidence = page.getByRole("region", { name: "Evidence" });
  const evidenceLink = evidence.getByRole("link", { name: /Checked before: Contradicted in/ });
  await expect(evidenceLink).toBeVisible();
  await expect(evidenceLink).toHaveAttribute("href", new RegExp(`/articles/${firstId}\\?claim=${firstClaimId}$`));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/checked-before-used-1280.png`, fullPage: true });
  await page.reload();
  await expect(page.locator("#root .article-text")).toContainText("Iranian personnel");
  await page.getByRole("button", { name: /^Show claim in the text: “Iran transferred dozens/ }).click();
  await expect(
    page
      .getByRole("region", { name: "Checked before" })
      .getByRole("listitem")
      .filter({ hasText: title })
      .getByText("Used as evidence"),
  ).toBeVisible();

  // On a phone: the header folds, `/` still reaches its box, and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  // Below 1024 px the claims are a drawer over the text.
  await page.getByRole("button", { name: /^Claims/ }).click();
  await expect(page.getByRole("region", { name: "Checked before" })).toBeVisible();
  await page.getByRole("region", { name: "Checked before" }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/checked-before-390.png` });
  await page.goto(`/search?q=${encodeURIComponent("transferred dozens")}&kind=claim`);
  await expect(page.locator(".search-result").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/search-390.png`, fullPage: true });
  // A claim's result opens on a phone too: the drawer shows its details, and closing it shows its words in the text.
  await page.locator(`.search-result--claim a[href*="claim=${firstClaimId}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${firstId}\\?claim=${firstClaimId}`));
  await expect(page.getByRole("button", { name: "Close claims" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(".claim-card--selected")).toContainText("transferred dozens");
  await expect(page.locator(".claim-card--selected")).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/claim-opened-390.png` });
  await page.getByRole("button", { name: "Close claims" }).click();
  await expect(highlightOf(page, "transferred dozens")).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/claim-in-text-390.png` });
  // Back to the results and forward again: the browser's own scroll restoring must not leave the words off screen.
  await page.goBack();
  await expect(page.locator(".search-result").first()).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("button", { name: "Close claims" })).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("button", { name: "Close claims" }).click();
  await expect(highlightOf(page, "transferred dozens")).toBeInViewport();
  // An address naming a claim this article does not hold says so where a phone shows it.
  await page.goto(`/articles/${firstId}?claim=not-a-claim`);
  await expect(page.getByText("The claim you opened is not in this article")).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("transferred dozens")}&kind=claim`);
  await expect(page.locator(".search-result").first()).toBeVisible();
  await page.locator("body").press("/");
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "true");
  await expect(box).toBeFocused();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/header-menu-390.png` });
});

test("on a phone, a claim far down a long article stays in view after Back and Forward", async ({ page, request }) => {
  const paragraphs = Array.from({ length: 60 }, (_, index) =>
    `Paragraph ${index + 1} of the long report on regional budgets. `.concat(
      "It sets out what each region spent on schools, roads and clinics, how that compares with the year before, ".repeat(
        6,
      ),
    ),
  );
  const words = "unemployment fell to a record low of 3.1 per cent in March";
  paragraphs[51] = `The minister said ${words}, a figure the statistics office has not published.`;
  const created = await request.post("/api/articles", {
    data: { title: `Long phone journey ${Date.now()}`, format: "text", content: paragraphs.join("\n\n") },
  });
  expect(created.status()).toBe(201);
  const articleId: string = (await created.json()).id;
  const claimed = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { quote: { exact: words } }, verdict: "unverified" },
  });
  expect(claimed.status()).toBe(201);
  const claimId: string = (await claimed.json()).id;

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/search?q=${encodeURIComponent(`"${words}"`)}&kind=claim`);
  await page.locator(`.search-result--claim a[href*="claim=${claimId}"]`).first().click();
  await expect(page.getByRole("button", { name: "Close claims" })).toHaveAttribute("aria-expanded", "true");
  await page.goBack();
  await expect(page.locator(".search-result").first()).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("button", { name: "Close claims" })).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator(".claim-card--selected")).toContainText("unemployment fell");
  await page.getByRole("button", { name: "Close claims" }).click();
  await expect(highlightOf(page, words)).toBeInViewport();
});
