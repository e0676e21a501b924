import { describe, expect, it } from "vitest";
import { compareStatements } from "./compareStatements";
import { tokenize } from "./distinguishingTokens";

const phrases = (before: string, after: string, precededBy = "") =>
  compareStatements(before, after, { oldPrecededBy: precededBy, newPrecededBy: precededBy }).map(
    (difference) => difference.phrase,
  );

describe("tokenize", () => {
  it("tags numbers, dates, names, negations and words", () => {
    const tokens = tokenize("On 3 May 2024 Ortiz didn't sell 1,200 drones", "Earlier. ");
    expect(tokens.map((token) => [token.key, token.kind])).toEqual([
      ["on", "function"],
      ["3", "date"],
      ["may", "date"],
      ["2024", "date"],
      ["ortiz", "name"],
      ["did", "function"],
      ["n't", "negation"],
      ["sell", "word"],
      ["1200", "number"],
      ["drones", "word"],
    ]);
  });

  it("does not take a capitalised word that starts a sentence for a name", () => {
    expect(tokenize("Officials said. Clinics", "").map((token) => token.kind)).toEqual(["word", "word", "word"]);
    expect(tokenize("Clinics", "the ")[0]?.kind).toBe("name");
  });

  it("reads number words as numbers", () => {
    expect(tokenize("nine")[0]).toMatchObject({ key: "9", kind: "number" });
  });
});

describe("compareStatements", () => {
  it("reports a changed number, in words or digits, but not the same number written another way", () => {
    expect(phrases("dropped by nine percent", "dropped by twelve percent")).toEqual(['"nine" became "twelve"']);
    expect(phrases("dropped by 9 percent", "dropped by 12 percent")).toEqual(['"9" became "12"']);
    expect(phrases("dropped by nine percent", "dropped by 9 percent")).toEqual([]);
  });

  it("reports a changed date", () => {
    expect(phrases("opened on 3 May", "opened on 5 May")).toEqual(['the date "3" became "5"']);
    expect(phrases("opened in June 2023", "opened in July 2023")).toEqual(['the date "June" became "July"']);
    expect(phrases("opened in 2023", "opened in 2024")).toEqual(['the date "2023" became "2024"']);
  });

  it("reports a changed name, but not a name's typo fixed", () => {
    expect(phrases("minister Ortiz said", "minister Ramos said")).toEqual(['the name "Ortiz" became "Ramos"']);
    expect(phrases("minister Ortis said", "minister Ortiz said")).toEqual([]);
    expect(phrases("Ortiz said", "Ramos said", "Councillor ")).toEqual(['the name "Ortiz" became "Ramos"']);
    expect(phrases("Ortiz said", "Ramos said", "The vote.\n")).toEqual(['"Ortiz" became "Ramos"']);
    expect(phrases("the report by Amnesty International", "the report by Human Rights Watch")).toEqual([
      'the name "Amnesty International" became "Human Rights Watch"',
    ]);
  });

  it("reports an added or removed negation", () => {
    expect(phrases("the ministry did respond", "the ministry did not respond")).toEqual([
      'a negation was added ("not")',
    ]);
    expect(phrases("the ministry didn't respond", "the ministry did respond")).toEqual([
      'a negation was removed ("n\'t")',
    ]);
    expect(phrases("has never said", "has always said")).toEqual(['a negation was removed ("never")']);
  });

  it("reports a content word replaced by another, but not a typo fixed or a word inserted", () => {
    expect(phrases("the north clinic reported", "the south clinic reported")).toEqual(['"north" became "south"']);
    expect(phrases("Iran transfered dozens", "Iran transferred dozens")).toEqual([]);
    expect(phrases("did not recieve it", "did not receive it")).toEqual([]);
    expect(phrases("applications increased", "applications decreased")).toEqual(['"increased" became "decreased"']);
    expect(phrases("a limited number of drones", "a limited number of armed drones")).toEqual([]);
    expect(phrases("sold drones in spring", "sold drones on spring")).toEqual([]);
  });

  it("ignores case, accents composed or not, and punctuation", () => {
    expect(phrases("Transferred dozens, just", "transferred dozens just")).toEqual([]);
    expect(phrases("Cafe\u0301 owners", "Caf\u00e9 owners")).toEqual([]);
  });
});

// Found by trying the product as an attacker: each of these was followed (flagged at best) instead of orphaned.
describe("what else tells two statements apart", () => {
  const kinds = (before: string, after: string) =>
    compareStatements(before, after, { oldPrecededBy: "the ", newPrecededBy: "the " }).map(
      (difference) => difference.kind,
    );

  it("reads hedged and failed actions as negations", () => {
    expect(kinds("measures helped", "measures hardly helped")).toContain("negation");
    expect(kinds("the plan reduced costs", "the plan failed to reduce costs")).toContain("negation");
    expect(kinds("Iran admitted supplying drones", "Iran denied supplying drones")).toContain("negation");
  });

  it("reads a sign and a currency as part of a number", () => {
    expect(kinds("fell to -5 degrees", "fell to 5 degrees")).toContain("number");
    expect(kinds("cost $5 million", "cost €5 million")).toContain("number");
  });

  it("reads quantities and before/after as what the statement is about", () => {
    expect(kinds("all schools closed", "some schools closed")).toContain("number");
    expect(kinds("more than half", "less than half")).toContain("number");
    expect(kinds("months before the war", "months after the war")).toContain("date");
  });
});
