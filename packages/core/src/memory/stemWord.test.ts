import { describe, expect, it } from "vitest";
import { stemWord, wordForms } from "./stemWord";

describe("stemWord", () => {
  it.each([
    [["supply", "supplies", "supplied", "supplying"], "suppli"],
    [["transfer", "transfers", "transferred", "transferring"], "transfer"],
    [["increase", "increased", "increasing", "increases"], "increas"],
    [["sell", "sells", "sold", "selling"], "sell"],
    [["rise", "rises", "rose", "rising"], "ris"],
    [["drone", "drones"], "dron"],
  ])("brings %j to one stem", (words, stem) => {
    expect(words.map(stemWord)).toEqual(words.map(() => stem));
  });

  it("leaves short words, words of other scripts and words that only look plural alone", () => {
    expect(["bus", "crisis", "status", "день", "إيران"].map(stemWord)).toEqual([
      "bus",
      "crisis",
      "status",
      "день",
      "إيران",
    ]);
  });
});

describe("wordForms", () => {
  it("answers the forms an index without a stemmer must be asked for", () => {
    expect(wordForms("supplied")).toEqual(expect.arrayContaining(["supply", "supplies", "supplied", "supplying"]));
    expect(wordForms("transfer")).toEqual(expect.arrayContaining(["transfers", "transferred", "transferring"]));
    expect(wordForms("sold")).toEqual(expect.arrayContaining(["sell", "sells", "selling"]));
  });
});
