import { describe, expect, it } from "vitest";
import { findPolarity } from "./findPolarity";
import { findWords } from "./findWords";

function scopeOf(sentence: string): { negations: string[]; scope: string; admissions: string[] } {
  const words = findWords(sentence);
  const polarity = findPolarity(words, sentence);
  return {
    negations: polarity.negations,
    admissions: polarity.admissions,
    scope: words
      .filter((_, index) => polarity.scope.has(index))
      .map((word) => word.text)
      .join(" "),
  };
}

describe("findPolarity", () => {
  it("lets a negation reach to the end of its clause and no further", () => {
    expect(scopeOf("The alarm did not sound until smoke filled the deck; the crew left.")).toMatchObject({
      negations: ["not"],
      scope: "sound until smoke filled the deck",
    });
    expect(scopeOf("No teachers would lose their jobs, but some would move.").scope).toBe(
      "teachers would lose their jobs",
    );
  });

  it("points a verdict such as 'unfounded' back at the clause it judges", () => {
    expect(scopeOf("To imply that Iran supports Russia is totally unfounded.")).toMatchObject({
      negations: ["unfounded"],
      scope: "To imply that Iran supports Russia is totally",
    });
  });

  it("reads a double negation as no negation", () => {
    expect(scopeOf("Nobody was left without a warning.").negations).toEqual([]);
  });

  it("finds admissions", () => {
    expect(scopeOf("Iran admits supplying Russia with drones.")).toMatchObject({
      negations: [],
      admissions: ["admits"],
    });
  });
});
