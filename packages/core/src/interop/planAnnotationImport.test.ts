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
