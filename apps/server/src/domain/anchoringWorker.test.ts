import { type ReanchorResult, reanchorAll, type Selectors, selectorsForRange } from "@factmark/core";
import { describe, expect, it } from "vitest";
import {
  packClaims,
  packPlacements,
  packTexts,
  reanchorClaims,
  unpackClaims,
  unpackPlacements,
  unpackTexts,
} from "./anchoringWorker";

/** What crossing to a worker thread does to a value. */
const crossed = <T>(value: T): T => structuredClone(value);

const claimAt = (text: string, exact: string, from = 0) => {
  const start = text.indexOf(exact, from);
  if (start === -1) throw new Error(`"${exact}" is not in the text.`);
  return { selectors: selectorsForRange(text, start, start + exact.length) };
};

const quote = (
  exact: string,
  prefix: string,
  suffix: string,
  start: number,
  end: number,
): { selectors: Selectors } => ({
  selectors: { position: { start, end }, quote: { exact, prefix, suffix } },
});

describe("packTexts", () => {
  it("brings back every code unit: Latin-1, emoji, combining marks, a lone surrogate, nothing at all", () => {
    const texts = [
      "Plain ASCII and café, naïve, ÿ.",
      "",
      "An emoji 👩🏽‍⚕️, e\u0301, Σίσυφος, İstanbul, and a lone \ud800 surrogate \udc00.",
      "\u0000\u00ff",
    ];
    expect(unpackTexts(crossed(packTexts(texts)))).toEqual(texts);
    expect(unpackTexts(crossed(packTexts([texts[0] as string])))).toEqual([texts[0]]);
    expect(packTexts([texts[0] as string]).encoding).toBe("latin1");
    expect(packTexts(texts).encoding).toBe("utf16le");
  });
});

describe("packClaims", () => {
  const text = "Iran sold a limited number of drones months before the war. Malley said dozens. 👩🏽‍⚕️ said so too.";

  it("brings back each claim's selectors, whether its quote is the text's words at its place or not", () => {
    const claims = [
      claimAt(text, "Iran sold"), // at the start: no prefix
      claimAt(text, "limited number of drones"),
      claimAt(text, "said so too."), // at the end: no suffix
      claimAt(text, "👩🏽‍⚕️"),
      // Quotes the text has at their place, with context cut short.
      quote("drones", "of ", "", 30, 36),
      quote("drones", "", " months", 30, 36),
      quote("", "", "", 0, 0),
      // Stored quotes the text does not have at their place: an edited exact, prefix or suffix, shifted ends, ends
      // past the text's.
      quote("limited number of armed drones", "Iran sold a ", " months", 12, 42),
      quote("Malley", "THE WAR. ", " said", 60, 66),
      quote("Malley", "war. ", " SAID", 60, 66),
      quote("Malley", "war. ", " said", 61, 67),
      quote("dozens", "said ", ".", 200, 206),
    ];
    const packed = crossed(packClaims(claims, text));
    expect(Array.from(packed.isInText)).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(unpackClaims(packed, text)).toEqual(claims);
  });

  it("brings back no claims as none", () => {
    expect(unpackClaims(crossed(packClaims([], text)), text)).toEqual([]);
  });
});

describe("packPlacements", () => {
  it("brings back every result as reanchorAll answered it, orphans with their reason", () => {
    const claims = [quote("alpha", "", " beta", 0, 5), quote("beta", "alpha ", " gamma", 6, 10)];
    const results: ReanchorResult[] = [{ status: "orphaned", reason: "search_too_costly" }, { status: "orphaned" }];
    expect(unpackPlacements(claims, crossed(packPlacements(claims, results)))).toEqual(results);
  });

  it("brings back each kind of result, with the claim's quote or another", () => {
    const claims = [quote("alpha", "", " beta", 0, 5), quote("beta", "alpha ", " gamma", 6, 10)];
    const [alpha, beta] = claims.map(({ selectors }) => selectors.quote) as [Selectors["quote"], Selectors["quote"]];
    const results: ReanchorResult[] = [
      { status: "exact", selectors: { position: { start: 12, end: 17 }, quote: { ...alpha } } },
      { status: "moved", selectors: { position: { start: 40, end: 44 }, quote: { ...beta, prefix: "omega " } } },
    ];
    expect(unpackPlacements(claims, crossed(packPlacements(claims, results)))).toEqual(results);
    const edited: ReanchorResult[] = [
      { status: "fuzzy", selectors: { position: { start: 0, end: 6 }, quote: { ...alpha, exact: "alpha!" } } },
      { status: "exact", selectors: { position: { start: 7, end: 11 }, quote: { ...beta, suffix: "" } } },
    ];
    expect(unpackPlacements(claims, crossed(packPlacements(claims, edited)))).toEqual(edited);
  });

  it("brings back the results of an edit: claims carried along, edited and orphaned", () => {
    const sentences = Array.from(
      { length: 40 },
      (_, index) => `Sentence ${index} says that the council spent ${index * 7 + 3} thousand on item ${index}.`,
    );
    const oldText = sentences.join(" ");
    const edited = [...sentences];
    edited[10] = (edited[10] as string).replace("council spent", "council wasted");
    edited.splice(20, 1);
    edited.unshift("A new first sentence moves everything after it.");
    const newText = `${edited.join(" ")} 👍`;
    const claims = [0, 5, 10, 20, 30, 39].map((index) => claimAt(oldText, (sentences[index] as string).slice(0, -1)));
    const results = reanchorAll(claims, oldText, newText);
    expect(results.map((result) => result.status)).toEqual(["exact", "exact", "fuzzy", "orphaned", "exact", "exact"]);
    expect(unpackPlacements(claims, crossed(packPlacements(claims, results)))).toEqual(results);
  });
});

describe("reanchorClaims", () => {
  it("answers what reanchorAll answers, for the claims and texts it is sent packed", async () => {
    const oldText = "Iran sold drones. Malley said dozens. Iravani called it unfounded. İ and Σ stay.";
    const newText =
      "Reportedly, Iran sold armed drones. Malley said dozens. Iravani called it unfounded. İ and Σ stay.";
    const claims = [
      claimAt(oldText, "Iran sold drones"),
      claimAt(oldText, "said dozens"),
      claimAt(oldText, "İ and Σ"),
      quote("unfounded", "Iravani called it ", ".", 57, 66),
    ];
    const answer = await reanchorClaims({
      input: crossed({ texts: packTexts([oldText, newText]), claims: packClaims(claims, oldText) }),
    });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(unpackPlacements(claims, crossed(answer.value))).toEqual(reanchorAll(claims, oldText, newText));
  });
});
