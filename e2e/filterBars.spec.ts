import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { test } from "./support/signedInAdmin";

// Screenshots for a person to look at (never in the tree): set SEARCH_FILTER_SHOTS to a folder to take them.
const SHOTS = process.env.SEARCH_FILTER_SHOTS;

/** Each filter's label top and control bottom and height, in CSS pixels, by the label's text. */
function measureFilters(page: Page) {
  return page.locator(".article-filters .article-filters__field").evaluateAll((fields) =>
    fields.map((field) => {
      const label = field.querySelector("label")?.getBoundingClientRect();
      const control = field.querySelector("input, select")?.getBoundingClientRect();
      return {
        label: field.querySelector("label")?.textContent ?? "",
        labelTop: Math.round(label?.top ?? Number.NaN),
        controlBottom: Math.round(control?.bottom ?? Number.NaN),
        controlHeight: Math.round(control?.height ?? Number.NaN),
      };
    }),
  );
}

/** The two filter bars: the search page's and the article list's, with the labels each must show. */
const BARS = [
  {
    name: "search filters",
    path: "/search?q=drones",
    labels: ["Search for", "Results", "Verdict", "Speaker", "Status"],
  },
  { name: "article list's filters", path: "/", labels: ["Search", "Claims", "Status"] },
];

for (const bar of BARS) {
  for (const width of [1280, 390]) {
    test(`at ${width} px the ${bar.name} on one row share a label line and a control height`, async ({ page }) => {
      if (SHOTS) mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width, height: 900 });
      await page.goto(bar.path);
      await expect(page.locator(".article-filters select").first()).toBeVisible();
      const fields = await measureFilters(page);
      expect(fields.map((field) => field.label)).toEqual(expect.arrayContaining(bar.labels));
      // Every control, text box, select or date, is as tall as the others.
      const heights = new Set(fields.map((field) => field.controlHeight));
      expect([...heights], JSON.stringify(fields)).toHaveLength(1);
      // Fields on one row (the bar lines their controls' feet up) have their labels on one line too.
      const rows = new Map<number, number[]>();
      for (const field of fields) {
        rows.set(field.controlBottom, [...(rows.get(field.controlBottom) ?? []), field.labelTop]);
      }
      for (const labelTops of rows.values()) expect(new Set(labelTops).size, JSON.stringify(fields)).toBe(1);
      if (SHOTS) {
        const slug = bar.path === "/" ? "articles" : "search";
        await page.locator(".article-filters").screenshot({ path: `${SHOTS}/${slug}-filters-${width}.png` });
        await page.screenshot({ path: `${SHOTS}/${slug}-${width}.png` });
      }
    });
  }
}
