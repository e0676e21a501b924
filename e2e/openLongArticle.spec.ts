import { expect, test } from "@playwright/test";
import { highlightOf, selectInArticle, sidebarCount } from "./support/articlePage";

/** 300 paragraphs of about 400 characters: the first screen is drawn before the editor is made. */
const PARAGRAPHS = Array.from(
  { length: 300 },
  (_, index) =>
    `Paragraph ${index + 1} opens here. The minister said drones were sold months before the war began, the envoy said dozens were transferred this summer, and officials denied it. ` +
    `The ambassador called any support totally unfounded, according to sources close to the government, who asked not to be named in report ${index + 1}.`,
);
const FIRST = "Paragraph 1 opens here";
const FAR = "Paragraph 290 opens here";
const SECOND_ENVOY =
  "the envoy said dozens were transferred this summer, and officials denied it. The ambassador called any support totally unfounded, according to sources close to the government, who asked not to be named in report 2.";

test("a long article opens with its first screen highlighted in the page itself, then every highlight, and marking lands on the words chosen", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/articles", {
    data: { title: "A long article", format: "text", content: PARAGRAPHS.join("\n") },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  for (const [exact, verdict] of [
    [FIRST, "contradicted"],
    [FAR, "supported"],
  ] as const) {
    const claim = await request.post(`/api/articles/${id}/claims`, {
      data: { selectors: { quote: { exact } }, verdict },
    });
    expect(claim.status()).toBe(201);
  }

  // Before any of the app's scripts runs (here, none ever does), and with no file fetched at all: the page itself
  // holds the first screen and its styles, the claim on it painted in its verdict's colour.
  await page.route("**/assets/*", (route) => route.abort());
  await page.goto(`/articles/${id}`);
  const serverRun = page.locator("#first-screen [data-claim-id]", { hasText: FIRST });
  await expect(serverRun).toBeVisible();
  await expect(serverRun).toHaveAttribute("data-verdict", "contradicted");
  await expect(page.locator("#first-screen .article-text p").first()).toContainText(FIRST);
  await expect(page.locator("#first-screen")).toContainText("A long article");
  const serverPaint = await serverRun.evaluate((run) => ({
    colour: getComputedStyle(run).textDecorationColor,
    box: run.getBoundingClientRect().toJSON() as DOMRect,
  }));
  const headerText = (root: string) =>
    page.locator(`${root} .app-header`).evaluate((header) => ({
      height: header.getBoundingClientRect().height,
      links: Array.from(header.querySelectorAll("a, input")).map(
        (element) => element.textContent || element.getAttribute("aria-label"),
      ),
    }));
  const serverHeader = await headerText("#first-screen");
  // The claims panel the server drew stands where the app's does, as wide, with the same tabs.
  const panel = (root: string) =>
    page.locator(`${root} .claim-sidebar`).evaluate((aside) => {
      const box = aside.getBoundingClientRect();
      const report = aside.closest("article")?.querySelector(".article-header__actions")?.getBoundingClientRect();
      return {
        x: Math.round(box.x),
        width: Math.round(box.width),
        // The header's actions too, which the server draws before the article page's own styles load.
        actions: report && [Math.round(report.x), Math.round(report.y), Math.round(report.width)],
        tabs: Array.from(aside.querySelectorAll("[role='tab']")).map((tab) => tab.textContent?.replace(/\d+/g, "")),
      };
    });
  const serverPanel = await panel("#first-screen");
  await page.unroute("**/assets/*");

  // What the page showed before its editor: recorded as it happens (the preview lasts a frame or a few).
  await page.addInitScript(() => {
    const seen: { preview?: { verdict: string | null; colour: string; paragraphs: number } } = {};
    (window as unknown as { firstScreen: typeof seen }).firstScreen = seen;
    new MutationObserver(() => {
      const run = document.querySelector("[data-article-preview] [data-claim-id]");
      if (!run || seen.preview) return;
      seen.preview = {
        verdict: run.getAttribute("data-verdict"),
        colour: getComputedStyle(run).textDecorationColor,
        paragraphs: document.querySelectorAll("[data-article-preview] p").length,
      };
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`/articles/${id}`);

  const editor = page.getByRole("textbox", { name: /Article text/ });
  await expect(editor.locator("p")).toHaveCount(PARAGRAPHS.length);
  const firstScreen = await page.evaluate(
    () => (window as unknown as { firstScreen: { preview?: unknown } }).firstScreen,
  );
  const editorColour = await highlightOf(page, FIRST).evaluate((run) => getComputedStyle(run).textDecorationColor);
  // The preview drew the first paragraphs only, the first claim in the colour the editor then drew it in.
  expect(firstScreen.preview).toMatchObject({ verdict: "contradicted", colour: editorColour });
  // The server's first screen is gone, and its highlight was painted where and as the editor paints it: nothing jumps.
  await expect(page.locator("#first-screen")).toHaveCount(0);
  expect(serverPaint.colour).toBe(editorColour);
  // The header the server drew is the app's: the same links and search box, the same height.
  expect(await headerText("#root")).toEqual(serverHeader);
  expect(await panel("#root")).toEqual(serverPanel);
  const editorBox = await highlightOf(page, FIRST).evaluate((run) => run.getBoundingClientRect().toJSON() as DOMRect);
  expect(Math.abs(editorBox.x - serverPaint.box.x)).toBeLessThan(1);
  expect(Math.abs(editorBox.y - serverPaint.box.y)).toBeLessThan(1);
  expect((firstScreen.preview as { paragraphs: number }).paragraphs).toBeLessThan(PARAGRAPHS.length);
  await expect(page.locator("[data-article-preview]")).toHaveCount(0);
  await expect(highlightOf(page, FIRST)).toHaveAttribute("data-verdict", "contradicted");
  await expect(highlightOf(page, FAR)).toHaveAttribute("data-verdict", "supported");
  await expect(sidebarCount(page, "contradicted")).toHaveText("1");

  // Marking right after opening: the new claim holds exactly the words selected, now and after a reload.
  await selectInArticle(page, SECOND_ENVOY);
  await page.keyboard.press("u");
  await expect(highlightOf(page, SECOND_ENVOY)).toHaveAttribute("data-verdict", "unverified");
  await expect(sidebarCount(page, "unverified")).toHaveText("1");
  await page.reload();
  await expect(highlightOf(page, SECOND_ENVOY)).toHaveText(SECOND_ENVOY);
  await expect(highlightOf(page, SECOND_ENVOY)).toHaveAttribute("data-verdict", "unverified");
  await expect(highlightOf(page, FAR)).toHaveAttribute("data-verdict", "supported");

  // The far claim, chosen in the sidebar, is scrolled to in the text.
  await page.locator(".claim-card", { hasText: FAR }).locator(".claim-card__quote").click();
  await expect(highlightOf(page, FAR)).toBeInViewport();
});
