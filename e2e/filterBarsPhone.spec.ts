import { mkdirSync } from "node:fs";
import { type APIRequestContext, expect, type Locator } from "@playwright/test";
import { createSampleCopy } from "./support/createSampleCopy";
import { test } from "./support/signedInAdmin";

// Screenshots for a person to look at (never in the tree): set FILTER_BAR_SHOTS to a folder to take them.
const SHOTS = process.env.FILTER_BAR_SHOTS;

async function createClaim(request: APIRequestContext, articleId: string, exact: string, speaker: string) {
  const response = await request.post(`/api/articles/${articleId}/claims`, {
    data: { selectors: { quote: { exact } }, verdict: "contradicted", speaker },
  });
  expect(response.status()).toBe(201);
}

/** Each select, text box and button of a filter bar, where it is drawn, in CSS pixels; and the bar's own box. */
function measureBar(bar: Locator, controls: string) {
  return bar.evaluate((element, selector) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      left: Math.round(box.left + Number.parseFloat(style.paddingLeft)),
      right: Math.round(box.right - Number.parseFloat(style.paddingRight)),
      controls: Array.from(element.querySelectorAll<HTMLElement>(selector)).map((control) => {
        const rect = control.getBoundingClientRect();
        return {
          name:
            control.getAttribute("aria-label") ??
            (control as HTMLSelectElement).labels?.[0]?.textContent ??
            control.textContent ??
            "",
          tag: control.tagName.toLowerCase(),
          top: Math.round(rect.top),
          left: Math.round(rect.left),
          right: Math.round(rect.right),
          width: Math.round(rect.width),
          height: Math.round(rect.height),
        };
      }),
    };
  }, controls);
}

type Bar = Awaited<ReturnType<typeof measureBar>>;

/** One height for all; on each row, the controls reach from the bar's left to its right, the selects as wide. */
function expectLinedUp(bar: Bar) {
  const described = JSON.stringify(bar);
  expect(new Set(bar.controls.map((control) => control.height)).size, described).toBe(1);
  const rows = new Map<number, Bar["controls"]>();
  for (const control of bar.controls) rows.set(control.top, [...(rows.get(control.top) ?? []), control]);
  for (const row of rows.values()) {
    expect(Math.min(...row.map((control) => control.left)), described).toBe(bar.left);
    expect(Math.abs(Math.max(...row.map((control) => control.right)) - bar.right), described).toBeLessThanOrEqual(1);
    const selectWidths = row.filter((control) => control.tag === "select").map((control) => control.width);
    if (selectWidths.length > 1) {
      expect(Math.max(...selectWidths) - Math.min(...selectWidths), described).toBeLessThanOrEqual(1);
    }
  }
}

test("on a phone the article list's filters line up: one height, each row filled, its selects as wide", async ({
  page,
}) => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const bar = page.locator(".article-filters");
  await expect(bar.getByRole("button", { name: "Deleted articles" })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/articles-390.png` });
  expectLinedUp(await measureBar(bar, "input, select, button"));
});

test("on a phone the claims' filters in the drawer line up: one height, the selects as wide, each filling its row", async ({
  page,
  request,
}) => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  const articleId = await createSampleCopy(request, "Phone filters");
  await createClaim(
    request,
    articleId,
    "limited number of drones months before the Ukraine war",
    "Hossein Amir-Abdollahian",
  );
  await createClaim(request, articleId, "transferred dozens [of drones to Russia] just this summer", "Robert Malley");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/articles/${articleId}`);
  await page.getByRole("button", { name: "Claims (2)" }).click();
  const sidebar = page.locator("#claim-sidebar");
  await expect(sidebar.locator(".workflow-filters select").first()).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/drawer-390.png` });
  // The speaker's and the workflow's selects are one column: as tall, as wide, left and right edges lined up.
  const selects = await measureBar(
    sidebar.locator(".claim-sidebar__claims"),
    ".speaker-filter select, .workflow-filters select",
  );
  const described = JSON.stringify(selects);
  expect(selects.controls.length, described).toBeGreaterThanOrEqual(3);
  for (const key of ["height", "width", "left", "right"] as const) {
    expect(new Set(selects.controls.map((control) => control[key])).size, `${key}: ${described}`).toBe(1);
  }
  expect(Math.abs((selects.controls[0]?.right ?? 0) - selects.right), described).toBeLessThanOrEqual(1);
});
