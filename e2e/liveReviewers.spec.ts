import path from "node:path";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { highlightOf, selectInArticle } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";
import { ARTIFACTS_DIR } from "./support/e2eAccounts";

const ENVOY = "transferred dozens [of drones to Russia] just this summer";
const AMBASSADOR = "totally unfounded";
const SIGNED_OUT = { cookies: [], origins: [] };
/** How soon the other reviewer's page must show a change, with no reload and no return to the tab. */
const LIVE_WITHIN_MS = 2_000;

/** An invite made by the admin (the `request` fixture), accepted in a browser of its own: answers the signed-in page. */
async function joinAsReviewer(browser: Browser, request: APIRequestContext, name: string): Promise<Page> {
  const invite = await request.post("/api/invites", { data: { role: "reviewer" } });
  expect(invite.status()).toBe(201);
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto(new URL((await invite.json()).url).pathname);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`${name.split(" ")[0]?.toLowerCase()}.live@newsroom.example`);
  await page.getByLabel("Password").fill(`${name} has a long password`);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(name);
  return page;
}

test("one reviewer's marks and verdicts show on another's open page within 2 s, with who else is there, untouched", async ({
  browser,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Live reviewers");
  const text: string = (await (await request.get(`/api/articles/${articleId}`)).json()).text;
  const start = text.indexOf(AMBASSADOR);
  const existing = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { position: { start, end: start + AMBASSADOR.length } } },
  });
  expect(existing.status()).toBe(201);

  const ana = await joinAsReviewer(browser, request, "Ana Reviewer");
  const bo = await joinAsReviewer(browser, request, "Bo Reviewer");

  // Ana opens the article first; from here on nothing touches her page: no click, no reload, no focus.
  await ana.goto(`/articles/${articleId}`);
  await expect(highlightOf(ana, AMBASSADOR)).toHaveAttribute("data-verdict", "unverified");
  let anaNavigations = 0;
  ana.on("framenavigated", (frame) => {
    if (frame === ana.mainFrame()) anaNavigations += 1;
  });
  await ana.evaluate(() => {
    const seen = { count: 0 };
    (window as unknown as { focusChanges: typeof seen }).focusChanges = seen;
    for (const type of ["focus", "blur", "visibilitychange", "pageshow"]) {
      window.addEventListener(type, () => (seen.count += 1), true);
    }
  });

  await bo.goto(`/articles/${articleId}`);
  await expect(highlightOf(bo, AMBASSADOR)).toBeVisible();

  // Ana sees Bo arrive: his initials in the header, his name on hover and to screen readers.
  const alsoHere = ana.getByRole("list", { name: "Also here" });
  await expect(alsoHere.getByRole("listitem")).toHaveCount(1, { timeout: LIVE_WITHIN_MS });
  await expect(alsoHere.getByRole("listitem")).toHaveAttribute("title", "Bo Reviewer");
  await expect(alsoHere.getByRole("listitem")).toContainText("Bo Reviewer");
  await expect(alsoHere.locator("[aria-hidden='true']")).toHaveText("BR");

  // Bo marks the envoy's words as supported: Ana's page draws the new highlight.
  const marked = bo.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith(`/articles/${articleId}/claims`),
  );
  await selectInArticle(bo, ENVOY);
  await bo.keyboard.press("s");
  expect((await marked).status()).toBe(201);
  const markedAt = Date.now();
  await expect(highlightOf(ana, ENVOY)).toHaveAttribute("data-verdict", "supported", { timeout: LIVE_WITHIN_MS });
  const markSeenAfterMs = Date.now() - markedAt;

  // Bo changes the ambassador's verdict: Ana's highlight changes colour.
  const changed = bo.waitForResponse((response) => response.request().method() === "PATCH");
  await bo
    .locator(".claim-card", { hasText: AMBASSADOR })
    .getByRole("combobox", { name: "Verdict" })
    .selectOption("contradicted");
  expect((await changed).status()).toBe(200);
  const changedAt = Date.now();
  await expect(highlightOf(ana, AMBASSADOR)).toHaveAttribute("data-verdict", "contradicted", {
    timeout: LIVE_WITHIN_MS,
  });
  const changeSeenAfterMs = Date.now() - changedAt;
  await expect(
    ana.locator(".claim-card", { hasText: AMBASSADOR }).getByRole("combobox", { name: "Verdict" }),
  ).toHaveValue("contradicted");

  // Bo opens the claim he marked: Ana's card of it says he is looking at it.
  await bo.getByRole("button", { name: /^Show claim in the text: “transferred dozens/ }).click();
  await expect(ana.locator(".claim-card", { hasText: "transferred dozens" })).toContainText(
    "Bo Reviewer is looking at this",
    { timeout: LIVE_WITHIN_MS },
  );

  // All of it came by the event stream: Ana's page was neither reloaded nor refocused.
  expect(anaNavigations).toBe(0);
  expect(await ana.evaluate(() => (window as unknown as { focusChanges: { count: number } }).focusChanges.count)).toBe(
    0,
  );
  test.info().annotations.push({
    type: "live",
    description: `mark seen after ${markSeenAfterMs} ms, verdict after ${changeSeenAfterMs} ms`,
  });

  await ana.screenshot({ path: path.join(ARTIFACTS_DIR, "liveReviewers-ana.png") });
  await ana.context().close();
  await bo.context().close();
});
