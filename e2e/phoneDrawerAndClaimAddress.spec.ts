import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { highlightOf } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";

const MINISTER = "limited number of drones months before the Ukraine war";
const ENVOY = "transferred dozens [of drones to Russia] just this summer";

async function createClaim(request: APIRequestContext, articleId: string, exact: string) {
  const response = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { quote: { exact } }, verdict: "contradicted" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id as string;
}

/** Where the focus is: in the open drawer (or on its Close button), nowhere (the page itself), or outside it. */
function focusPlace(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return "nowhere";
    if (active.closest("#claim-sidebar") || active.closest(".workspace__drawer-toggle")) return "drawer";
    return `outside: ${active.tagName.toLowerCase()} ${active.textContent?.trim().slice(0, 40) ?? ""}`;
  });
}

test("below 1024 px the open drawer is modal: Tab and Shift+Tab stay in it, Escape gives the focus back", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Modal drawer");
  await createClaim(request, articleId, MINISTER);
  await createClaim(request, articleId, ENVOY);

  for (const width of [390, 768]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1024 });
    await page.goto(`/articles/${articleId}`);
    await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
    await page.getByRole("button", { name: "Claims (2)" }).click();
    await expect(page.locator("#claim-sidebar :focus")).toHaveCount(1);

    for (const key of ["Tab", "Shift+Tab"]) {
      const places = new Set<string>();
      for (let press = 0; press < 40; press += 1) {
        await page.keyboard.press(key);
        places.add(await focusPlace(page));
      }
      expect(
        [...places].filter((place) => place.startsWith("outside")),
        `${key} at ${width} px`,
      ).toEqual([]);
      expect(places, `${key} at ${width} px`).toContain("drawer");
    }

    // Escape from inside closes it, onto the button that opened it.
    await page.locator("#claim-sidebar [role='tab'][aria-selected='true']").focus();
    await page.keyboard.press("Escape");
    await expect(page.locator("#claim-sidebar")).toBeHidden();
    await expect(page.getByRole("button", { name: "Claims (2)" })).toBeFocused();
    // Closed, what was behind it is in reach again.
    await page.keyboard.press("Shift+Tab");
    expect(await focusPlace(page)).toMatch(/^outside/);
  }

  // Opened by a highlight in the text (beside the drawer at 768 px): the focus goes into it, and back to the text.
  await highlightOf(page, "transferred dozens").click();
  await expect(page.locator(".claim-card--selected .claim-card__quote")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("#claim-sidebar")).toBeHidden();
  await expect(page.locator(".article-text :focus, .article-text:focus")).toHaveCount(1);
});

test("the address names the claim selected: J moves it in place, Escape takes it away, Back leaves the article", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Address follows");
  const ministerId = await createClaim(request, articleId, MINISTER);
  const envoyId = await createClaim(request, articleId, ENVOY);

  await page.goto("/");
  await page.goto(`/articles/${articleId}?claim=${ministerId}`);
  await expect(page.locator(".claim-card--selected")).toContainText("limited number of drones");
  const entries = await page.evaluate(() => history.length);

  await page.locator("body").press("j");
  await expect(page.locator(".claim-card--selected")).toContainText("transferred dozens");
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=${envoyId}$`));
  expect(await page.evaluate(() => history.length)).toBe(entries);

  await page.locator("body").press("Escape");
  await expect(page.locator(".claim-card--selected")).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}$`));
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // Back leaves the article (not a step through the claims seen); Forward comes back to it as it was left.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}$`));
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
  await expect(page.locator(".claim-card--selected")).toHaveCount(0);
});
