import { type APIRequestContext, expect, request as newRequest, type Page } from "@playwright/test";
import { highlightOf, seriousAccessibilityViolations } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";
import { E2E_FIRST_RUN_PORT, E2E_PORT } from "./support/e2eAccounts";
import { signInAdmin, test } from "./support/signedInAdmin";

const SIGNED_OUT = { cookies: [], origins: [] };
const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
const QUOTE = "totally unfounded";

/** What the pages below need: an article with a claim, and a published fact-check for the public page. */
let articleId = "";
let publicPath = "";

/** An editor other than the admin, signed in through an invite: nobody approves a verdict they set. */
async function signInAnotherEditor(admin: APIRequestContext): Promise<APIRequestContext> {
  const invite = await admin.post("/api/invites", {
    data: { role: "editor", email: `axe-editor-${Date.now()}@newsroom.example` },
  });
  expect(invite.status()).toBe(201);
  const token = new URL((await invite.json()).url).pathname.split("/").pop();
  const editor = await newRequest.newContext({ baseURL: BASE_URL, storageState: SIGNED_OUT });
  const accepted = await editor.post(`/api/invites/${token}/accept`, {
    data: { name: "Axe Editor", password: "axe editor has a long password" },
  });
  expect(accepted.status(), await accepted.text()).toBeLessThan(300);
  return editor;
}

test.beforeAll(async () => {
  const admin = await newRequest.newContext({ baseURL: BASE_URL, storageState: await signInAdmin(BASE_URL) });
  articleId = await createSampleCopy(admin, "Checked for accessibility");
  const claim = await admin.post(`/api/articles/${articleId}/claims`, {
    data: {
      selectors: { quote: { exact: QUOTE } },
      verdict: "contradicted",
      rationale: "Iran's own minister says so.",
    },
  });
  expect(claim.status(), await claim.text()).toBe(201);
  const { id: claimId } = await claim.json();
  const article = await admin.get(`/api/articles/${articleId}`);
  const patched = await admin.patch(`/api/articles/${articleId}`, {
    headers: { "If-Match": article.headers().etag ?? "" },
    data: {
      sourceUrl: "https://example.com/iran-drones",
      publishedAt: "2022-11-05",
      conclusion: { summary: "Iran's envoy is contradicted by its own minister.", rating: "inaccurate" },
    },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  const editor = await signInAnotherEditor(admin);
  const sent = await admin.patch(`/api/claims/${claimId}`, {
    headers: { "If-Match": '"1"' },
    data: { status: "ready-for-review" },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  const approved = await editor.post(`/api/claims/${claimId}/reviews`, {
    headers: { "If-Match": sent.headers().etag ?? "" },
    data: { decision: "approve" },
  });
  expect(approved.status(), await approved.text()).toBe(201);
  const current = await admin.get(`/api/articles/${articleId}`);
  const published = await admin.post(`/api/articles/${articleId}/publications`, {
    headers: { "If-Match": current.headers().etag ?? "" },
    data: {},
  });
  expect(published.status(), await published.text()).toBe(201);
  publicPath = new URL((await published.json()).url).pathname;
  await editor.dispose();
  await admin.dispose();
});

/** Opens a page and waits until it shows what `ready` finds: axe then reads the page as a person would. */
async function open(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { name, level: 1 }).first()).toBeVisible({ timeout: 15_000 });
};

const SIGNED_IN_PAGES: { name: string; path: () => string; ready: (page: Page) => Promise<void> }[] = [
  { name: "article list", path: () => "/", ready: heading("Articles") },
  { name: "new article page", path: () => "/articles/new", ready: heading("New article") },
  {
    name: "article page",
    path: () => `/articles/${articleId}`,
    ready: async (page) => {
      await expect(highlightOf(page, QUOTE)).toBeVisible();
    },
  },
  { name: "report", path: () => `/articles/${articleId}/report`, ready: heading(/Checked for accessibility|Report/) },
  { name: "users page", path: () => "/admin/users", ready: heading("Users") },
  { name: "account page", path: () => "/account", ready: heading("Change your password") },
  { name: "my work page", path: () => "/work", ready: heading("My work") },
];

for (const { name, path, ready } of SIGNED_IN_PAGES) {
  test(`the ${name} has no serious or critical accessibility violations`, async ({ page }) => {
    await open(page, path(), ready);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
}

test("the public fact-check has no serious or critical accessibility violations", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await open(page, publicPath, heading(/Checked for accessibility/));
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test("the sign-in page has no serious or critical accessibility violations", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await open(page, "/", heading("Sign in to Factmark"));
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test("the first-run setup page has no serious or critical accessibility violations", async ({ browser }) => {
  const firstRun = `http://127.0.0.1:${E2E_FIRST_RUN_PORT}`;
  const context = await browser.newContext({ storageState: SIGNED_OUT, baseURL: firstRun });
  const state = await (await context.request.get("/api/auth/me")).json();
  test.skip(!state.isSetupRequired, "The first-run server was set up by an earlier journey in this run.");
  const page = await context.newPage();
  await open(page, "/", async (opened) => {
    await expect(opened.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(opened.getByRole("button", { name: /Create/ })).toBeVisible();
  });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test("the phone header, its menu open, has no serious or critical accessibility violations", async ({
  browser,
  storageState,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState });
  const page = await context.newPage();
  await open(page, "/", heading("Articles"));
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await context.close();
});
