import { expect, type Page, test } from "@playwright/test";
import { highlightOf, selectInArticle, seriousAccessibilityViolations } from "./support/articlePage";
import { createSampleCopy } from "./support/createSampleCopy";

const FOREIGN_MINISTER = "limited number of drones months before the Ukraine war";
const ENVOY = "transferred dozens [of drones to Russia] just this summer";

function claimCard(page: Page, quote: string) {
  return page.locator(".claim-card", { has: page.locator(".claim-card__quote", { hasText: quote.slice(0, 30) }) });
}

async function openClaim(page: Page, quote: string) {
  await claimCard(page, quote).locator(".claim-card__quote").click();
  await expect(claimCard(page, quote)).toHaveAttribute("aria-current", "true");
}

async function setSpeaker(page: Page, quote: string, speaker: string) {
  await openClaim(page, quote);
  const input = claimCard(page, quote).getByRole("combobox", { name: "Speaker" });
  await input.fill(speaker);
  await input.press("Enter");
  await expect(claimCard(page, quote).locator(".claim-card__speaker")).toHaveText(`— ${speaker}`);
}

test("a reviewer links two contradicting statements with speakers and evidence, then undoes the link", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Contradiction map");
  await page.goto(`/articles/${articleId}`);

  await selectInArticle(page, FOREIGN_MINISTER);
  await page.keyboard.press("c");
  await selectInArticle(page, ENVOY);
  await page.keyboard.press("s");
  await expect(page.locator(".claim-card")).toHaveCount(2);

  await setSpeaker(page, FOREIGN_MINISTER, "Hossein Amir-Abdollahian");
  await setSpeaker(page, ENVOY, "Robert Malley");

  // Link the envoy's claim to the minister's by clicking its highlight while the picker is open.
  await openClaim(page, ENVOY);
  await claimCard(page, ENVOY).getByRole("button", { name: "Link…" }).click();
  const picker = page.getByRole("dialog", { name: "Link this claim" });
  await expect(picker).toBeVisible();
  await highlightOf(page, FOREIGN_MINISTER).click();
  await expect(picker).toContainText("Linking to “limited number of drones");
  await picker.getByRole("radio", { name: "Contradicts" }).check();
  await picker.getByRole("textbox", { name: "Note (optional)" }).fill("Months before the war, or this summer?");
  await picker.getByRole("button", { name: "Link", exact: true }).click();
  await expect(picker).toHaveCount(0);
  await expect(claimCard(page, ENVOY)).toContainText("contradicts");

  // Evidence on the envoy's claim.
  const envoyCard = claimCard(page, ENVOY);
  await envoyCard.getByRole("button", { name: "Add evidence" }).click();
  await envoyCard.getByRole("textbox", { name: "URL" }).fill("https://www.state.gov/special-envoy-malley-statement");
  await envoyCard.getByRole("textbox", { name: "Title (optional)" }).fill("Envoy Malley's statement");
  await envoyCard.getByRole("button", { name: "Add evidence" }).click();
  const evidenceLink = envoyCard.getByRole("link", { name: "Envoy Malley's statement" });
  await expect(evidenceLink).toHaveAttribute("target", "_blank");
  await expect(evidenceLink).toHaveAttribute("rel", "noopener noreferrer");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await page.reload();
  // The link shows from both sides, and in the contradictions view.
  await openClaim(page, FOREIGN_MINISTER);
  await expect(claimCard(page, FOREIGN_MINISTER)).toContainText("contradicts");
  await expect(claimCard(page, FOREIGN_MINISTER)).toContainText("transferred dozens");
  await openClaim(page, ENVOY);
  await expect(claimCard(page, ENVOY)).toContainText("limited number of drones");
  await expect(claimCard(page, ENVOY).getByRole("link", { name: "Envoy Malley's statement" })).toBeVisible();
  await page.getByRole("tab", { name: /Contradictions/ }).click();
  const contradictions = page.getByRole("tabpanel");
  await expect(contradictions).toContainText("Hossein Amir-Abdollahian");
  await expect(contradictions).toContainText("Robert Malley");
  await expect(contradictions).toContainText("Months before the war, or this summer?");

  // Undo the link from the minister's history (its last change).
  await page.getByRole("tab", { name: /Claims/ }).click();
  await openClaim(page, FOREIGN_MINISTER);
  await claimCard(page, FOREIGN_MINISTER).getByRole("button", { name: "Undo last change" }).click();
  await expect(claimCard(page, FOREIGN_MINISTER)).toContainText("Not linked to another claim.");
  await page.getByRole("tab", { name: /Contradictions/ }).click();
  await expect(page.getByRole("tabpanel")).not.toContainText("Robert Malley");
  await page.reload();
  await page.getByRole("tab", { name: /Contradictions/ }).click();
  await expect(page.getByRole("tabpanel")).not.toContainText("Robert Malley");
});
