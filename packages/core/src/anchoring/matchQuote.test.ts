import { describe, expect, it } from "vitest";
import { findOccurrences, matchQuote } from "./matchQuote";

describe("findOccurrences", () => {
  it("finds every occurrence, overlapping ones included", () => {
    expect(findOccurrences("aaaa", "aa")).toEqual([0, 1, 2]);
  });

  it("finds nothing for an empty quote", () => {
    expect(findOccurrences("abc", "")).toEqual([]);
  });
});

describe("matchQuote", () => {
  const text = "he said no. she said no. they said yes.";

  it("keeps every occurrence when neither prefix nor suffix is given", () => {
    expect(matchQuote(text, { exact: "said" })).toHaveLength(3);
  });

  it("keeps the occurrences whose text before ends with the prefix", () => {
    expect(matchQuote(text, { exact: "said no", prefix: "she " })).toEqual([text.indexOf("said no", 5)]);
  });

  it("keeps the occurrences whose text after starts with the suffix", () => {
    expect(matchQuote(text, { exact: "said", suffix: " yes" })).toEqual([text.lastIndexOf("said")]);
  });

  it("treats an empty prefix or suffix as agreeing with anything", () => {
    expect(matchQuote(text, { exact: "said", prefix: "", suffix: "" })).toHaveLength(3);
  });

  it("does not accept a prefix longer than the text before the quote", () => {
    expect(matchQuote(text, { exact: "he said", prefix: "xx" })).toEqual([]);
  });
});
