import { fileURLToPath } from "node:url";
import { type Browser, expect, type Page } from "@playwright/test";
import { createSampleCopy } from "./support/createSampleCopy";
import { test } from "./support/signedInAdmin";

const SIGNED_OUT = { cookies: [], origins: [] };
// Screenshots for a person to look at, beside the run's other artifacts (never in the tree).
const SHOTS = fileURLToPath(new URL("./artifacts/screenshots", import.meta.url));

/** Opens an invite link in a browser of its own and makes the account; answers the signed-in page. */
async function joinByInvite(browser: Browser, invitePath: string, name: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto(invitePath);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(`${name} has a long password`);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(name);
  return page;
}

test("an editor finds articles by words, verdict and status, deletes one with Undo, and restores another from the deleted", async ({
  page,
  request,
}) => {
  const droneId = await createSampleCopy(request, "List journey: drones to Russia");
  await createSampleCopy(request, "List journey: second copy");
  const claim = await request.post(`/api/articles/${droneId}/claims`, {
    data: { selectors: { quote: { exact: "totally unfounded" } }, verdict: "contradicted" },
  });
  expect(claim.status()).toBe(201);

  await page.goto("/");
  const list = page.locator(".article-list");
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("list journey");
  await expect(list.getByRole("link", { name: /^List journey/ })).toHaveCount(2);
  await page.getByRole("combobox", { name: "Claims" }).selectOption({ label: "Has contradicted claims" });
  await expect(list.getByRole("link", { name: /^List journey/ })).toHaveCount(1);
  await expect(list.getByRole("link", { name: "List journey: drones to Russia" })).toBeVisible();
  await page.getByRole("combobox", { name: "Claims" }).selectOption({ label: "Any claims" });
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "No verdicts yet" });
  await expect(list.getByRole("link", { name: /^List journey/ })).toHaveCount(1);
  await expect(list.getByRole("link", { name: "List journey: second copy" })).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Any status" });
  // Text inside the article, not in its title, finds it too.
  await search.fill("Abdollahian");
  await expect(list.getByRole("link", { name: "List journey: drones to Russia" })).toBeVisible();
  await search.fill("list journey");
  await expect(list.getByRole("link", { name: /^List journey/ })).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/articles-list-1440.png`, fullPage: true });

  // Delete, then Undo from the notice: the article is back with its claim.
  await page.getByRole("button", { name: "Delete “List journey: drones to Russia”" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Deleted “List journey: drones to Russia”" });
  await expect(notice).toBeVisible();
  await expect(list.getByRole("link", { name: "List journey: drones to Russia" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/articles-list-deleted-notice.png` });
  await notice.getByRole("button", { name: "Undo" }).click();
  const restored = list
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "List journey: drones to Russia" }) });
  await expect(restored).toBeVisible();
  await expect(restored.getByRole("list", { name: "Claims per verdict" })).toContainText("1 contradicted");

  // Delete the other one and let the notice go; it waits among the deleted articles, whole, until restored.
  await page.getByRole("button", { name: "Delete “List journey: second copy”" }).click();
  await expect(list.getByRole("link", { name: "List journey: second copy" })).toHaveCount(0);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.getByRole("button", { name: "Deleted articles" }).click();
  await expect(page.getByRole("heading", { name: "Deleted articles" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/articles-list-deleted-view.png`, fullPage: true });
  await page.getByRole("button", { name: "Restore “List journey: second copy”" }).click();
  await expect(page.getByText("Restored “List journey: second copy”, with its claims.")).toBeVisible();
  await page.getByRole("button", { name: "Back to articles" }).click();
  await page.getByRole("link", { name: "List journey: second copy" }).click();
  await expect(page.getByRole("heading", { name: "List journey: second copy" })).toBeVisible();
});

test("a viewer is told the app is read only on /articles/new, before any form, and has no delete", async ({
  browser,
  request,
}) => {
  const invite = await request.post("/api/invites", { data: { role: "viewer", email: "vera@newsroom.example" } });
  expect(invite.status()).toBe(201);
  const viewer = await joinByInvite(browser, new URL((await invite.json()).url).pathname, "Vera Viewer");
  await viewer.goto("/articles/new");
  // The notice names the role this page needs, as the line under it does.
  await expect(viewer.getByText("Read only — ask an admin for editor access.")).toBeVisible();
  await expect(viewer.getByText("Adding an article needs editor access; your account is a viewer.")).toBeVisible();
  await expect(viewer.getByRole("textbox")).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /Create|Import/ })).toHaveCount(0);
  await viewer.goto("/");
  await expect(viewer.getByRole("heading", { name: "Articles" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "New article" })).toHaveCount(0);
});

test("on a phone an article's title has the row to itself, its actions beneath it, in the first screen and the app", async ({
  browser,
  storageState,
  request,
}) => {
  const articleId = await createSampleCopy(
    request,
    "Iran admits supplying Russia with drones after having said it had not",
  );
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState });
  const page = await context.newPage();
  const layout = (root: string) =>
    page.locator(`${root} .article-header__title`).evaluate((row) => {
      const title = row.querySelector("h1")?.getBoundingClientRect();
      const actions = row.querySelector(".article-header__actions")?.getBoundingClientRect();
      return { titleWidth: Math.round(title?.width ?? 0), isBelow: (actions?.top ?? 0) >= (title?.bottom ?? 0) - 1 };
    });
  // The server's first screen alone (the app's script held back), then the app.
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
  await page.goto(`/articles/${articleId}`);
  const served = await layout("#first-screen");
  await page.unroute(/\/assets\/index-[^/]*\.js$/);
  await page.reload();
  await expect(page.locator(".article-text[contenteditable]")).toBeVisible();
  const app = await layout("#root");
  for (const seen of [served, app]) {
    expect(seen.titleWidth).toBeGreaterThan(330);
    expect(seen.isBelow).toBe(true);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/article-header-390.png` });
  await context.close();
});

