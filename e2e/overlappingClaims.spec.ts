import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { seriousAccessibilityViolations } from "./support/articlePage";

const REVENUE = "The company said revenue grew by forty percent in the third quarter, analysts said.";
const HEBREW = "שר החוץ אמר שאיראן מכרה מספר מוגבל של מל״טים.";
const DRONES = "Iran's foreign minister said Iran sold a limited number of drones months before the war.";
/** #b42318, the contradicted colour, as computed styles give it. */
const CONTRADICTED_RGB = "rgb(180, 35, 24)";

type VerdictName = "supported" | "contradicted" | "unverified";

// Sharp screenshots of a few pixels of underline.
test.use({ deviceScaleFactor: 2 });

async function createArticle(request: APIRequestContext, title: string, lines: string[]): Promise<string> {
  const created = await request.post("/api/articles", { data: { title, format: "text", content: lines.join("\n") } });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}

async function createClaim(
  request: APIRequestContext,
  articleId: string,
  exact: string,
  verdict: VerdictName,
  speaker: string,
): Promise<string> {
  const created = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { quote: { exact } }, verdict, speaker },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).id;
}

/** The highlighted run holding exactly `text`. */
function runOf(page: Page, text: string) {
  return page.locator(".article-text [data-claim-ids]").filter({ hasText: new RegExp(`^${text}$`) });
}

/** Every underline drawn over the run's words, from the text outwards: [style, colour, offset]. */
async function underlinesOver(page: Page, text: string): Promise<string[][]> {
  return runOf(page, text).evaluate((run, words) => {
    let element: Element | null = run;
    while (element?.firstElementChild && element.firstElementChild.textContent === words) {
      element = element.firstElementChild;
    }
    const lines: string[][] = [];
    for (; element && element.textContent === words; element = element.parentElement) {
      const style = getComputedStyle(element);
      if (style.textDecorationLine.includes("underline")) {
        lines.push([style.textDecorationStyle, style.textDecorationColor, style.textUnderlineOffset]);
      }
    }
    return lines.sort((a, b) => Number.parseFloat(a[2] ?? "0") - Number.parseFloat(b[2] ?? "0"));
  }, text);
}

