import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { highlightOf, selectInArticle, setTextSelection } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";

const MINISTER = "limited number of drones months before the Ukraine war";
const ENVOY = "transferred dozens [of drones to Russia] just this summer";
const AMBASSADOR = "totally unfounded";
const SIGNED_OUT = { cookies: [], origins: [] };

/** Key presses sent to the page, each counted: the goals are counts of what a reviewer presses. */
class CountedKeyboard {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(...keys: string[]) {
    for (const key of keys) {
      this.count += 1;
      await this.page.keyboard.press(key);
    }
  }
  /** Types `text`, one press per character. */
  async type(text: string) {
    for (const character of text) await this.press(character);
  }
}

async function createClaim(request: APIRequestContext, articleId: string, exact: string, speaker: string) {
  const response = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { quote: { exact } }, verdict: "unverified", speaker },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id as string;
}

async function openArticle(page: Page, articleId: string) {
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
}

const textHasFocus = (page: Page) => page.evaluate(() => document.activeElement?.classList.contains("article-text"));

test("reaching the text: g t, or Tab to the skip link and Enter", async ({ page, request }) => {
  const articleId = await createSampleCopy(request, "Keys: reach the text");
  await openArticle(page, articleId);
  const keys = new CountedKeyboard(page);
  await keys.press("g", "t");
  await expect.poll(() => textHasFocus(page)).toBe(true);
  expect(keys.count).toBe(2);

  await openArticle(page, articleId);
  const tabs = new CountedKeyboard(page);
  const skipLink = page.getByRole("link", { name: "Skip to the article text" });
  while (!(await skipLink.evaluate((link) => link === document.activeElement))) {
    await tabs.press("Tab");
    expect(tabs.count, "Tabs to the skip link").toBeLessThan(12);
  }
  await tabs.press("Enter");
  await expect.poll(() => textHasFocus(page)).toBe(true);
  test.info().annotations.push({ type: "keystrokes", description: `reach the text by Tab: ${tabs.count}` });
  console.log(`reach the text: g t = 2; by Tab to the skip link then Enter = ${tabs.count}`);
});

test("marking: a selected sentence in 1 key; a whole mark from the page's load in 4", async ({ page, request }) => {
  const articleId = await createSampleCopy(request, "Keys: mark");
  await openArticle(page, articleId);
  await selectInArticle(page, MINISTER);
  const keys = new CountedKeyboard(page);
  await keys.press("c");
  await expect(highlightOf(page, MINISTER)).toHaveAttribute("data-verdict", "contradicted");
  expect(keys.count).toBe(1);

  // From the page's load by keyboard alone: into the text, select its first line, mark it.
  await openArticle(page, articleId);
  const whole = new CountedKeyboard(page);
  // A person's next key comes after the caret is in the text and the line is selected, not in the same millisecond.
  await whole.press("g", "t");
  await expect.poll(() => textHasFocus(page)).toBe(true);
  await whole.press("Shift+End");
  await expect.poll(() => page.evaluate(() => (window.getSelection()?.toString() ?? "").length)).toBeGreaterThan(0);
  await whole.press("s");
  await expect(page.locator(".claim-card")).toHaveCount(2);
  expect(whole.count).toBe(4);
  console.log(`mark a claim: selected sentence = ${keys.count}; from page load = ${whole.count}`);
});

test("linking two existing claims by keyboard takes 6 keys once the first is selected", async ({ page, request }) => {
  const articleId = await createSampleCopy(request, "Keys: link");
  await createClaim(request, articleId, MINISTER, "Hossein Amir-Abdollahian");
  await createClaim(request, articleId, ENVOY, "Robert Malley");
  await createClaim(request, articleId, AMBASSADOR, "Amir Saeid Iravani");
  await openArticle(page, articleId);
  await expect(page.locator(".claim-card")).toHaveCount(3);
  const select = new CountedKeyboard(page);
  await select.press("j");
  await expect(page.locator(".claim-card--selected")).toContainText("limited number");

  const keys = new CountedKeyboard(page);
  await keys.press("l");
  await expect(page.getByRole("searchbox", { name: /Find a claim/ })).toBeFocused();
  await keys.type("doz");
  await keys.press("ArrowDown", "Enter");
  await expect(page.getByRole("dialog", { name: "Link this claim" })).toHaveCount(0);
  await expect(page.locator(".claim-card--selected")).toContainText("transferred dozens");
  expect(keys.count).toBeLessThanOrEqual(8);
  // Focus is back on the claim's "Link…", not lost on the page.
  await expect(page.locator(".claim-card--selected").getByRole("button", { name: "Link…" })).toBeFocused();
  console.log(`link two claims: ${keys.count} after the first is selected (${keys.count + select.count} from load)`);
});

test("r writes a rationale into a focused field and saves it; 2 sets the verdict; Escape steps back", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Keys: rationale");
  await createClaim(request, articleId, MINISTER, "Hossein Amir-Abdollahian");
  await openArticle(page, articleId);
  const keys = new CountedKeyboard(page);
  await keys.press("j", "r");
  await expect(page.getByRole("textbox", { name: "Rationale" })).toBeFocused();
  await page.keyboard.type("The ministry said so itself.");
  await keys.press("Control+Enter");
  await expect(page.locator(".claim-card--selected .rationale")).toHaveText("The ministry said so itself.");
  await keys.press("2");
  await expect(highlightOf(page, MINISTER)).toHaveAttribute("data-verdict", "contradicted");
  await keys.press("Escape");
  await expect(page.locator(".claim-card--selected")).toHaveCount(0);

  await keys.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toContainText("Link the selected claim to another");
  await keys.press("Escape");
  await expect(sheet).toHaveCount(0);
});

async function joinAsViewer(browser: Browser, request: APIRequestContext): Promise<Page> {
  const invite = await request.post("/api/invites", { data: { role: "viewer", email: "viewer@newsroom.example" } });
  expect(invite.status()).toBe(201);
  const url = new URL((await invite.json()).url);
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByLabel("Your name").fill("Vera Viewer");
  await page.getByLabel("Password").fill("Vera Viewer has a long password");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Vera Viewer");
  return page;
}

test("a viewer who selects text and presses C is told why nothing is marked", async ({ browser, request }) => {
  const articleId = await createSampleCopy(request, "Keys: viewer");
  const viewer = await joinAsViewer(browser, request);
  await openArticle(viewer, articleId);
  // Said before any attempt, where the edit tools would be; and again by the selection, where the verdicts would be.
  await expect(viewer.locator(".workspace__read-only")).toHaveText("Read only — ask an admin for reviewer access");
  await setTextSelection(viewer, MINISTER);
  const notice = viewer.locator(".verdict-toolbar").getByText("Read only — ask an admin for reviewer access");
  await expect(notice).toBeVisible();
  await viewer.keyboard.press("c");
  await expect(viewer.getByRole("alert").filter({ hasText: "Read only" })).toBeVisible();
  await expect(viewer.locator(".claim-card")).toHaveCount(0);
  await viewer.context().close();
});
