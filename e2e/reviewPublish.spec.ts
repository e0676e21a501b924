import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { selectInArticle, seriousAccessibilityViolations } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";
import { ARTIFACTS_DIR } from "./support/e2eAccounts";

const QUOTE = "totally unfounded";
const SPEAKER = "Amir Saeid Iravani";
const SIGNED_OUT = { cookies: [], origins: [] };
const FIRST_SUMMARY = "Iran's envoy calls the reports unfounded, yet Iran's own minister admits sending drones.";
const CORRECTED_SUMMARY =
  "Iran's envoy calls the reports unfounded; Iran's own foreign minister admits sending drones.";
const CORRECTION_NOTE = "The summary now names the foreign minister.";
/** What the desk's working history reads like (core's describeChangeEvent): none of it may reach the public. */
const HISTORY_WORDING = [/marked the claim/i, /approved the claim/i, /changed the verdict/i, /the speaker/i, /History/];

/** Opens an invite link in a browser of its own and makes the account; answers the signed-in page. */
async function joinByInvite(browser: Browser, invitePath: string, name: string, role: string): Promise<Page> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await page.goto(invitePath);
  await expect(page.getByText(`You are invited as ${role}`)).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(`${name} has a long password`);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(name);
  return page;
}

/** Every console message and page error that mentions the Content Security Policy. */
function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (/Content.Security.Policy/i.test(error.message)) violations.push(`pageerror: ${error.message}`);
  });
  return violations;
}

/** The path and query of a public address: the server's PUBLIC_URL may name another host than the test's. */
function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** Opens the claim's details in the sidebar, by its card. */
async function openClaim(page: Page) {
  await page.getByRole("button", { name: `Show claim in the text: “${QUOTE}”` }).click();
}

