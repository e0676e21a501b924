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
    expect(boilerplate).toBeUndefined();
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

  it("finds a speaker for 'The Iranian foreign minister said last week', named as foreign minister in the next sentence", () => {
    const claim = result.claims.find((each) =>
      each.selectors.quote.exact.startsWith("The Iranian foreign minister said"),
    );
    expect(claim?.speaker?.name).toBe("Hossein Amir-Abdollahian");
    expect(claim?.reasons).toContain("an attribution: said");
  });

  it("names Kuleba without his office, and gives his 'suggested' as an attribution", () => {
    const claim = result.claims.find((each) => each.selectors.quote.exact.startsWith("Ukraine's Minister for Foreign"));
    expect(claim?.speaker?.name).toBe("Dmytro Kuleba");
    expect(claim?.reasons).toContain("an attribution: suggested");
  });

  it("keeps the three pairs in the top five without a publication date", () => {
    const undated = findSuggestions({ text, publishedAt: null }).contradictions.slice(0, 5);
    expect(undated.some((candidate) => isPair(candidate, "limited number of drones", "transferred dozens"))).toBe(true);
    expect(undated.some((candidate) => isPair(candidate, "totally unfounded", "With Iran admitting"))).toBe(true);
    expect(
      undated.some((candidate) => isPair(candidate, "accused Iran lying about the number", "limited number of drones")),
    ).toBe(true);
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

describe("without a publication date", () => {
  it("pairs 'on 3 May' against 'on 5 May' as dates, never as figures, and gives 'a date' as a reason", () => {
    const text =
      "The fire on the ferry started on 3 May, the company said.\nThe fire on the ferry started on 5 May, the harbour master said.";
    const { claims, contradictions } = findSuggestions({ text, publishedAt: null });
    expect(contradictions.filter((candidate) => candidate.type === "quantity")).toEqual([]);
    expect(contradictions[0]).toMatchObject({ type: "date", values: { a: "3 May (no year)", b: "5 May (no year)" } });
    for (const claim of claims) {
      expect(claim.reasons).toContain("a date");
      expect(claim.reasons).not.toContain("a number");
    }
  });

  it("compares a dated and an undated day by month and day", () => {
    const text =
      "The fire on the ferry started on 3 May 2024, the company said.\nThe fire on the ferry started on 3 May, the harbour master said.";
    expect(findSuggestions({ text, publishedAt: null }).contradictions.filter((each) => each.type === "date")).toEqual(
      [],
    );
  });
});

describe("what is suggested as check-worthy", () => {
  it("never suggests a span without a reason or without words: a lone letter, punctuation, empty quotes, a headline", () => {
    const text = ["x", "...", '""', "!!!", "“”", "Ferry news", "Le ministre a déclaré que le pont était sûr."].join(
      "\n",
    );
    expect(findSuggestions({ text, publishedAt: null }).claims).toEqual([]);
  });

  it("gives every suggestion a reason and a score above zero", () => {
    const { claims } = findSuggestions({ text: sampleText(), publishedAt: null });
    expect(claims.length).toBeGreaterThan(5);
    for (const claim of claims) {
      expect(claim.reasons.length).toBeGreaterThan(0);
      expect(claim.score).toBeGreaterThan(0);
    }
  });
});

describe("subjects and figures", () => {
  it("does not take the month March for a protest march, nor any month or weekday for a subject", () => {
    const text =
      "Police said 5,000 people joined the protest march through the city centre.\nThe council said 2,000 people attended its budget meeting in March.";
    for (const publishedAt of ["2025-05-01", null]) {
      for (const candidate of findSuggestions({ text, publishedAt }).contradictions)
        expect(candidate.reasons.join(" ")).not.toMatch(/march/);
    }
  });

  it("finds two figures for the same thing given by two speakers in one sentence", () => {
    const text =
      "The ministry said the repairs to the bridge cost two million euros, but the auditor said the repairs cost 900,000 euros.";
    expect(findSuggestions({ text, publishedAt: null }).contradictions[0]).toMatchObject({
      type: "quantity",
      values: { a: "€2,000,000", b: "€900,000" },
      label: "disputed figure",
    });
  });
});
