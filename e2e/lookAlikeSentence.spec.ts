import { expect, test } from "@playwright/test";
import { seriousAccessibilityViolations } from "./support/articlePage";

const NORTH = "The north clinic reported that waiting times dropped by nine percent in spring.";
const SOUTH = "The south clinic reported that waiting times dropped by nine percent in autumn.";
const BUDGET = "The council approved a limited budget for the clinics.";

function docOf(lines: string[]) {
  return {
    type: "doc",
    content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
  };
}

test("a verdict never lands on a look-alike sentence: the reviewer is offered it and decides; a claim moved onto edited words asks to be checked", async ({
  page,
  request,
}) => {
  const created = await request.post("/api/articles", {
    data: { title: "Two clinics", format: "text", content: [NORTH, SOUTH, BUDGET].join("\n") },
  });
  expect(created.status()).toBe(201);
  const article = await created.json();
  const north = await (
    await request.post(`/api/articles/${article.id}/claims`, {
      data: { selectors: { quote: { exact: NORTH } }, verdict: "contradicted", speaker: "Health board" },
    })
  ).json();
  const budget = await (
    await request.post(`/api/articles/${article.id}/claims`, {
      data: { selectors: { quote: { exact: "approved a limited budget" } }, verdict: "supported" },
    })
  ).json();

  // An editor deletes the north paragraph and rewords the budget sentence, in one save.
  const saved = await request.patch(`/api/articles/${article.id}`, {
    data: { doc: docOf([SOUTH, "The council approved a very limited budget for the clinics."]) },
    headers: { "If-Match": `"${article.version}"` },
  });
  expect(saved.status()).toBe(200);
  expect((await saved.json()).reanchored).toMatchObject({ orphaned: 1, fuzzy: 1 });

  await page.goto(`/articles/${article.id}`);
  const orphans = page.getByRole("region", { name: /No longer in the text/ });
  await expect(orphans).toContainText(NORTH);
  await expect(orphans).toContainText("Contradicted — Health board");
  await expect(orphans).toContainText("Nearest match:");
  await expect(orphans).toContainText("south clinic reported");
  await expect(orphans.getByRole("list", { name: "What differs" })).toContainText(/north/);

  // The reworded claim stayed on its words, flagged until someone looks.
  const budgetCard = page.locator(`.claim-card[data-claim-id="${budget.id}"]`);
  await expect(budgetCard).toContainText("Moved — check it");
  await page.screenshot({ path: "e2e/artifacts/look-alike-orphan.png", fullPage: false });
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The reviewer decides the south sentence is where the verdict belongs: one click.
  await orphans.getByRole("button", { name: "Attach here" }).click();
  await expect(page.getByRole("region", { name: /No longer in the text/ })).toHaveCount(0);
  const attached = await (await request.get(`/api/claims/${north.id}`)).json();
  expect(attached).toMatchObject({ isOrphaned: false, verdict: "contradicted" });
  expect(attached.selectors.quote.exact).toContain("south clinic reported");

  // And confirms the budget claim's new place from its details.
  await budgetCard.getByRole("button", { name: /Show claim in the text/ }).click();
  await expect(page.getByRole("note", { name: "Moved — check it" })).toContainText("a very limited budget");
  await page.getByRole("button", { name: "The new place is right" }).click();
  await expect(budgetCard).not.toContainText("Moved — check it");
  expect((await (await request.get(`/api/claims/${budget.id}`)).json()).isAnchorUnconfirmed).toBe(false);
});
