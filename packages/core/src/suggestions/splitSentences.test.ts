import { describe, expect, it } from "vitest";
import { findQuotations } from "./findQuotations";
import { splitSentences } from "./splitSentences";

function sentencesOf(text: string): string[] {
  return splitSentences(text, findQuotations(text)).map((span) => text.slice(span.start, span.end));
}

describe("splitSentences", () => {
  it("ends sentences at full stops and paragraph breaks, with offsets into the text", () => {
    const text = "The bridge is closed. It opened in 1962.\nRepairs start soon.";
    const spans = splitSentences(text, findQuotations(text));
    expect(spans).toEqual([
      { start: 0, end: 21 },
      { start: 22, end: 40 },
      { start: 41, end: 60 },
    ]);
  });

  it("does not end a sentence after an abbreviation or an initial", () => {
    expect(sentencesOf("The U.S. Special Envoy spoke to Dr. Marsh at St. Mary's. She agreed.")).toEqual([
      "The U.S. Special Envoy spoke to Dr. Marsh at St. Mary's.",
      "She agreed.",
    ]);
  });

  it("keeps a quoted statement of several sentences as one span", () => {
    expect(sentencesOf("“Ukraine trusts facts. We will act,” he said. Then he left.")).toEqual([
      "“Ukraine trusts facts. We will act,” he said.",
      "Then he left.",
    ]);
  });

  it("ends a sentence after a closing quotation mark", () => {
    expect(sentencesOf("He called it “totally unfounded.” Regardless, it went on.")).toEqual([
      "He called it “totally unfounded.”",
      "Regardless, it went on.",
    ]);
  });

  it("ends a statement at a semicolon between two long clauses", () => {
    expect(
      sentencesOf("The operator said it would sail within a week; the authority said the ship would stay in port."),
    ).toEqual(["The operator said it would sail within a week;", "the authority said the ship would stay in port."]);
  });

  it("tells an apostrophe from a closing single quotation mark", () => {
    expect(findQuotations("Malley: ‘Iran’s drones are in Ukraine’ now.")).toEqual([
      { start: 8, end: 38, innerStart: 9, innerEnd: 37 },
    ]);
  });
});