test("on a phone the header folds into a menu", async ({ browser, storageState }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  const menuButton = page.getByRole("button", { name: "Menu" });
  await expect(menuButton).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  // Nothing runs together or off the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/header-390-closed.png` });
  await menuButton.click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("link", { name: "My work" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/header-390-open.png` });
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page.getByRole("heading", { name: "My work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();
  await context.close();
});

test("an article with one unbroken 225-character title and a 126-character outlet wraps: nothing scrolls sideways", async ({
  browser,
  request,
  storageState,
}) => {
  const longTitle = `Unbroken${"x".repeat(217)}`;
  const longOutlet = `Outlet${"o".repeat(120)}`;
  const response = await request.post("/api/articles", {
    data: { title: longTitle, format: "text", content: "A short body.", outlet: longOutlet, author: "A".repeat(150) },
  });
  expect(response.status()).toBe(201);
  for (const width of [1280, 1024, 768, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, storageState });
    const page = await context.newPage();
    await page.goto("/");
    const item = page.locator(".article-list__item").filter({ hasText: longOutlet });
    await expect(item).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(clientWidth);
    // Delete stays on screen, beside the wrapped title.
    const deleteBox = await item.getByRole("button", { name: /^Delete/ }).boundingBox();
    expect((deleteBox?.x ?? Number.POSITIVE_INFINITY) + (deleteBox?.width ?? 0)).toBeLessThanOrEqual(clientWidth);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/articles-list-long-words-${width}.png` });
    await context.close();
  }
});

test("search finds every word in any order, and the search and the Deleted view survive a reload and Back", async ({
  page,
  request,
}) => {
  await createSampleCopy(request, "URL state: words apart");
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search" });
  // "Iran" and "drones" are both in the sample, never side by side.
  await search.fill("drones URL Iran state");
  await expect(page).toHaveURL(/[?&]q=drones(\+|%20)URL(\+|%20)Iran(\+|%20)state/);
  await expect(page.locator(".article-list").getByRole("link", { name: "URL state: words apart" })).toBeVisible();
  await page.reload();
  await expect(search).toHaveValue("drones URL Iran state");
  await expect(page.locator(".article-list").getByRole("link", { name: "URL state: words apart" })).toBeVisible();

  await page.getByRole("button", { name: "Deleted articles" }).click();
  await expect(page.getByRole("heading", { name: "Deleted articles" })).toBeVisible();
  await expect(page).toHaveURL(/deleted=true/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Deleted articles" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Articles", exact: true })).toBeVisible();
  await expect(search).toHaveValue("drones URL Iran state");
});

test("Ctrl+Z on the articles list runs the delete notice's Undo", async ({ page, request }) => {
  await createSampleCopy(request, "Undo by key: the copy");
  await page.goto("/?q=undo%20by%20key");
  const list = page.locator(".article-list");
  await expect(list.getByRole("link", { name: "Undo by key: the copy" })).toBeVisible();
  await page.getByRole("button", { name: "Delete “Undo by key: the copy”" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted “Undo by key: the copy”" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Undo by key: the copy" })).toHaveCount(0);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await expect(page.locator(".article-list").getByRole("link", { name: "Undo by key: the copy" })).toBeVisible();
});
