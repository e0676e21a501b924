import { describe, expect, it } from "vitest";
import { AppError } from "../errors/AppError";
import { readFixture } from "../testing/readFixture";
import { type PlannedItem, planAnnotationImport } from "./planAnnotationImport";

const IRAN = readFixture("test-fixtures/annotations/iran-drones-article.txt");
const EMOJI = readFixture("test-fixtures/annotations/emoji-article.txt");

function fixture(name: string): unknown {
  return JSON.parse(readFixture(`test-fixtures/annotations/${name}`));
}

/** What a reviewer sees of each item: its outcome, the words it landed on, the verdict. */
function summary(text: string, items: PlannedItem[]) {
  return items.map((item) => ({
    outcome: item.outcome,
    ...(item.claim && item.outcome === "anchored"
      ? {
          quote: text.slice(item.claim.selectors.position.start, item.claim.selectors.position.end),
          verdict: item.claim.verdict,
        }
      : {}),
  }));
}

describe("planAnnotationImport over the foreign corpus", () => {
  it("reads a Hypothesis search answer: quotes win over web-page positions, tags become verdicts, users authors", () => {
    const items = planAnnotationImport(IRAN, fixture("hypothesis-search.json"));
    expect(summary(IRAN, items)).toEqual([
      { outcome: "anchored", quote: "transferred dozens just this summer", verdict: "contradicted" },
      { outcome: "anchored", quote: "said", verdict: "unverified" },
      { outcome: "skipped" },
      { outcome: "skipped" },
      { outcome: "anchored", quote: "Amir-Abdollahian.\nRobert Malley", verdict: "supported" },
    ]);
    const [first, second, note, reply, across] = items;
    expect(first?.claim?.selectors.position).toEqual({ start: 115, end: 150 });
    expect(first?.reason).toMatch(/position 114–149 .*holds other text.*placed by its quote/i);
    expect(first?.claim?.rationale).toBe("Deliveries were seen in August.");
    expect(first?.claim?.origin).toEqual({ authorName: "Alice Example", at: "2026-10-02T09:30:00.123Z" });
    expect(second?.claim?.selectors.position).toEqual({ start: 105, end: 109 });
    expect(second?.claim?.rationale).toBe("Which envoy said it, and when?\n\nTags: needs context");
    expect(second?.claim?.origin?.authorName).toBe("bruno");
    expect(note?.reason).toMatch(/no selector/i);
    expect(reply?.reason).toMatch(/reply/i);
    expect(across?.claim?.isAnchorUnconfirmed).toBe(true);
    expect(across?.reason).toMatch(/closest match/i);
  });

  it("reads Recogito and Annotorious annotations: bodies without purpose, bodyValue, creators, image regions", () => {
    const items = planAnnotationImport(IRAN, fixture("recogito-annotations.json"));
    expect(summary(IRAN, items)).toEqual([
      { outcome: "anchored", quote: "totally unfounded", verdict: "contradicted" },
      { outcome: "anchored", quote: "months before the Ukraine war", verdict: "unverified" },
      { outcome: "skipped" },
      { outcome: "anchored", quote: "any support for Russia", verdict: "unverified" },
    ]);
    const [denial, date, image, tagged] = items;
    expect(denial?.claim?.rationale).toBe("The ambassador's denial is contradicted by the envoy.");
    expect(denial?.claim?.origin).toEqual({ authorName: "Bob Reviewer", at: "2026-09-14T08:00:00.000Z" });
    expect(denial?.reason).toBe("Anchored at its position, where its quote is.");
    expect(date?.claim?.rationale).toBe("Check the date against the shipping records.");
    expect(date?.claim?.origin).toEqual({ authorName: "carol", at: null });
    expect(image?.reason).toMatch(/not about text.*image/i);
    expect(tagged?.claim?.rationale).toBe("Tags: satire, Russia");
    expect(tagged?.claim?.origin?.authorName).toBe("Bob Reviewer, Carol");
  });

  it("reads one W3C annotation, its quote's prefix choosing between two occurrences", () => {
    const [item] = planAnnotationImport(IRAN, fixture("w3c-single-annotation.json"));
    expect(item?.outcome).toBe("anchored");
    expect(item?.claim?.selectors.position).toEqual({ start: 105, end: 109 });
    expect(item?.claim?.rationale).toBe("Said by the envoy, not the minister.");
    expect(item?.claim?.origin).toEqual({ authorName: "Dana Scully, eve", at: "2015-01-28T12:00:00.000Z" });
  });

  it("follows a paged collection's embedded pages and says which page it did not fetch", () => {
    const items = planAnnotationImport(IRAN, fixture("w3c-paged-collection.json"));
    expect(summary(IRAN, items)).toEqual([
      { outcome: "anchored", quote: "a limited number of drones months before the Ukraine war", verdict: "unverified" },
      { outcome: "anchored", quote: "transferred dozens", verdict: "supported" },
      { outcome: "skipped" },
    ]);
    expect(items.map((item) => item.path)).toEqual(["first.items.0", "first.next.items.0", "first.next.next"]);
    expect(items[2]?.reason).toContain("http://example.org/page3");
    expect(items[2]?.reason).toMatch(/not fetched/i);
  });

  it("reads a lone AnnotationPage with refined XPath and Range selectors, and skips what is not about text", () => {
    const items = planAnnotationImport(IRAN, fixture("w3c-annotation-page-refined.json"));
    expect(summary(IRAN, items)).toEqual([
      { outcome: "anchored", quote: "totally unfounded", verdict: "contradicted" },
      { outcome: "anchored", quote: "transferred dozens just this summer", verdict: "unverified" },
      { outcome: "skipped" },
      { outcome: "skipped" },
      { outcome: "skipped" },
      { outcome: "orphaned" },
    ]);
    expect(items[2]?.reason).toMatch(/inside the element/i);
    expect(items[3]?.reason).toMatch(/reply/i);
    expect(items[4]?.reason).toMatch(/whole/i);
    expect(items[5]?.reason).toMatch(/does not occur/i);
    expect(items[5]?.claim?.isOrphaned).toBe(true);
    expect(items[5]?.claim?.selectors.quote.exact).toBe("the drones were never delivered");
  });

  it("counts positions in code points, as the W3C model does", () => {
    const items = planAnnotationImport(EMOJI, fixture("emoji-code-points.json"));
    expect(summary(EMOJI, items)).toEqual([
      { outcome: "anchored", quote: "crime fell 👍🏽 by 12%", verdict: "contradicted" },
      { outcome: "anchored", quote: "crime fell 👍🏽 by 12%", verdict: "unverified" },
    ]);
    expect(items[0]?.claim?.selectors.position).toEqual({ start: 18, end: 40 });
    expect(items[0]?.reason).toBe("Anchored at its position, where its quote is.");
  });

  it("reads Factmark's own terms: verdict, speaker and stance", () => {
    const items = planAnnotationImport(EMOJI, fixture("factmark-export-code-points.json"));
    expect(summary(EMOJI, items)).toEqual([
      { outcome: "anchored", quote: "crime fell 👍🏽 by 12%", verdict: "contradicted" },
      { outcome: "anchored", quote: "last year", verdict: "supported" },
      { outcome: "skipped" },
    ]);
    expect(items[0]?.claim?.speaker).toBe("The mayor");
    expect(items[0]?.claim?.evidence).toEqual([
      { url: "https://police.example/stats", title: "Crime statistics", excerpt: null, stance: "contradicts" },
    ]);
    // The link keeps its direction (linkFrom/linkTo, not the order of its targets) for resolveImportedLinks.
    expect(items[2]?.link).toEqual({
      fromId: "https://factmark.example/annotations/claims/c2",
      toId: "https://factmark.example/annotations/claims/c1",
      kind: "supports",
      note: null,
      origin: { authorName: "Ana Ruiz", at: "2026-11-22T09:00:00.000Z" },
    });
  });

  it("refuses a document of no Web Annotation shape, naming what it expected", () => {
    for (const document of [null, "text", 3, { type: "Nothing" }, { type: "AnnotationCollection" }]) {
      expect(() => planAnnotationImport(IRAN, document)).toThrow(AppError);
    }
  });

  it("refuses a document over the import limits before reading it", () => {
    const items = Array.from({ length: 20_001 }, () => ({ type: "Annotation", target: "x" }));
    expect(() => planAnnotationImport(IRAN, items)).toThrow(/at most/i);
  });

  it("refuses more evidence than one import may hold", () => {
    const body = Array.from({ length: 20_001 }, () => ({ purpose: "linking", source: "https://example.org/e" }));
    const annotation = { type: "Annotation", body, target: { selector: { type: "TextQuoteSelector", exact: "said" } } };
    expect(() => planAnnotationImport(IRAN, [annotation])).toThrow(/At most 20000 evidence bodies/);
  });
});

