import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { selectInArticle, seriousAccessibilityViolations } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";

const ARTIFACTS = "e2e/artifacts";

test("the report page of a marked-up sample article reads like a fact-check and downloads as HTML and PDF", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Report journey");
  await page.goto(`/articles/${articleId}`);
  await selectInArticle(page, "limited number of drones months before the Ukraine war");
  await page.keyboard.press("c");
  await selectInArticle(page, "totally unfounded");
  await page.keyboard.press("c");
  await selectInArticle(page, "transferred dozens [of drones to Russia] just this summer");
  await page.keyboard.press("s");
  await expect(page.locator(".claim-card")).toHaveCount(3);

  await page.getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report journey" })).toBeVisible();
  // The preview speaks as every export does: one summary sentence, one byline (core's reportLabels).
  await expect(page.getByText("3 claims checked: 1 supported, 2 contradicted, 0 unverified.")).toBeVisible();
  await expect(page.locator(".report__kicker")).toHaveText(/Fact-check by /i);
  await expect(page.getByRole("img", { name: /Claims per verdict/ })).toBeVisible();
  await expect(page.locator(".report-claim")).toHaveCount(3);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const exportBar = page.getByRole("navigation", { name: "Export the report" });
  const [htmlDownload] = await Promise.all([
    page.waitForEvent("download"),
    exportBar.getByRole("link", { name: "HTML" }).click(),
  ]);
  expect(htmlDownload.suggestedFilename()).toBe("fact-check-report-journey.html");
  const html = readFileSync(await htmlDownload.path(), "utf8");
  expect(html).toContain("limited number of drones months before the Ukraine war");
  expect(html).not.toContain("<script");
  expect(html).toContain("3 claims checked: 1 supported, 2 contradicted, 0 unverified.");

  const [pdfDownload] = await Promise.all([
    page.waitForEvent("download"),
    exportBar.getByRole("link", { name: "PDF" }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toBe("fact-check-report-journey.pdf");
  mkdirSync(ARTIFACTS, { recursive: true });
  const pdfPath = `${ARTIFACTS}/report.pdf`;
  await pdfDownload.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe("%PDF-");
  // The first page as a picture, kept for a person to look at.
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    pdfPath,
    `${ARTIFACTS}/report-page-1`,
  ]);
  expect(existsSync(`${ARTIFACTS}/report-page-1.png`)).toBe(true);
  const text = execFileSync("pdftotext", ["-l", "2", pdfPath, "-"]).toString();
  expect(text).toContain("Report journey");
  expect(text).toContain("Contradicted");
});
