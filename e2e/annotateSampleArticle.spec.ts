import { expect, test } from "@playwright/test";
import { highlightOf, selectInArticle, seriousAccessibilityViolations, sidebarCount } from "./support/articlePage";

const FOREIGN_MINISTER = "limited number of drones months before the Ukraine war";
const ENVOY = "transferred dozens [of drones to Russia] just this summer";
const AMBASSADOR = "totally unfounded";

test("a reviewer marks three claims on the sample article, reloads, changes a verdict, deletes and undoes", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.getByRole("link", { name: /Iran admits supplying Russia with drones/ }).click();
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");

  // By keyboard: select, then "c".
  await selectInArticle(page, FOREIGN_MINISTER);
  await page.keyboard.press("c");
  await expect(highlightOf(page, FOREIGN_MINISTER)).toHaveAttribute("data-verdict", "contradicted");

  // By the toolbar by the selection.
  await selectInArticle(page, ENVOY);
  await page
    .getByRole("toolbar", { name: "Mark the selection as a claim" })
    .getByRole("button", { name: /^Supported/ })
    .click();
  await expect(highlightOf(page, ENVOY)).toHaveAttribute("data-verdict", "supported");
  await selectInArticle(page, AMBASSADOR);
  await page
    .getByRole("toolbar", { name: "Mark the selection as a claim" })
    .getByRole("button", { name: /^Contradicted/ })
    .click();
  await expect(highlightOf(page, AMBASSADOR)).toHaveAttribute("data-verdict", "contradicted");

  await expect(sidebarCount(page, "contradicted")).toHaveText("2");
  await expect(sidebarCount(page, "supported")).toHaveText("1");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.reload();
  await expect(highlightOf(page, FOREIGN_MINISTER)).toHaveAttribute("data-verdict", "contradicted");
  await expect(highlightOf(page, ENVOY)).toHaveAttribute("data-verdict", "supported");
  await expect(highlightOf(page, AMBASSADOR)).toHaveAttribute("data-verdict", "contradicted");
  await expect(sidebarCount(page, "contradicted")).toHaveText("2");
  await expect(sidebarCount(page, "supported")).toHaveText("1");
  await expect(page.locator(".claim-card")).toHaveCount(3);
  // The exact words, no more and no less, are highlighted.
  await expect(highlightOf(page, FOREIGN_MINISTER)).toHaveText(FOREIGN_MINISTER);
  await page.setViewportSize({ width: 1400, height: 1100 });
  await page.screenshot({ path: "docs/screenshot.png" });
  await page.setViewportSize({ width: 1400, height: 900 });

  // Change one verdict from the sidebar.
  const ambassadorCard = page.locator(".claim-card", { hasText: AMBASSADOR });
  await ambassadorCard.getByRole("combobox", { name: "Verdict" }).selectOption("unverified");
  await expect(highlightOf(page, AMBASSADOR)).toHaveAttribute("data-verdict", "unverified");
  await expect(sidebarCount(page, "unverified")).toHaveText("1");

  // Delete one, then undo.
  const envoyCard = page.locator(".claim-card", { hasText: "transferred dozens" });
  await envoyCard.getByRole("button", { name: /Delete claim/ }).click();
  await expect(highlightOf(page, ENVOY)).toHaveCount(0);
  await expect(page.locator(".claim-card")).toHaveCount(2);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(highlightOf(page, ENVOY)).toHaveAttribute("data-verdict", "supported");
  await expect(page.locator(".claim-card")).toHaveCount(3);

  await page.reload();
  await expect(page.locator(".claim-card")).toHaveCount(3);
  await expect(highlightOf(page, AMBASSADOR)).toHaveAttribute("data-verdict", "unverified");
});

test("clicking a claim in the sidebar flashes its highlight, and clicking a highlight selects its claim", async ({
  page,
  request,
}) => {
  const { id } = await (
    await request.post("/api/articles", {
      data: { title: "Sidebar and highlights", format: "text", content: "One claim here.\nAnother claim there." },
    })
  ).json();
  for (const exact of ["One claim here.", "Another claim there."]) {
    const created = await request.post(`/api/articles/${id}/claims`, { data: { selectors: { quote: { exact } } } });
    expect(created.status()).toBe(201);
  }
  await page.goto(`/articles/${id}`);
  await expect(page.locator(".claim-card")).toHaveCount(2);
  const card = page.locator(".claim-card").first();
  await card.locator(".claim-card__quote").click();
  await expect(page.locator(".article-text .claim-hl--selected").first()).toBeVisible();
  await expect(card).toHaveAttribute("aria-current", "true");

  const lastHighlight = page.locator(".article-text [data-claim-id]").last();
  const claimId = await lastHighlight.getAttribute("data-claim-id");
  await lastHighlight.click();
  await expect(page.locator(`.claim-card[data-claim-id="${claimId}"]`)).toHaveAttribute("aria-current", "true");
});

test("a claim on an emoji-bearing sentence highlights exactly that sentence", async ({ page, request }) => {
  const sentence = "The minister 👩🏽‍💼 said café ☕ prices — مرحبا — rose 10%.";
  const response = await request.post("/api/articles", {
    data: { title: "Unicode check", format: "text", content: `First line.\n${sentence}\nLast line.` },
  });
  expect(response.status()).toBe(201);
  const { id } = await response.json();
  await page.goto(`/articles/${id}`);
  await selectInArticle(page, sentence);
  await page.keyboard.press("s");
  await expect(highlightOf(page, "café")).toHaveText(sentence);
  await page.reload();
  await expect(highlightOf(page, "café")).toHaveText(sentence);
  const claims = await (await request.get(`/api/articles/${id}/claims`)).json();
  expect(claims.items[0].selectors.quote.exact).toBe(sentence);
});

test("two tabs on the same article see each other's claims after a refetch on focus", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  const second = await context.newPage();
  const { id } = await (
    await first.request.post("/api/articles", {
      data: { title: "Two tabs", format: "text", content: "Alpha says one thing.\nBeta says another thing." },
    })
  ).json();
  await first.goto(`/articles/${id}`);
  await second.goto(`/articles/${id}`);
  await selectInArticle(first, "Alpha says one thing.");
  await first.keyboard.press("u");
  await expect(highlightOf(first, "Alpha")).toHaveAttribute("data-verdict", "unverified");
  await second.bringToFront();
  // What a browser fires when the reviewer switches back to the tab.
  await second.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
  await expect(highlightOf(second, "Alpha")).toHaveAttribute("data-verdict", "unverified");
  await context.close();
});