describe("planAnnotationImport on hostile items", () => {
  const TEXT = "Iran said no.\nThe envoy said yes, crime fell by 12% in 2025.\nThe minister said no.";
  const quoteAnnotation = (selector: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: "Annotation",
    target: { source: "x", selector: { type: "TextQuoteSelector", ...selector } },
    ...extra,
  });
  const good = quoteAnnotation({ exact: "The envoy" });

  it("skips an annotation nested past what it reads, keeping the rest of the batch", () => {
    for (const depth of [8_000, 200_000]) {
      let selector: unknown = { type: "TextQuoteSelector", exact: "The envoy" };
      for (let i = 0; i < depth; i++) selector = { type: "XPathSelector", value: "/", refinedBy: selector };
      const items = planAnnotationImport(TEXT, [good, { type: "Annotation", target: { source: "x", selector } }]);
      expect(items.map((item) => item.outcome)).toEqual(["anchored", "skipped"]);
      expect(items[1]?.reason).toMatch(/nested more than \d+ levels deep|refined more than 16 levels deep/);
    }
  });

  it("holds an imported claim to the limits claim creation enforces, skipping what breaks them with the reason", () => {
    const items = planAnnotationImport(TEXT, [
      quoteAnnotation({ exact: "x".repeat(1_000_000) }),
      quoteAnnotation({ exact: "\u0000" }),
      quoteAnnotation({ exact: "The envoy\u0000" }),
      quoteAnnotation({ exact: "The \ud800envoy" }),
      quoteAnnotation({ exact: "The envoy" }, { bodyValue: "r".repeat(20_001) }),
      quoteAnnotation({ exact: "The envoy" }, { bodyValue: "a \u0000 rationale" }),
      quoteAnnotation({ exact: "The envoy" }, { speaker: "s".repeat(201) }),
      quoteAnnotation({ exact: "The envoy" }, { speaker: "Ana\u0000" }),
      good,
    ]);
    expect(items.map((item) => [item.outcome, item.reason])).toEqual([
      ["skipped", "Its quote is 1000000 characters long; a claim's quote holds at most 20000."],
      ["skipped", "Its quote contains a NUL control character (U+0000), which no article text holds."],
      ["skipped", "Its quote contains a NUL control character (U+0000), which no article text holds."],
      ["skipped", "Its quote contains a broken character (half of a surrogate pair)."],
      ["skipped", "Factmark cannot keep it as it is: body: The rationale has at most 20000 characters."],
      ["skipped", "Factmark cannot keep it as it is: body: The rationale may not contain NUL characters."],
      ["skipped", "Factmark cannot keep it as it is: speaker: The speaker's name has at most 200 characters."],
      ["skipped", "Factmark cannot keep it as it is: speaker: The speaker's name may not contain NUL characters."],
      ["anchored", "Placed by its quote (it gives no position), which occurs there once."],
    ]);
  });

  it("cuts a prefix or suffix longer than a claim keeps to its nearest 200 characters, and says so", () => {
    const [item] = planAnnotationImport(TEXT, [
      quoteAnnotation({ exact: "said", prefix: `${"🙂".repeat(300)}The envoy `, suffix: ` yes${"x".repeat(5000)}` }),
    ]);
    expect(item?.outcome).toBe("anchored");
    expect(item?.claim?.selectors.position).toEqual({ start: 24, end: 28 });
    expect(item?.reason).toMatch(/Its prefix and suffix were cut to the 200 characters nearest the quote/);
  });

  it("skips a passage longer than a claim's quote may be, placed by a position alone", () => {
    const long = `${"word ".repeat(5_000)}`;
    const [item] = planAnnotationImport(long, [
      { type: "Annotation", target: { selector: { type: "TextPositionSelector", start: 0, end: 24_000 } } },
    ]);
    expect(item).toMatchObject({
      outcome: "skipped",
      reason: "The passage it marks is 24000 characters long; a claim's quote holds at most 20000.",
    });
  });

  it("skips only an evidence body that is not valid, keeps the claim, and names the body's real problem", () => {
    const [item] = planAnnotationImport(TEXT, [
      quoteAnnotation(
        { exact: "The envoy" },
        {
          body: [
            { purpose: "linking", source: "https://user:pw@example.org/e" },
            { purpose: "linking", source: { id: "https://example.org/ok", "schema:name": "t".repeat(600) } },
            { purpose: "linking", source: "https://example.org/kept" },
          ],
        },
      ),
    ]);
    expect(item?.outcome).toBe("anchored");
    expect(item?.claim?.evidence.map((evidence) => evidence.url)).toEqual(["https://example.org/kept"]);
    expect(item?.reason).toContain(
      "Evidence left out: body.0.source: A URL may not carry a user name or password (user:password@): give the address without them.; body.1.source.schema:name: The evidence's title has at most 500 characters.",
    );
  });

  it("re-imports an annotation Factmark exported as orphaned as an orphan, even where its quote is found", () => {
    const [item] = planAnnotationImport(TEXT, [quoteAnnotation({ exact: "The envoy" }, { orphaned: true })]);
    expect(item).toMatchObject({ outcome: "orphaned", claim: { isOrphaned: true } });
    expect(item?.reason).toMatch(/marked orphaned/);
  });

  it("places a RangeSelector from its start selector's match to its end selector's", () => {
    const [item] = planAnnotationImport(TEXT, [
      {
        type: "Annotation",
        target: {
          selector: {
            type: "RangeSelector",
            startSelector: { type: "TextQuoteSelector", exact: "The envoy" },
            endSelector: { type: "TextQuoteSelector", exact: "fell" },
          },
        },
      },
    ]);
    expect(item?.outcome).toBe("anchored");
    expect(TEXT.slice(item?.claim?.selectors.position.start, item?.claim?.selectors.position.end)).toBe(
      "The envoy said yes, crime fell",
    );
  });

  it("places a position inside an XPath paragraph relative to that paragraph", () => {
    const [item] = planAnnotationImport(TEXT, [
      {
        type: "Annotation",
        target: {
          selector: {
            type: "XPathSelector",
            value: "/html/body/p[2]",
            refinedBy: { type: "TextPositionSelector", start: 4, end: 9 },
          },
        },
      },
    ]);
    expect(item?.outcome).toBe("anchored");
    expect(item?.claim?.selectors.quote.exact).toBe("envoy");
  });
});
