import { describe, expect, it } from "vitest";
import { readFixture } from "../testing/readFixture";
import { articleText } from "../text/articleText";
import { plainTextToDoc } from "../text/plainTextToDoc";
import { findSuggestions } from "./findSuggestions";
import type { ContradictionCandidate } from "./types";

/** The seed's sample article as the app projects it: its first line is the title, not the body. */
function sampleText(): string {
  const [, ...body] = readFixture("prisma/seed/iran-drones-article.txt", true).split("\n");
  return articleText(plainTextToDoc(body.join("\n")));
}

const has = (side: ContradictionCandidate["a"], words: string) => side.selectors.quote.exact.includes(words);
const isPair = (candidate: ContradictionCandidate, left: string, right: string) =>
  (has(candidate.a, left) && has(candidate.b, right)) || (has(candidate.a, right) && has(candidate.b, left));

describe("findSuggestions on the sample article", () => {
  const text = sampleText();
  const result = findSuggestions({ text, publishedAt: "2022-11-10" });
  const top5 = result.contradictions.slice(0, 5);

  it("puts the three contradictions a reviewer marks among the top five candidates", () => {
    expect(top5.some((candidate) => isPair(candidate, "limited number of drones", "transferred dozens"))).toBe(true);
    expect(top5.some((candidate) => isPair(candidate, "totally unfounded", "With Iran admitting"))).toBe(true);
    expect(
      top5.some((candidate) => isPair(candidate, "accused Iran lying about the number", "limited number of drones")),
    ).toBe(true);
  });

  it("labels two speakers' different figures a disputed figure, with their normalised values", () => {
    const figures = top5.find((candidate) => isPair(candidate, "limited number of drones", "transferred dozens"));
    expect(figures).toMatchObject({
      type: "quantity",
      label: "disputed figure",
      values: { a: "a limited number (1–20) drones", b: "dozens (24–999) drones" },
      a: { speaker: { name: "Hossein Amir-Abdollahian" } },
      b: { speaker: { name: "Robert Malley", how: "according to Robert Malley" } },
    });
  });

  it("suggests check-worthy sentences with reasons in words and selectors that quote the text", () => {
    const [first] = result.claims;
    expect(first?.reasons).toContain("a number");
    for (const claim of result.claims) {
      expect(text.slice(claim.selectors.position.start, claim.selectors.position.end)).toBe(
        claim.selectors.quote.exact,
      );
    }
    const boilerplate = result.claims.find((claim) =>
      claim.selectors.quote.exact.startsWith("The All Israel News Staff"),
    );
    expect(boilerplate?.score).toBe(0);
  });

  it("ranks the same way every time, ties broken by offset", () => {
    expect(findSuggestions({ text, publishedAt: "2022-11-10" })).toEqual(result);
    for (const [earlier, later] of result.contradictions
      .slice(1)
      .map((candidate, index) => [result.contradictions[index], candidate] as const)) {
      const isOrdered =
        (earlier?.score ?? 0) > later.score ||
        ((earlier?.score ?? 0) === later.score &&
          (earlier?.a.selectors.position.start ?? 0) <= later.a.selectors.position.start);
      expect(isOrdered).toBe(true);
    }
  });

  it("does not suggest a marked claim again, and pairs it by its id", () => {
    const start = text.indexOf("Iranian Foreign Minister Hossein");
    const end = text.indexOf("Ukraine war.”") + "Ukraine war.”".length;
    const selectors = result.claims.find((claim) => claim.selectors.position.start === start)?.selectors;
    expect(selectors?.position.end).toBe(end);
    if (!selectors) return;
    const marked = findSuggestions({
      text,
      publishedAt: "2022-11-10",
      claims: [{ id: "clm_1", selectors, speaker: "Hossein Amir-Abdollahian" }],
    });
    expect(marked.claims.some((claim) => claim.selectors.position.start === start)).toBe(false);
    const paired = marked.contradictions.find(
      (candidate) => candidate.a.claimId === "clm_1" || candidate.b.claimId === "clm_1",
    );
    expect(paired).toBeDefined();
  });
});

describe("findSuggestions on small cases", () => {
  it("finds dates that disagree about the same event", () => {
    const text =
      "The company said the fire on the ferry started on 3 May.\nThe harbour master said the fire on the ferry started on 5 May.";
    const [candidate] = findSuggestions({ text, publishedAt: "2025-05-09" }).contradictions;
    expect(candidate).toMatchObject({ type: "date", values: { a: "2025-05-03", b: "2025-05-05" } });
  });

  it("finds a denial against an admission", () => {
    const text =
      "The minister said reports that the firm supplied weapons to the rebels were baseless.\nThe firm admitted it supplied weapons to the rebels.";
    const [candidate] = findSuggestions({ text, publishedAt: "2025-05-09" }).contradictions;
    expect(candidate).toMatchObject({ type: "polarity" });
    expect(candidate?.a.selectors.quote.exact).toContain("baseless");
  });

  it("reads a date under a negation as its opposite", () => {
    const text =
      "The mayor's office said there was no warning about the bridge in January.\nThe clerk confirmed a warning about the bridge was logged on 30 January.";
    const [candidate] = findSuggestions({ text, publishedAt: "2025-03-14" }).contradictions;
    expect(candidate).toMatchObject({ type: "date", values: { a: "not 2025-01-01…2025-01-31", b: "2025-01-30" } });
  });

  it("returns nothing for an empty text", () => {
    expect(findSuggestions({ text: "", publishedAt: null })).toEqual({ claims: [], contradictions: [] });
  });
});

describe("date candidates", () => {
  it("rank two dates of the same happening above two dates of successive events in the story", () => {
    const text = [
      "The Northern Star ferry left the harbour on 3 May, the ferry operator said.",
      "The fire on the Northern Star ferry broke out on 5 May, the ferry operator said.",
      "The captain of the Northern Star ferry insisted the fire broke out on 4 May.",
    ].join("\n");
    const { contradictions } = findSuggestions({ text, publishedAt: "2025-05-10" });
    const dates = contradictions.filter((candidate) => candidate.type === "date");
    const sameFire = dates.findIndex((candidate) => isPair(candidate, "broke out on 5 May", "broke out on 4 May"));
    const leftThenBurned = dates.findIndex((candidate) => isPair(candidate, "left the harbour", "broke out on 5 May"));
    expect(sameFire).toBe(0);
    if (leftThenBurned >= 0) {
      expect((dates[leftThenBurned] as ContradictionCandidate).score).toBeLessThan(
        (dates[0] as ContradictionCandidate).score,
      );
    }
  });
});