/** Puts the caret inside the first occurrence of `text`, as arrow keys would, in the focused editor. */
async function placeCaretIn(page: Page, text: string): Promise<void> {
  await page.locator("#root .article-text").focus();
  await page.locator("#root .article-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1 || node.parentElement?.closest(".visually-hidden")) continue;
      const range = document.createRange();
      range.setStart(node, at + 1);
      range.collapse(true);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the article.`);
  }, text);
}

test("three nested claims: every verdict on a word is drawn, contradicted is never hidden, and a chooser reaches each claim by click and by keyboard", async ({
  page,
  request,
}) => {
  const articleId = await createArticle(request, "Quarterly revenue", [REVENUE, HEBREW]);
  const wide = await createClaim(
    request,
    articleId,
    "revenue grew by forty percent in the third quarter",
    "supported",
    "Chief financial officer",
  );
  const middle = await createClaim(request, articleId, "grew by forty", "unverified", "Company spokesperson");
  const narrow = await createClaim(request, articleId, "forty percent", "contradicted", "Market analyst");

  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".claim-card")).toHaveCount(3);

  // "forty" carries all three verdicts: three underline layers, contradicted (wavy, red) nearest the text.
  const forty = runOf(page, "forty");
  await expect(forty).toHaveAttribute("title", "Contradicted, unverified and supported: 3 claims");
  await expect(forty).toHaveAttribute("data-claim-count", "3");
  await expect(forty).toHaveClass(/claim-hl--has-contradicted/);
  const fortyLines = await underlinesOver(page, "forty");
  expect(fortyLines.map(([style]) => style)).toEqual(["wavy", "dashed", "solid"]);
  expect(fortyLines[0]?.[1]).toBe(CONTRADICTED_RGB);
  expect(await underlinesOver(page, "grew by ")).toHaveLength(2);
  expect((await underlinesOver(page, " percent")).map(([style]) => style)).toEqual(["wavy", "solid"]);
  // The hidden label a screen reader hears before "forty" names every verdict on it.
  await expect(
    page.locator(".article-text .visually-hidden", { hasText: "Contradicted, unverified and supported: 3 claims:" }),
  ).toHaveCount(1);
  await page.locator(".article-text p").first().screenshot({ path: "/tmp/overlap-nested.png" });

  // Right-to-left paragraphs are laid out right to left.
  const hebrewParagraph = page.locator(".article-text p", { hasText: "שר החוץ" });
  await expect(hebrewParagraph).toHaveAttribute("dir", "auto");
  expect(await hebrewParagraph.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");

  // A click on "forty" opens the chooser: every claim there, with its verdict and speaker, contradicted first.
  await forty.click();
  const chooser = page.getByRole("listbox", { name: "3 claims on these words" });
  await expect(chooser).toBeFocused();
  await expect(chooser.getByRole("option")).toHaveText([
    /Contradicted\s*Market analyst/,
    /Unverified\s*Company spokesperson/,
    /Supported\s*Chief financial officer/,
  ]);
  await page.screenshot({ path: "/tmp/overlap-chooser.png", clip: await clipAround(page, ".article-editor") });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(chooser).toHaveCount(0);
  await expect(page.locator(`.claim-card[data-claim-id="${middle}"]`)).toHaveAttribute("aria-current", "true");
  await expect(page.locator("#root .article-text")).toBeFocused();

  // By keyboard: the caret in "forty", Enter opens it; Escape closes it and focus returns to the text.
  await placeCaretIn(page, "forty");
  await page.keyboard.press("Enter");
  await expect(chooser).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(chooser).toHaveCount(0);
  await expect(page.locator("#root .article-text")).toBeFocused();
  await placeCaretIn(page, "forty");
  await page.keyboard.press("Enter");
  await expect(chooser).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(`.claim-card[data-claim-id="${narrow}"]`)).toHaveAttribute("aria-current", "true");

  // Words only one claim covers still select it directly.
  await runOf(page, "revenue ").click();
  await expect(page.getByRole("listbox")).toHaveCount(0);
  await expect(page.locator(`.claim-card[data-claim-id="${wide}"]`)).toHaveAttribute("aria-current", "true");

  // The report's article shows the same layers, and the HTML export too.
  await page.goto(`/articles/${articleId}/report`);
  await page.getByRole("button", { name: "Show the article with its claims" }).click();
  const reportForty = page.locator(".report-article mark", { hasText: /^forty$/ });
  await expect(reportForty).toHaveClass(/claim-underline--contradicted/);
  await expect(reportForty).toHaveAttribute("title", /Contradicted, unverified and supported: 3 claims/);
  await expect(page.locator(".report-article p", { hasText: "שר החוץ" })).toHaveAttribute("dir", "auto");
  await page.locator(".report-article").screenshot({ path: "/tmp/overlap-report.png" });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const html = await (await request.get(`/api/articles/${articleId}/report?format=html&disposition=inline`)).text();
  expect(html).toContain('<mark class="hl l0 u-contradicted" title="Contradicted, unverified and supported: 3 claims');
  expect(html).toContain(`<p dir="auto">${HEBREW}</p>`);
  // The export under its own policy (inline styles allowed), as a reader opens it.
  await page.goto(`/api/articles/${articleId}/report?format=html&disposition=inline`);
  await expect(page.locator("section.article mark", { hasText: /^forty$/ })).toHaveCSS("text-decoration-style", "wavy");
  await page.locator("section.article").screenshot({ path: "/tmp/overlap-export.png" });
});

test("two claims on the same words: both verdicts stay visible and the chooser offers both", async ({
  page,
  request,
}) => {
  const articleId = await createArticle(request, "Same words, two verdicts", [DRONES]);
  const supported = await createClaim(request, articleId, "limited number of drones", "supported", "Robert Malley");
  const contradicted = await createClaim(
    request,
    articleId,
    "limited number of drones",
    "contradicted",
    "Hossein Amir-Abdollahian",
  );
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".claim-card")).toHaveCount(2);

  const run = runOf(page, "limited number of drones");
  await expect(run).toHaveAttribute("title", "Contradicted and supported: 2 claims");
  const lines = await underlinesOver(page, "limited number of drones");
  expect(lines.map(([style, colour]) => [style, colour])).toEqual([
    ["wavy", CONTRADICTED_RGB],
    ["solid", "rgb(6, 118, 71)"],
  ]);
  expect(await run.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe("rgb(252, 217, 214)");
  await page.locator(".article-text p").first().screenshot({ path: "/tmp/overlap-same-span.png" });

  await run.click();
  const chooser = page.getByRole("listbox", { name: "2 claims on these words" });
  await expect(chooser.getByRole("option")).toHaveText([/Contradicted/, /Supported/]);
  await chooser.getByRole("option", { name: /Supported/ }).click();
  await expect(page.locator(`.claim-card[data-claim-id="${supported}"]`)).toHaveAttribute("aria-current", "true");

  await placeCaretIn(page, "limited");
  await page.keyboard.press("Enter");
  await expect(chooser).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(`.claim-card[data-claim-id="${contradicted}"]`)).toHaveAttribute("aria-current", "true");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

/** A screenshot clip around an element, with room below it for a popup. */
async function clipAround(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen.`);
  return { x: box.x, y: box.y, width: box.width, height: Math.min(box.height + 220, 700) };
}
