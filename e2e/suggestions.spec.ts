import { expect, type Page } from "@playwright/test";
import { createSampleCopy } from "./support/createSampleCopy";
import { test } from "./support/signedInAdmin";

const SHOTS = process.env.SUGGESTION_SHOTS_DIR;
const ZELENSKYY = "Ukrainian President Volodymyr Zelenskyy accused Iran lying about the number of drones";

async function shoot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

const suggestionRow = (page: Page, ...texts: string[]) => {
  let rows = page.locator("#panel-suggestions .suggestion");
  for (const text of texts) rows = rows.filter({ hasText: text });
  return rows;
};

test("a reviewer builds the sample's contradiction map from suggestions: a accepts, one action links a pair", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Suggestions");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");

  await page.getByRole("tab", { name: /Suggestions/ }).click();
  await expect(page.getByRole("heading", { name: /Check-worthy sentences \(\d+\)/ })).toBeVisible();
  // Drawn in the text only while the tab is open: faint, dotted, never a claim's highlight.
  await expect(page.locator(".article-text .suggestion-highlight").first()).toBeVisible();
  expect(await page.locator(".article-text .suggestion-highlight [data-claim-ids]").count()).toBe(0);
  const current = page.locator("#panel-suggestions .suggestion--current");
  await expect(current).toContainText(ZELENSKYY);
  await expect(current).toContainText("Volodymyr Zelenskyy");
  await shoot(page, "1-suggestions-tab");

  // `a` accepts the current sentence: an unverified claim with the speaker filled in.
  await page.keyboard.press("a");
  await expect(page.getByRole("tab", { name: /Claims/ })).toContainText("1");
  // It leaves the sentences; in the candidate pairs it now takes part as the claim it is.
  await expect(current).not.toContainText(ZELENSKYY);
  await expect(suggestionRow(page, ZELENSKYY, "already a claim").first()).toBeVisible();

  // One action marks both statements and links them as contradicting.
  const pair = suggestionRow(page, "Amir-Abdollahian", "Robert Malley").filter({ hasText: "disputed figure" }).first();
  await pair.scrollIntoViewIfNeeded();
  await expect(pair).toContainText("Figures disagree");
  await shoot(page, "2-candidate-pair");
  await pair.getByRole("button", { name: /Mark both and link as contradicting/ }).click();
  await expect(page.getByRole("tab", { name: /Contradictions/ })).toContainText("1");
  await expect(page.getByRole("tab", { name: /Claims/ })).toContainText("3");
  await shoot(page, "3-after-linking");

  // After a reload: the claims, their speakers and the link are stored.
  await page.reload();
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
  await expect(page.locator(".claim-card")).toHaveCount(3);
  await expect(page.locator(".article-text .suggestion-highlight")).toHaveCount(0);
  const claims = (await (await request.get(`/api/articles/${articleId}/claims`)).json()).items as Array<{
    id: string;
    speaker: string | null;
    verdict: string;
  }>;
  expect(claims.map((claim) => claim.speaker).sort()).toEqual([
    "Hossein Amir-Abdollahian",
    "Robert Malley",
    "Volodymyr Zelenskyy",
  ]);
  expect(new Set(claims.map((claim) => claim.verdict))).toEqual(new Set(["unverified"]));
  const links = (await (await request.get(`/api/articles/${articleId}/links`)).json()).items as Array<{
    kind: string;
    fromClaimId: string;
    toClaimId: string;
  }>;
  const bySpeaker = new Map(claims.map((claim) => [claim.id, claim.speaker]));
  expect(links.map((link) => [link.kind, bySpeaker.get(link.fromClaimId), bySpeaker.get(link.toClaimId)])).toEqual([
    ["contradicts", "Hossein Amir-Abdollahian", "Robert Malley"],
  ]);
  await page.getByRole("tab", { name: /Contradictions/ }).click();
  await expect(page.locator(".contradiction")).toHaveCount(1);
  await expect(page.locator(".contradiction")).toContainText("Robert Malley");
  await shoot(page, "4-after-reload-contradictions");

  // The history says whose action it was, and that it came from a suggestion.
  const envoy = claims.find((claim) => claim.speaker === "Robert Malley") as { id: string };
  await page.getByRole("tab", { name: /Claims/ }).click();
  await page.locator(".claim-card", { hasText: "Robert Malley" }).locator(".claim-card__quote").click();
  const history = (await (await request.get(`/api/claims/${envoy.id}/history`)).json()).items as Array<{
    action: string;
    to: { fromSuggestion?: boolean };
  }>;
  expect(history.map((event) => [event.action, event.to.fromSuggestion])).toEqual([
    ["link.added", true],
    ["claim.created", true],
  ]);
  await shoot(page, "5-claim-details");
});
