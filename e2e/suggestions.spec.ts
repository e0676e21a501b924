import { type APIRequestContext, expect, type Page } from "@playwright/test";
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
  // The ranking decides which sentence comes first; `j` moves to Zelenskyy's accusation wherever it ranks.
  for (let step = 0; step < 30 && !((await current.textContent()) ?? "").includes(ZELENSKYY); step++) {
    await page.keyboard.press("j");
  }
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

/** The article's doc, version and ETag as the API answers them. */
async function articleOf(request: APIRequestContext, articleId: string) {
  const response = await request.get(`/api/articles/${articleId}`);
  return {
    ...((await response.json()) as { version: number; doc: { content: unknown[] } }),
    etag: response.headers()["etag"] as string,
  };
}

test("a reviewer's list follows what others do and the text as it changes: no stale rows, highlights on their words", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Suggestions, live");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
  await page.getByRole("tab", { name: /Suggestions/ }).click();
  const current = page.locator("#panel-suggestions .suggestion--current");
  await expect(suggestionRow(page, ZELENSKYY).first()).toBeVisible();

  // Another reviewer accepts the same suggestion: it leaves this list without a reload.
  const suggestions = (await (await request.get(`/api/articles/${articleId}/suggestions`)).json()) as {
    claims: Array<{ selectors: { quote: { exact: string } } }>;
  };
  const zelenskyy = suggestions.claims.find((claim) => claim.selectors.quote.exact.includes(ZELENSKYY));
  const first = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: zelenskyy?.selectors, fromSuggestion: true },
  });
  expect(first.status()).toBe(201);
  await expect(suggestionRow(page, ZELENSKYY).filter({ hasNotText: "already a claim" })).toHaveCount(0);
  // A second accept of it is refused, naming the claim.
  const again = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: zelenskyy?.selectors, fromSuggestion: true },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.details.claimId).toBe((await first.json()).id);

  // An editor adds a paragraph at the top: every offset moves; the dotted highlights follow the words.
  const article = await articleOf(request, articleId);
  const opening = { type: "paragraph", content: [{ type: "text", text: "An opening paragraph added later on." }] };
  const edited = await request.patch(`/api/articles/${articleId}`, {
    data: { doc: { ...article.doc, content: [opening, ...article.doc.content] } },
    headers: { "If-Match": article.etag },
  });
  expect(edited.status()).toBe(200);
  await expect(page.locator("#root .article-text")).toContainText("An opening paragraph added later on.");
  const currentQuote = (await current.locator(".suggestion__quote").first().innerText()).slice(1, 30);
  await expect(page.locator(".article-text .suggestion-highlight--current").first()).toHaveText(
    new RegExp(`^${currentQuote.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  );
});

test("a 50,000-word article lists its best suggestions and draws only those, quickly", async ({ page, request }) => {
  const sentences = [
    "Officials said 12 drones were delivered on 3 May, according to the ministry.",
    "The envoy denied that any drones were sold before the war.",
    "More than 40 aircraft were counted this summer, the agency reported.",
    "Critics called the figures totally unfounded and said the number was far higher.",
  ];
  const paragraphs: string[] = [];
  let words = 0;
  for (let at = 0; words < 50_000; at++) {
    const paragraph = Array.from({ length: 4 }, (_, each) => sentences[(at + each) % sentences.length]).join(" ");
    paragraphs.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  const created = await request.post("/api/articles", {
    data: { title: "A long article", format: "text", content: paragraphs.join("\n\n"), publishedAt: "2022-11-05" },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  await page.goto(`/articles/${id}`);
  await expect(page.locator("#root .article-text")).toContainText("Officials said");
  // Computed once on the server first, so the browser's own work is what is measured.
  expect((await request.get(`/api/articles/${id}/suggestions`, { timeout: 60_000 })).status()).toBe(200);

  const started = Date.now();
  await page.getByRole("tab", { name: /Suggestions/ }).click();
  await expect(page.getByRole("heading", { name: /Check-worthy sentences \(100 of [\d,]+\)/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator(".article-text .suggestion-highlight").first()).toBeVisible();
  const shown = Date.now() - started;
  expect(await page.locator("#panel-suggestions .suggestion").count()).toBeLessThanOrEqual(150);

  const timeKey = async (key: string, until: () => Promise<void>) => {
    const at = Date.now();
    await page.keyboard.press(key);
    await until();
    return Date.now() - at;
  };
  const rows = page.locator("#panel-suggestions .suggestion");
  const j = await timeKey("j", () => expect(rows.nth(1)).toHaveAttribute("aria-current", "true"));
  const before = await page.getByRole("heading", { name: /Check-worthy sentences/ }).innerText();
  const x = await timeKey("x", () =>
    expect(page.getByRole("heading", { name: /Check-worthy sentences/ })).not.toHaveText(before),
  );
  const more = await timeKey("Tab", async () => {
    await page.getByRole("button", { name: /Show 100 more sentences/ }).click();
    await expect(page.getByRole("heading", { name: /Check-worthy sentences \(200 of/ })).toBeVisible();
  });
  console.log(`50,000 words: ${before}; shown in ${shown} ms, j ${j} ms, x ${x} ms, Show more ${more} ms`);
  await shoot(page, "6-long-article");
});

test("the four tabs fit on one row on a laptop, and on a phone the drawer's Close button covers no Dismiss", async ({
  page,
  request,
}) => {
  const articleId = await createSampleCopy(request, "Suggestions, layout");
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator("#root .article-text")).toContainText("Amir-Abdollahian");
  await page.getByRole("tab", { name: /Suggestions/ }).click();
  await expect(page.getByRole("heading", { name: /Check-worthy sentences/ })).toBeVisible();
  const tops = await page.getByRole("tab").evaluateAll((tabs) => tabs.map((tab) => tab.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(1);
  // Each in full view once it has the keyboard's focus (the row scrolls sideways when the sidebar is narrow).
  const outOfView = await page.getByRole("tablist").evaluate((list) =>
    Array.from(list.querySelectorAll<HTMLElement>('[role="tab"]')).flatMap((tab) => {
      tab.focus();
      const row = list.getBoundingClientRect();
      const box = tab.getBoundingClientRect();
      return box.left >= row.left - 0.5 && box.right <= row.right + 0.5 ? [] : [tab.textContent];
    }),
  );
  expect(outOfView).toEqual([]);
  await page.getByRole("tab", { name: /Suggestions/ }).focus();
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot(page, "7-tabs-1440");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: /^Claims \(/ }).click();
  await page.getByRole("tab", { name: /Suggestions/ }).click();
  await expect(page.getByRole("heading", { name: /Check-worthy sentences/ })).toBeVisible();
  const tabTops = await page.getByRole("tab").evaluateAll((tabs) => tabs.map((tab) => tab.getBoundingClientRect().top));
  expect(new Set(tabTops).size).toBe(1);
  // Each Dismiss button, scrolled to the bottom of the screen (where Close claims sits), can be pressed.
  const covered = await page.getByRole("button", { name: /^Dismiss/ }).evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      button.scrollIntoView({ block: "end" });
      const box = button.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top && (top === button || button.contains(top)) ? [] : [top?.textContent ?? ""];
    }),
  );
  expect(covered).toEqual([]);
  await page
    .getByRole("button", { name: /^Dismiss/ })
    .nth(2)
    .evaluate((button) => button.scrollIntoView({ block: "end" }));
  await shoot(page, "8-phone-390");
});
