import { describe, expect, it } from "vitest";
import { precedentSearchGroups } from "./precedentSearchTerms";
import { readClaimFeatures } from "./readClaimFeatures";

const read = (quote: string, speaker: string | null = null) => readClaimFeatures({ quote, speaker });
const figures = (quote: string) => read(quote).numbers.map(({ kind, low, high }) => ({ kind, low, high }));

describe("readClaimFeatures", () => {
  it.each([
    ["12%", "12 percent", "twelve per cent"],
    ["1,200 jobs", "1.2 thousand jobs", "twelve hundred jobs"],
    ["$3m", "3 million dollars", "$3 million"],
  ])("reads each format of a figure as one figure (%#)", (...forms) => {
    const [first, ...others] = forms.map((form) => figures(`It was ${form} in all`));
    expect(first).toHaveLength(1);
    for (const other of others) expect(other).toEqual(first);
  });

  it("counts a year as a figure, and does not read a metre as a million", () => {
    expect(figures("Kessling will close schools by 2027")).toEqual([{ kind: "year", low: 2027, high: 2027 }]);
    expect(figures("The wall is 3m high")).toEqual([]);
    expect(figures("The wall cost $3m")).toEqual([{ kind: "money", low: 3_000_000, high: 3_000_000 }]);
  });

  it("reads what a count counts, past 'of' and 'more', but not past other stop words", () => {
    expect(read("48 more fighter jets").numbers[0]?.noun).toBe("fighter");
    expect(read("dozens of drones").numbers[0]?.noun).toBe("dron");
    expect(read("dozens just this summer").numbers[0]?.noun).toBeNull();
  });

  it("keeps names as written, in any script, and leaves the speaker's own name to the speaker", () => {
    const features = read("Robert Malley said Iran transferred dozens to Russia", "Robert Malley");
    expect(features.names).toEqual(["iran", "russia"]);
    expect(features.terms.map((term) => term.shown)).toEqual(["Iran", "transferred", "Russia"]);
    expect(read("Der Minister sagte, Österreich habe Drohnen geliefert").names).toContain("osterreich");
  });

  it("asks the index for each form of the words and the figures in digits, one group each, leaving synonyms to the ranking", () => {
    const groups = precedentSearchGroups(read("Tehran delivered twelve per cent of the drones"));
    expect(groups.flat()).toEqual(expect.arrayContaining(["tehran", "deliver", "delivers", "drone", "12"]));
    expect(groups.flat()).not.toContain("of");
    expect(groups.flat()).not.toContain("supplied");
  });
});
