import { type Browser, expect, type Page, test } from "@playwright/test";
import { createSampleCopy } from "./support/createSampleCopy";

const QUOTE = "totally unfounded";
const SIGNED_OUT = { cookies: [], origins: [] };

/** Opens an invite link in a browser of its own and makes the account; answers the signed-in page. */
async function joinByInvite(browser: Browser, invitePath: string, name: string, email?: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto(invitePath);
  await expect(page.getByRole("heading", { name: "Join Factmark" })).toBeVisible();
  await expect(page.getByText("You are invited as reviewer")).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  if (email) await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(`${name} has a long password`);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(name);
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Reviewer");
  return page;
}

function verdictOf(page: Page) {
  return page.locator(".claim-card", { hasText: QUOTE }).getByRole("combobox", { name: "Verdict" });
}

test("two reviewers change one claim's verdict at once: the second save is refused with 412, shown, and nothing is lost; a return to the tab brings what others changed", async ({
  page,
  request,
  browser,
}) => {
  // The admin invites the first reviewer from Admin > Users, and the second through the API.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await page.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const firstLink = await page.getByRole("textbox", { name: /Invite link for a reviewer/ }).inputValue();
  const secondInvite = await request.post("/api/invites", { data: { role: "reviewer", email: "bo@newsroom.example" } });
  expect(secondInvite.status()).toBe(201);
  const secondLink: string = (await secondInvite.json()).url;

  const articleId = await createSampleCopy(request, "Two reviewers");
  const text: string = (await (await request.get(`/api/articles/${articleId}`)).json()).text;
  const start = text.indexOf(QUOTE);
  const created = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { position: { start, end: start + QUOTE.length } } },
  });
  expect(created.status()).toBe(201);

  const ana = await joinByInvite(browser, new URL(firstLink).pathname, "Ana Reviewer", "ana@newsroom.example");
  const bo = await joinByInvite(browser, new URL(secondLink).pathname, "Bo Reviewer");
  // Bo's tab is offline from the live stream, so his save meets Ana's change as a stale one (412), as it
  // would when the stream drops; liveReviewers.spec.ts covers the live path.
  await bo.route("**/api/articles/*/events", (route) => route.abort());
  for (const reviewer of [ana, bo]) {
    await reviewer.goto(`/articles/${articleId}`);
    await expect(verdictOf(reviewer)).toHaveValue("unverified");
  }

  // Ana saves first.
  const anaSaved = ana.waitForResponse((response) => response.request().method() === "PATCH");
  await verdictOf(ana).selectOption("supported");
  expect((await anaSaved).status()).toBe(200);

  // Bo, still looking at version 1, saves second: refused, told, shown Ana's verdict.
  const boSaved = bo.waitForResponse((response) => response.request().method() === "PATCH");
  await verdictOf(bo).selectOption("contradicted");
  expect((await boSaved).status()).toBe(412);
  // The prompt names who changed it (from the history), with both versions; Bo keeps Ana's.
  const prompt = bo.getByRole("alertdialog");
  await expect(prompt.getByRole("heading", { name: "Changed by Ana Reviewer" })).toBeVisible();
  await expect(prompt).toContainText("Supported");
  await expect(prompt).toContainText("Contradicted");
  await prompt.getByRole("button", { name: "Keep theirs" }).click();
  await expect(prompt).toBeHidden();
  await expect(verdictOf(bo)).toHaveValue("supported");

  // Nothing was overwritten: the stored claim is Ana's, and its history says who changed it.
  const claims = (await (await request.get(`/api/articles/${articleId}/claims`)).json()).items;
  expect(claims).toHaveLength(1);
  expect(claims[0]).toMatchObject({ verdict: "supported", version: 2 });
  const history = (await (await request.get(`/api/claims/${claims[0].id}/history`)).json()).items;
  expect(history[0]).toMatchObject({ action: "claim.verdict_changed", by: { name: "Ana Reviewer" } });

  // Meanwhile another reviewer marks a claim and removes this one; Bo comes back to the tab and sees both
  // changes, fetched as just what changed since Bo's last read.
  const other = "supplying drones to Russia";
  const otherStart = text.indexOf(other);
  expect(
    (
      await request.post(`/api/articles/${articleId}/claims`, {
        data: { selectors: { position: { start: otherStart, end: otherStart + other.length } } },
      })
    ).status(),
  ).toBe(201);
  expect((await request.delete(`/api/claims/${claims[0].id}`)).status()).toBe(200);
  const refreshed = bo.waitForResponse(
    (response) => response.url().includes(`/api/articles/${articleId}/claims?since=`) && response.status() === 200,
  );
  await bo.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
  const changes = await (await refreshed).json();
  expect(changes.deletedIds).toEqual([claims[0].id]);
  expect(
    changes.items.map((claim: { selectors: { quote: { exact: string } } }) => claim.selectors.quote.exact),
  ).toEqual([other]);
  await expect(bo.locator(".claim-card", { hasText: other })).toBeVisible();
  await expect(bo.locator(".claim-card", { hasText: QUOTE })).toHaveCount(0);

  await ana.context().close();
  await bo.context().close();
});