test("a reviewer marks and sends for review, an editor approves, concludes and publishes, the public reads it and its correction", async ({
  request,
  browser,
}) => {
  // Three people's browsers and four page loads of the public pages: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const articleId = await createSampleCopy(request, "Review and publish");
  const invites = await Promise.all(
    ["reviewer", "editor"].map(async (role) => {
      const response = await request.post("/api/invites", { data: { role, email: `${role}@newsroom.example` } });
      expect(response.status()).toBe(201);
      return pathOf((await response.json()).url);
    }),
  );

  // The reviewer marks the ambassador's denial as contradicted, says who said it and why, and sends it for review.
  const reviewer = await joinByInvite(browser, invites[0] as string, "Rita Reviewer", "reviewer");
  await reviewer.goto(`/articles/${articleId}`);
  await selectInArticle(reviewer, QUOTE);
  // The claim is drawn at once as a pending row; its details open once the server has stored it.
  const stored = reviewer.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().endsWith(`/articles/${articleId}/claims`),
  );
  await reviewer
    .getByRole("toolbar", { name: "Mark the selection as a claim" })
    .getByRole("button", { name: /^Contradicted/ })
    .click();
  expect((await stored).status()).toBe(201);
  await expect(reviewer.locator(".claim-card")).toHaveCount(1);
  await openClaim(reviewer);
  await reviewer.getByRole("combobox", { name: "Speaker" }).fill(SPEAKER);
  await reviewer.getByRole("combobox", { name: "Speaker" }).press("Enter");
  await expect(reviewer.locator(".claim-card")).toContainText(SPEAKER);
  await reviewer.getByRole("button", { name: "Write rationale" }).click();
  await reviewer
    .getByRole("textbox", { name: "Rationale" })
    .fill("Iran's foreign minister said Iran sent drones to Russia:\n\n- a limited number\n- months before the war");
  await reviewer.getByRole("button", { name: "Save rationale" }).click();
  await expect(reviewer.getByText("a limited number")).toBeVisible();
  await reviewer.getByRole("button", { name: "Send for review" }).click();
  await expect(
    reviewer.getByRole("region", { name: "Status and review" }).getByRole("combobox", { name: "Status" }),
  ).toHaveValue("ready-for-review");

  // A second account, an editor, approves it.
  const editor = await joinByInvite(browser, invites[1] as string, "Eddie Editor", "editor");
  await editor.goto(`/articles/${articleId}`);
  await openClaim(editor);
  await editor.getByRole("button", { name: "Approve" }).click();
  await expect(editor.getByText("Approved by Eddie Editor")).toBeVisible();

  // Publishing first says, in words, what is missing, and points at each field.
  await editor.getByRole("tab", { name: "Publish" }).click();
  const panel = editor.getByRole("tabpanel", { name: "Publish" });
  await expect(panel.getByText("Not published")).toBeVisible();
  await panel.getByRole("button", { name: "Publish", exact: true }).click();
  const blockers = panel.locator(".publish-blockers");
  await expect(blockers).toContainText("Write the conclusion");
  await expect(blockers).toContainText("source URL");
  await expect(blockers).toContainText("publication date");
  await expect(blockers).toContainText(`Say whether “${SPEAKER}” is a person or an organisation.`);
  await editor.setViewportSize({ width: 1400, height: 1300 });
  await panel.screenshot({ path: path.join(ARTIFACTS_DIR, "publish-panel-blockers.png") });

  await blockers.getByRole("button", { name: "Conclusion" }).click();
  await expect(panel.getByRole("combobox", { name: "Overall rating" })).toBeFocused();
  await panel.getByRole("combobox", { name: "Overall rating" }).selectOption("mostly-inaccurate");
  await panel.getByRole("textbox", { name: "Summary" }).fill(FIRST_SUMMARY);
  await panel.getByRole("button", { name: "Save conclusion" }).click();
  await expect(panel.getByText(FIRST_SUMMARY)).toBeVisible();

  await blockers.getByRole("button", { name: "Source URL" }).click();
  await expect(panel.getByLabel("Source URL")).toBeFocused();
  await panel.getByLabel("Source URL").fill("https://allisrael.com/iran-admits-supplying-russia-with-drones");
  await panel.getByLabel("Publication date").fill("2022-11-08");
  await panel.getByRole("button", { name: "Save", exact: true }).click();
  await expect(panel.getByRole("region", { name: "Where the article appeared" })).toBeHidden();
  await panel.getByRole("combobox", { name: `Kind of ${SPEAKER}` }).selectOption("Person");
  await expect(panel.getByRole("combobox", { name: `Kind of ${SPEAKER}` })).toHaveValue("Person");

  await panel.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(panel.getByText("Published", { exact: true })).toBeVisible();
  await expect(panel).toContainText("version 1 on");
  const publicUrl = await panel.getByRole("textbox", { name: "Public address" }).inputValue();
  expect(pathOf(publicUrl)).toMatch(/^\/fact-checks\/review-and-publish$/);
  await expect(panel.getByRole("list", { name: "Versions" })).toContainText("Eddie Editor");
  await panel.screenshot({ path: path.join(ARTIFACTS_DIR, "publish-panel-published.png") });
  await editor.setViewportSize({ width: 1400, height: 900 });
  await editor.screenshot({ path: path.join(ARTIFACTS_DIR, "publish-workspace.png") });

  // Anyone, signed out, reads the fact-check and its claim page, under the CSP, with no working history.
  const readerContext = await browser.newContext({ storageState: SIGNED_OUT });
  const reader = await readerContext.newPage();
  const violations = collectCspViolations(reader);
  const articlePage = await reader.goto(pathOf(publicUrl));
  expect(articlePage?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: "Review and publish" })).toBeVisible();
  await expect(reader.getByText(FIRST_SUMMARY)).toBeVisible();
  expect(await seriousAccessibilityViolations(reader)).toEqual([]);
  await reader.screenshot({ path: path.join(ARTIFACTS_DIR, "public-fact-check.png"), fullPage: true });
  const articleText = (await reader.locator("html").textContent()) ?? "";
  for (const wording of HISTORY_WORDING) expect(articleText).not.toMatch(wording);

  const claimLink = reader.locator('a[href*="/claims/1"]').first();
  await claimLink.click();
  await expect(reader).toHaveURL(/\/fact-checks\/review-and-publish\/claims\/1$/);
  await expect(reader.getByText(QUOTE).first()).toBeVisible();
  const jsonLd = reader.locator('script[type="application/ld+json"]');
  await expect(jsonLd).toHaveCount(1);
  const claimReview = JSON.parse((await jsonLd.textContent()) ?? "null");
  expect(claimReview).toMatchObject({
    "@type": "ClaimReview",
    itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: SPEAKER } },
  });
  expect(pathOf(claimReview.url)).toBe("/fact-checks/review-and-publish/claims/1");
  expect(await seriousAccessibilityViolations(reader)).toEqual([]);
  await reader.screenshot({ path: path.join(ARTIFACTS_DIR, "public-claim.png"), fullPage: true });
  const claimText = (await reader.locator("html").textContent()) ?? "";
  for (const wording of HISTORY_WORDING) expect(claimText).not.toMatch(wording);

  // The desk's report opens with the conclusion; its exports leave the working history out unless asked.
  await editor.getByRole("link", { name: "Report" }).click();
  await expect(editor.getByRole("heading", { level: 2 }).first()).toHaveText("Conclusion");
  const exportBar = editor.getByRole("navigation", { name: "Export the report" });
  await expect(exportBar.getByRole("link", { name: "HTML" })).toHaveAttribute("href", /format=html$/);
  await exportBar.getByRole("checkbox", { name: "Include working history" }).check();
  await expect(exportBar.getByRole("link", { name: "HTML" })).toHaveAttribute("href", /format=html&history=include$/);
  await expect(editor.getByText(/^History \(/).first()).toBeVisible();
  await editor.screenshot({ path: path.join(ARTIFACTS_DIR, "report-with-conclusion.png") });
  await editor.getByRole("link", { name: "Back to the article" }).click();
  await editor.getByRole("tab", { name: "Publish" }).click();

  // A change, then a correction: its note is on the public page, and version 1 still reads as it was.
  await panel.getByRole("button", { name: "Edit conclusion" }).click();
  await panel.getByRole("textbox", { name: "Summary" }).fill(CORRECTED_SUMMARY);
  await panel.getByRole("button", { name: "Save conclusion" }).click();
  await expect(panel.getByText(CORRECTED_SUMMARY)).toBeVisible();
  await panel.getByRole("button", { name: "Publish version 2" }).click();
  await expect(panel.getByRole("textbox", { name: "Correction note (required)" })).toBeFocused();
  await panel.getByRole("textbox", { name: "Correction note (required)" }).fill(CORRECTION_NOTE);
  await panel.getByRole("button", { name: "Publish version 2" }).click();
  await expect(panel).toContainText("version 2 on");
  await expect(panel.getByRole("list", { name: "Versions" }).getByRole("listitem")).toHaveCount(2);
  await expect(panel.getByRole("list", { name: "Versions" })).toContainText(`Correction: ${CORRECTION_NOTE}`);

  // A reader who comes later (the first reader's browser may keep the page a minute, as its Cache-Control says).
  const laterReader = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  const laterViolations = collectCspViolations(laterReader);
  await laterReader.goto(pathOf(publicUrl));
  await expect(laterReader.getByText(CORRECTED_SUMMARY)).toBeVisible();
  await expect(laterReader.getByText(CORRECTION_NOTE)).toBeVisible();
  await expect(laterReader.locator("body")).toContainText("Correction,");
  await laterReader.screenshot({
    path: path.join(ARTIFACTS_DIR, "public-fact-check-corrected.png"),
    fullPage: true,
  });
  const firstVersion = await laterReader.goto(`${pathOf(publicUrl)}?version=1`);
  expect(firstVersion?.status()).toBe(200);
  await expect(laterReader.getByText(FIRST_SUMMARY)).toBeVisible();
  await expect(laterReader.getByText(CORRECTED_SUMMARY)).toBeHidden();
  expect([...violations, ...laterViolations]).toEqual([]);
});
