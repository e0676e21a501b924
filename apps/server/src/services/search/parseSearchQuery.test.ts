import { describe, expect, it } from "vitest";
import { highlightField } from "./highlightField";
import { HOSTILE_QUERIES } from "./hostileQueries";
import { parseSearchQuery } from "./parseSearchQuery";
import { toFts5Match, toTsQuery } from "./searchMatchExpressions";

describe("parseSearchQuery", () => {
  it("reads words, phrases, prefixes, OR and exclusions", () => {
    expect(parseSearchQuery('drones "transferred dozens" sum* OR winter -Russia')).toEqual({
      groups: [
        [{ words: ["drones"], isPrefix: false }],
        [{ words: ["transferred", "dozens"], isPrefix: false }],
        [
          { words: ["sum"], isPrefix: true },
          { words: ["winter"], isPrefix: false },
        ],
      ],
      excluded: [{ words: ["Russia"], isPrefix: false }],
    });
  });

  it("reads words joined by punctuation as a phrase of them, as the indexes split them", () => {
    expect(parseSearchQuery("Amir-Abdollahian 12.5%").groups).toEqual([
      [{ words: ["Amir", "Abdollahian"], isPrefix: false }],
      [{ words: ["12", "5"], isPrefix: false }],
    ]);
  });

  it("reads operators of the databases' own syntax as plain words or drops them", () => {
    expect(parseSearchQuery("NEAR(drones russia) title:iran AND x:* !y").groups).toEqual([
      [{ words: ["NEAR", "drones"], isPrefix: false }],
      [{ words: ["russia"], isPrefix: false }],
      [{ words: ["title", "iran"], isPrefix: false }],
      [{ words: ["AND"], isPrefix: false }],
      [{ words: ["x"], isPrefix: false }],
      [{ words: ["y"], isPrefix: false }],
    ]);
    expect(parseSearchQuery("!!! *** ((( ))) -- OR")).toEqual({ groups: [], excluded: [] });
  });

  it("reads an unbalanced quote's words as a phrase to the end", () => {
    expect(parseSearchQuery('iran "sold a limited').groups).toEqual([
      [{ words: ["iran"], isPrefix: false }],
      [{ words: ["sold", "a", "limited"], isPrefix: false }],
    ]);
  });

  it("keeps at most 32 terms", () => {
    const { groups } = parseSearchQuery(Array.from({ length: 100 }, (_, index) => `w${index}`).join(" "));
    expect(groups).toHaveLength(32);
  });

  it.each(HOSTILE_QUERIES.map((query) => [JSON.stringify(query).slice(0, 60), query]))(
    "never throws, and builds only quoted words for the databases: %s",
    (_label, query) => {
      const search = parseSearchQuery(query);
      for (const term of [...search.groups.flat(), ...search.excluded]) {
        for (const word of term.words) expect(word).toMatch(/^[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{M}\p{Co}]*$/u);
      }
      if (search.groups.length === 0) return;
      // Outside the quotes, only the syntax the builders write.
      expect(toFts5Match(search).replace(/"[^"]*"/g, "")).toMatch(/^[()* ]*(?:(?:AND|OR|NOT)[()* ]*)*$/);
      expect(toTsQuery(search).replace(/'[^']*'/g, "")).toMatch(/^[()&|!<\->:* ]*$/);
    },
  );
});

describe("highlightField", () => {
  it("gives UTF-16 ranges of the matched words, folding case and accents, phrases whole", () => {
    const text = "📣 Le café: Iran SOLD a limited number of drones";
    const search = parseSearchQuery('cafe "iran sold" dro*');
    const highlight = highlightField("quote", text, search.groups.flat());
    expect(highlight?.ranges.map((range) => text.slice(range.start, range.end))).toEqual([
      "café",
      "Iran SOLD",
      "drones",
    ]);
  });

  it("excerpts a long field around its first match, with its ranges in the excerpt", () => {
    const text = `${"Earlier words go here. ".repeat(40)}Then Malley spoke of drones. ${"Later words. ".repeat(40)}`;
    const highlight = highlightField("text", text, parseSearchQuery("malley drones").groups.flat());
    expect(highlight?.text.length).toBeLessThanOrEqual(242);
    expect(highlight?.text.startsWith("…")).toBe(true);
    expect(highlight?.text.endsWith("…")).toBe(true);
    expect(highlight?.ranges.map((range) => highlight.text.slice(range.start, range.end))).toEqual([
      "Malley",
      "drones",
    ]);
  });

  it("answers null when nothing matched", () => {
    expect(highlightField("title", "Iran and the drones", parseSearchQuery("russia").groups.flat())).toBeNull();
  });
});
