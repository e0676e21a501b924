import { describe, expect, it } from "vitest";
import { generateEditedArticle } from "./generateEditedArticle";
import { REANCHOR_THRESHOLDS, reanchor } from "./reanchor";
import { reanchorAll, summarizeReanchoring } from "./reanchorAll";
import { selectorsForRange } from "./selectorsForRange";

const text = "Malley said Iran transferred dozens just this summer. Iravani called it totally unfounded.";
const selectorsOf = (quote: string, source = text) => {
  const start = source.indexOf(quote);
  return selectorsForRange(source, start, start + quote.length);
};

describe("reanchor", () => {
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

describe("reanchorAll on a generated 5,000-word article", () => {
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

describe("look-alike statements (issue 11, item 2)", () => {
  const clinics =
    "The north clinic reported that waiting times dropped by nine percent in spring.\n" +
    "The south clinic reported that waiting times dropped by nine percent in autumn.";
  const northDeleted = "The south clinic reported that waiting times dropped by nine percent in autumn.";
  const claim = selectorsOf("north clinic reported that waiting times dropped by nine percent in spring", clinics);

  it("orphans a claim whose sentence was deleted rather than moving it onto its twin (reanchorAll)", () => {
    expect(reanchorAll([{ selectors: claim }], clinics, northDeleted)).toEqual([{ status: "orphaned" }]);
  });

  it("orphans it without the diff too (reanchor)", () => {
    expect(reanchor(claim, northDeleted)).toEqual({ status: "orphaned" });
  });

  it("still follows the sentence when only a typo in it is fixed", () => {
    const edited = clinics.replace("waiting times", "waitng times");
    const result = reanchorAll([{ selectors: claim }], clinics, edited)[0];
    expect(result).toMatchObject({ status: "fuzzy", selectors: { position: { start: 4 } } });
  });

  it("orphans a claim whose number changed in place", () => {
    const edited = clinics.replace("nine percent in spring", "twelve percent in spring");
    expect(reanchorAll([{ selectors: claim }], clinics, edited)).toEqual([{ status: "orphaned" }]);
  });

  it("orphans a claim on a repeated boilerplate sentence when its copy is deleted (reanchorAll)", () => {
    const boilerplate = "The ministry did not respond to a request for comment.";
    const old = `Ortiz announced the new budget on Monday.\n${boilerplate}\nRamos criticised the plan on Tuesday.\n${boilerplate}`;
    const edited = `Ramos criticised the plan on Tuesday.\n${boilerplate}`;
    const selectors = selectorsForRange(old, old.indexOf(boilerplate), old.indexOf(boilerplate) + boilerplate.length);
    expect(reanchorAll([{ selectors }], old, edited)).toEqual([{ status: "orphaned" }]);
  });
});

describe("a refused candidate widened back to the quote's first word", () => {
  it("takes back the first word when a word was inserted right after it (the search path)", () => {
    // "newly chilu…" is as cheap as "tekpo newly chilu…", but changes a word where the context changed too.
    const source = "Sa de powenlu.\nBa mirzu de vimirga tekpo chilu am olurba ripo ur mir. Mirsuntek luri halam.";
    const claim = selectorsOf("tekpo chilu am olurba ripo ur mir. Mirsuntek", source);
    const edited =
      "Sa de powenlu.\nBa mirzu changed vimirga tekpo newly chilu am olurba ripo ur mir. Mirsuntek luri halam.";
    expect(reanchor(claim, edited)).toMatchObject({
      status: "fuzzy",
      selectors: { quote: { exact: "tekpo newly chilu am olurba ripo ur mir. Mirsuntek" } },
    });
  });
});

// Found by trying the product as an attacker: the quote intact in another sentence whose own words
// (around the quote) differ is that other sentence, not the claim's.
describe("an intact quote in a sentence that says something else around it", () => {
  const reanchorOne = (oldText: string, quote: string, newText: string) => {
    const [result] = reanchorAll([{ selectors: selectorsOf(quote, oldText) }], oldText, newText);
    return result;
  };

  it("orphans a claim when two twin sentences swap their numbers", () => {
    const before =
      "The north clinic cut waiting times by nine percent.\nThe south clinic cut waiting times by twelve percent.";
    const after =
      "The north clinic cut waiting times by twelve percent.\nThe south clinic cut waiting times by nine percent.";
    expect(reanchorOne(before, "cut waiting times by nine percent", after)?.status).toBe("orphaned");
  });

  it("orphans a claim whose words now appear only in a new sentence about someone else", () => {
    const before = "The mayor attended the budget meeting on Friday.";
    const after = "The mayor never attended the budget meeting.\nHis deputy attended the budget meeting on Friday.";
    expect(reanchorOne(before, "attended the budget meeting on Friday", after)?.status).toBe("orphaned");
  });

  it("still follows a paragraph moved whole, whose words around the quote did not change", () => {
    const before = "First paragraph here.\nThe north clinic cut waiting times by nine percent.\nLast one.";
    const after = "The north clinic cut waiting times by nine percent.\nFirst paragraph here.\nLast one.";
    const result = reanchorOne(before, "cut waiting times by nine percent", after);
    expect(result?.status).not.toBe("orphaned");
    expect(result).toMatchObject({ selectors: { position: { start: 17 } } });
  });
});

describe("a save that puts a combining mark or a modifier right after a claim", () => {
  it("never leaves the claim ending inside a character", () => {
    for (const [before, quote, after] of [
      ["Fans cheered 👍 loudly.", "Fans cheered 👍", "Fans cheered 👍🏿 loudly."],
      ["The vote was held in Cafe Roma.", "held in Cafe", "The vote was held in Cafe\u0301 Roma."],
    ] as const) {
      const [result] = reanchorAll([{ selectors: selectorsOf(quote, before) }], before, after);
      if (!result || result.status === "orphaned") continue;
      const { start, end } = result.selectors.position;
      const segments = [...new Intl.Segmenter("en", { granularity: "grapheme" }).segment(after)];
      const boundaries = new Set([...segments.map((segment) => segment.index), after.length]);
      expect({ quote, start: boundaries.has(start), end: boundaries.has(end) }).toEqual({
        quote,
        start: true,
        end: true,
      });
    }
  });
});

describe("the fuzzy search's budget (issue 15)", () => {
  const SENTENCES = [
    "The council said the budget rose by nine percent this year.",
    "Critics said the figures were misleading and the rise was smaller.",
    "The mayor promised a review of the accounts before the election.",
    "Residents asked why the library closed early on weekdays.",
  ];
  /** About `length` characters of the same four sentences, over and over. */
  const repetitive = (length: number) => {
    let source = "";
    for (let index = 0; source.length < length; index += 1) source += `${SENTENCES[index % SENTENCES.length]} `;
    return source;
  };
  /** The text with `from` replaced by `to` inside [start, end), and the range that became. */
  const editInside = (source: string, start: number, end: number, from: string, to: string) => {
    const segment = source.slice(start, end).replaceAll(from, to);
    return { text: source.slice(0, start) + segment + source.slice(end), start, end: start + segment.length };
  };

  it("orphans a 20,000-character claim on a repetitive 300 KB text, saying the search was too costly, in bounded time", () => {
    const source = repetitive(300_000);
    const start = source.indexOf("The council", 100_000);
    const claim = selectorsForRange(source, start, start + 20_000);
    const edited = editInside(source, start, start + 20_000, "closed early", "shut early");
    const began = performance.now();
    const [result] = reanchorAll([{ selectors: claim }], source, edited.text);
    expect(performance.now() - began).toBeLessThan(5_000);
    expect(result).toEqual({ status: "orphaned", reason: "search_too_costly" });
  });

  it("still follows a 20,000-character claim whose words were edited in an ordinary text", () => {
    const { text: source } = generateEditedArticle(6_000, 1);
    const start = source.indexOf(" ", 1_000) + 1;
    const claim = selectorsForRange(source, start, start + 20_000);
    const middle = start + 10_000;
    const edited = `${source.slice(0, middle)}newly ${source.slice(middle)}`;
    const [result] = reanchorAll([{ selectors: claim }], source, edited);
    expect(result?.status).toBe("fuzzy");
    if (result?.status !== "fuzzy") return;
    expect(result.selectors.position).toEqual({ start, end: start + 20_006 });
  });

  it("never places a long claim one repetition away, where the search finds it overlapping its edited self", () => {
    let source = "";
    for (let index = 0; source.length < 40_000; index += 1) {
      source += `${SENTENCES[index % SENTENCES.length]}${index % 7 === 6 ? "\n" : " "}`;
    }
    const start = source.indexOf("The council", 20_000);
    const claim = selectorsForRange(source, start, start + 6_000);
    const edited = editInside(source, start, start + 6_000, "closed early", "shut early");
    const [result] = reanchorAll([{ selectors: claim }], source, edited.text);
    // Before: placed on 14,750-20,744, most of it text that stood one repetition before the claim.
    if (result?.status !== "orphaned") expect(result?.selectors.position).toEqual({ start, end: edited.end });
  });

  it("shares one budget among a save's claims: once it is spent, the next claim needing a search is orphaned", () => {
    // The claim's sentence moved to the end and edited: only a search finds it.
    const moved = "Malley said Iran transferred dozens just this summer.";
    const source = `${text} ${repetitive(40_000)}`;
    const claim = selectorsOf("Iran transferred dozens just this summer", source);
    const edited = `${source.replace(moved, "")} ${moved.replace("dozens just", "dozens of drones just")}`;
    expect(reanchorAll([{ selectors: claim }], source, edited)[0]?.status).toBe("fuzzy");
    const budget = { remaining: 100 };
    expect(reanchorAll([{ selectors: claim }], source, edited, budget)[0]).toEqual({
      status: "orphaned",
      reason: "search_too_costly",
    });
    // An intact claim needs no search, and no budget.
    const intact = selectorsOf("totally unfounded", source);
    expect(reanchorAll([{ selectors: intact }], source, edited, { remaining: 0 })[0]?.status).toBe("exact");
  });

  it("keeps each claim's share at most maxSearchCostPerClaim, however much the save has", () => {
    expect(REANCHOR_THRESHOLDS.maxSearchCostPerClaim).toBeLessThan(REANCHOR_THRESHOLDS.maxSearchCostPerSave);
    const source = repetitive(300_000);
    const start = source.indexOf("The council", 100_000);
    const claim = selectorsForRange(source, start, start + 20_000);
    const edited = editInside(source, start, start + 20_000, "nine", "twelve");
    const budget = { remaining: REANCHOR_THRESHOLDS.maxSearchCostPerSave };
    reanchorAll([{ selectors: claim }], source, edited.text, budget);
    const spent = REANCHOR_THRESHOLDS.maxSearchCostPerSave - budget.remaining;
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(REANCHOR_THRESHOLDS.maxSearchCostPerClaim);
  });
});
