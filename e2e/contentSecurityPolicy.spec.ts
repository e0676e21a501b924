import { expect, type Page, test } from "@playwright/test";
import { selectInArticle } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";

/**
 * Every console message and page error that mentions the Content Security Policy, and every violation the page
 * raised even when a script caught the refusal (what a report endpoint would receive).
 */
async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(`event: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      void report(`${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (/Content.Security.Policy/i.test(error.message)) violations.push(`pageerror: ${error.message}`);
  });
  return violations;
}

test("the app runs under its strict Content-Security-Policy with no violation on any page", async ({
  page,
  request,
}) => {
  const violations = await collectCspViolations(page);
  const articleId = await createSampleCopy(request, "Under CSP");

  const home = await page.goto("/");
  const policy = home?.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("style-src 'self'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).toContain("script-src 'self'");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();

  await page.goto(`/articles/${articleId}`);
  await selectInArticle(page, "totally unfounded");
  await page.keyboard.press("c");
  await expect(page.locator(".claim-card")).toHaveCount(1);
  await page.locator(".claim-card").first().click();

  await page.getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Under CSP" })).toBeVisible();

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("textbox", { name: /Invite link/ })).toBeVisible();

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();

  // The HTML report keeps its own policy: inline styles, no scripts, framed only by the app.
  const report = await request.get(`/api/articles/${articleId}/report?format=html&disposition=inline`);
  expect(report.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(report.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");

  expect(violations).toEqual([]);
});
