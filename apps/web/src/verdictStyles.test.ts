import { readFileSync } from "node:fs";
import { join } from "node:path";
import { VERDICT_STYLES, VERDICTS } from "@factmark/core";
import { describe, expect, it } from "vitest";

// The stylesheet repeats core's verdict palette and patterns for the server-drawn first screen, which paints
// before any script runs; core's VERDICT_STYLES is the source, and this holds the copy to it.
// __dirname, not import.meta.url: under the web project's jsdom environment the latter is not a file: URL.
const css = readFileSync(join(__dirname, "styles.css"), "utf8");

function ruleOf(selector: string): string {
  const start = css.indexOf(`${selector} {`);
  expect(start, `styles.css has no rule for ${selector}`).toBeGreaterThanOrEqual(0);
  return css.slice(start, css.indexOf("}", start));
}

describe("the app's verdict colours and patterns", () => {
  it.each(VERDICTS)("are core's for %s: colour, tint and underline", (verdict) => {
    const root = ruleOf(":root");
    expect(root).toContain(`--${verdict}: ${VERDICT_STYLES[verdict].colour};`);
    expect(root).toContain(`--${verdict}-bg: ${VERDICT_STYLES[verdict].tint};`);
    expect(ruleOf(`.claim-underline--${verdict}`)).toContain(
      `text-decoration-style: ${VERDICT_STYLES[verdict].underline};`,
    );
  });
});
