import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { highlightOf, seriousAccessibilityViolations } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";
import { E2E_ADMIN } from "./support/e2eAccounts";

// Screenshots for a person to look at, beside the run's other artifacts (never in the tree).
const SHOTS = fileURLToPath(new URL("./artifacts/screenshots", import.meta.url));
const PASSAGE = "Ukraine is downing at least 10 of the remotely piloted aircraft every day";
const RATIONALE = "Checked against the ministry's figures";

/** What Hypothesis' search API answers for one annotation by Ana Ruiz on the sample article, tagged "False". */
const HYPOTHESIS_SEARCH = {
  total: 1,
  rows: [
    {
      id: "hyp-ana-1",
      created: "2025-11-20T08:30:00.000000+00:00",
      updated: "2025-11-20T08:30:00.000000+00:00",
      user: "acct:ana@hypothes.is",
      user_info: { display_name: "Ana Ruiz" },
      uri: "https://allisrael.com/iran-admits-supplying-russia-with-drones",
      text: RATIONALE,
      tags: ["False"],
      group: "__world__",
      target: [
        {
          source: "https://allisrael.com/iran-admits-supplying-russia-with-drones",
          selector: [{ type: "TextQuoteSelector", exact: PASSAGE, prefix: "as he noted that ", suffix: "." }],
        },
      ],
    },
  ],
};

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test("a reviewer imports a Hypothesis annotation onto the sample article and sees it as Ana Ruiz's claim", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Sample copy for an annotation import");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");

  await page.locator(".article-header").screenshot({ path: `${SHOTS}/0-article-header.png` });
  await page.getByRole("link", { name: "Import annotations…" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}/import-annotations$`));
  await expect(page.getByRole("heading", { name: "Import annotations" })).toBeVisible();
  await page.getByLabel("Choose a file").setInputFiles({
    name: "hypothesis-ana.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(HYPOTHESIS_SEARCH)),
  });
  await expect(page.getByRole("button", { name: "Remove hypothesis-ana.json" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/1-import-form.png`, fullPage: true });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // By keyboard: the Import button is a Tab stop like any other.
  await page.getByRole("checkbox", { name: "Refuse all if any item does not anchor" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Import" })).toBeFocused();
  await page.keyboard.press("Enter");

  const heading = page.getByRole("heading", { name: "Imported from 1 annotation" });
  await expect(heading).toBeFocused();
  const counts = page.getByRole("list", { name: "Outcomes" });
  await expect(counts).toContainText("1 anchored");
  await expect(counts).toContainText("0 skipped");
  const item = page.getByRole("list", { name: "Items, in the document's order" }).getByRole("listitem");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Anchored");
  await expect(item).toContainText("hyp-ana-1");
  await page.screenshot({ path: `${SHOTS}/2-import-result.png`, fullPage: true });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await item.getByRole("link", { name: /Open the claim/ }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?claim=`));
  await expect(highlightOf(page, PASSAGE)).toHaveAttribute("data-verdict", "contradicted");
  const card = page.locator(".claim-card", { hasText: "remotely piloted aircraft" });
  await expect(card).toHaveAttribute("aria-current", "true");
  await expect(card.getByRole("combobox", { name: "Verdict" })).toHaveValue("contradicted");
  await expect(card.getByRole("combobox", { name: "Verdict" })).toContainText("Contradicted");
  await expect(card).toContainText(RATIONALE);
  await expect(card.getByText(/^Marked by/)).toHaveText(
    `Marked by Ana Ruiz (imported by ${E2E_ADMIN.name}) · 20 Nov 2025`,
  );
  await expect(card.locator(".history-entry").first()).toContainText(
    `${E2E_ADMIN.name} imported the claim as Contradicted, originally by Ana Ruiz`,
  );
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/3-imported-claim.png`, fullPage: false });
  await card.screenshot({ path: `${SHOTS}/4-imported-claim-card.png` });

  // Imported again, nothing is marked twice: the item says so.
  await page.getByRole("link", { name: "Import annotations…" }).click();
  await page.getByLabel("Or paste the JSON").fill(JSON.stringify(HYPOTHESIS_SEARCH));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Nothing imported from 1 annotation" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Items, in the document's order" })).toContainText(
    "The article has this claim already",
  );

  // Strict, with an annotation on words the article does not have: refused whole, each failing item named.
  const withStray = {
    ...HYPOTHESIS_SEARCH,
    rows: [
      {
        ...HYPOTHESIS_SEARCH.rows[0],
        id: "hyp-ana-2",
        text: "Another note",
        target: [{ selector: [{ type: "TextQuoteSelector", exact: "Iran sold hundreds of tanks to Narnia" }] }],
      },
    ],
  };
  await page.getByLabel("Or paste the JSON").fill(JSON.stringify(withStray));
  await page.getByRole("checkbox", { name: "Refuse all if any item does not anchor" }).check();
  await page.getByRole("button", { name: "Import" }).click();
  const refusal = page.getByRole("alert");
  await expect(refusal.getByRole("heading", { name: "Nothing was imported" })).toBeVisible();
  await expect(refusal.getByRole("listitem")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/5-strict-refusal.png`, fullPage: true });
});
