import { expect, describe as group, it } from "vitest";
import { describe } from "./describe";
import { generateEditedArticle } from "./generateEditedArticle";
import { REANCHOR_THRESHOLDS, reanchor } from "./reanchor";
import { reanchorAll, summarizeReanchoring } from "./reanchorAll";

const text = "Malley said Iran transferred dozens just this summer. Iravani called it totally unfounded.";
const selectorsOf = (quote: string, source = text) => {
  const start = source.indexOf(quote);
  return describe(source, start, start + quote.length);
};

group("reanchor", () => {
  it("answers exact with fresh context when the quote is still at its position", () => {
    const result = reanchor(selectorsOf("transferred dozens"), text.replace("Iravani", "Amir"));
    expect(result).toMatchObject({
      status: "exact",
      selectors: { position: selectorsOf("transferred dozens").position },
    });
  });

  it("answers moved with the new position when text was inserted before", () => {
    const edited = `Breaking: ${text}`;
    const result = reanchor(selectorsOf("totally unfounded"), edited);
    expect(result).toMatchObject({ status: "moved", selectors: { position: { start: edited.indexOf("totally") } } });
  });

  it("answers fuzzy for a lightly edited quote and orphaned for a rewritten one", () => {
    const claim = selectorsOf("Iran transferred dozens just this summer");
    expect(reanchor(claim, text.replace("dozens just", "dozens of drones just")).status).toBe("fuzzy");
    expect(reanchor(claim, text.replace("Iran transferred dozens just this summer", "nothing new")).status).toBe(
      "orphaned",
    );
  });

  it("never answers a range that splits an emoji", () => {
    const source = "Crowds 👨‍👩‍👧 gathered in the square at noon.";
    const claim = selectorsOf("👨‍👩‍👧 gathered in the square", source);
    const result = reanchor(claim, source.replace("gathered", "gatherd"));
    expect(result.status).toBe("fuzzy");
    if (result.status !== "orphaned") expect(result.selectors.quote.exact.isWellFormed()).toBe(true);
  });

  it("states its thresholds", () => {
    expect(REANCHOR_THRESHOLDS.minQuoteScore).toBe(0.75);
  });
});

group("reanchorAll on a generated 5,000-word article", () => {
  const article = generateEditedArticle(5_000, 200, 7);

  for (const [name, edited] of [
    ["one paragraph edited", article.oneParagraphEdit],
    ["every tenth sentence edited", article.everyTenthSentenceEdit],
  ] as const) {
    it(`${name}: intact quotes stay on their text, and agrees with reanchor alone on the range`, () => {
      const results = reanchorAll(article.claims, article.text, edited);
      expect(results).toHaveLength(200);
      results.forEach((result, index) => {
        const claim = article.claims[index];
        if (!claim || result.status === "orphaned") return;
        const { position, quote } = result.selectors;
        expect(edited.slice(position.start, position.end)).toBe(quote.exact);
        if (result.status !== "fuzzy") expect(quote.exact).toBe(claim.selectors.quote.exact);
      });
      const summary = summarizeReanchoring(results);
      expect(summary.exact + summary.moved + summary.fuzzy + summary.orphaned).toBe(200);
      expect(summary.exact).toBeGreaterThan(150);
    });
  }

  it("maps every claim exactly when the text did not change", () => {
    const results = reanchorAll(article.claims, article.text, article.text);
    expect(summarizeReanchoring(results)).toEqual({ exact: 200, moved: 0, fuzzy: 0, orphaned: 0 });
  });
});
