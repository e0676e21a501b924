import { describe, expect, it } from "vitest";
import { isGraphemeBoundary } from "../text/graphemeBoundaries";
import { buildOffsetMap, type OffsetMap } from "./buildOffsetMap";
import { generateEditedArticle } from "./generateEditedArticle";
import {
  found,
  isSameSentence,
  REANCHOR_THRESHOLDS,
  type ReanchorResult,
  reanchor,
  type SearchBudget,
} from "./reanchor";
import { reanchorAll, summarizeReanchoring } from "./reanchorAll";
import { selectorsForRange } from "./selectorsForRange";
import type { Selectors } from "./types";

/**
 * reanchorAll as it was before it looked only at the edited region: the whole texts diffed, every
 * search over the whole new text. The fast path must answer exactly this.
 */
function reanchorAllOverWholeTexts(
  claims: ReadonlyArray<{ selectors: Selectors }>,
  oldText: string,
  newText: string,
  searchBudget: SearchBudget = { remaining: REANCHOR_THRESHOLDS.maxSearchCostPerSave },
): ReanchorResult[] {
  if (oldText === newText) return claims.map(({ selectors }) => reanchor(selectors, newText, { searchBudget }));
  const offsets = buildOffsetMap(oldText, newText, { isWholeTextDiffed: true });
  let reverse: OffsetMap | undefined;
  const isOtherPassage = (old: Selectors) => (start: number, end: number) => {
    reverse ??= buildOffsetMap(newText, oldText, { isWholeTextDiffed: true });
    const allowed = Math.floor(old.quote.exact.length * (1 - REANCHOR_THRESHOLDS.minQuoteScore));
    let elsewhere = 0;
    for (const part of reverse.untouchedParts(start, end)) {
      const oldEnd = part.newStart + (part.end - part.start);
      const inside = Math.max(0, Math.min(oldEnd, old.position.end) - Math.max(part.newStart, old.position.start));
      elsewhere += oldEnd - part.newStart - inside;
      if (elsewhere > allowed) return true;
    }
    return false;
  };
  return claims.map(({ selectors }) => {
    const start = offsets.map(selectors.position.start, "start");
    const end = offsets.map(selectors.position.end, "end");
    const { exact } = selectors.quote;
    if (
      end - start === exact.length &&
      newText.startsWith(exact, start) &&
      isSameSentence(selectors, newText, start, end)
    )
      return found("exact", newText, start, end);
    return reanchor(selectors, newText, {
      expectedStart: start,
      expectedEnd: end,
      isOtherPassage: isOtherPassage(selectors),
      searchBudget,
    });
  });
}

/** mulberry32, as generateEditedArticle: the same edits on every run. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296) * below);
  };
}

const article = generateEditedArticle(700, 50, 7);

/**
 * Texts to edit, with how many claims and edits each: ordinary prose, prose with letters that lower-case
 * oddly and characters of several code units, and one letter repeated (where every claim matches
 * everywhere, so each costs a full search: fewer of them).
 */
const TEXTS = [
  { text: article.text, claimCount: 40, editCount: 120 },
  {
    text: [
      "İstanbul'un valisi açıkladı. ΣΟΦΙΑ ΚΑΙ ΟΔΟΣ are on the sign. The café\u0301 opened today 👍🏽 again.",
      "Iran sold a limited number of drones. Iran sold a limited number of drones.\r\n",
      "Robert Malley said Iran transferred dozens just this summer. 𐐀𐐁 Deseret words stand here.",
      "Any support for Russia is totally unfounded, the ambassador said. Totally Unfounded, he repeated.",
    ].join("\n"),
    claimCount: 40,
    editCount: 120,
  },
  { text: "a".repeat(300), claimCount: 6, editCount: 40 },
];

const SNIPPETS = [
  "",
  "X",
  " ",
  "\n",
  ". ",
  " indeed",
  "This sentence was rewritten entirely by the editor. ",
  "İ",
  "Σ",
  "e\u0301",
  "👍🏽",
  "\u{10400}",
  "aaaa",
];

/** Claims on `text`: ranges of whole words where it has words, else any ranges; a few with stale positions. */
function claimsOn(text: string, random: (below: number) => number, count: number): Array<{ selectors: Selectors }> {
  if (text.length === 0) return [];
  const words = [...text.matchAll(/[^\s]+/gu)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const claims: Array<{ selectors: Selectors }> = [];
  for (let index = 0; index < count; index += 1) {
    const first = words[random(words.length)] ?? { start: 0, end: 1 };
    const last = words[Math.min(words.length - 1, words.indexOf(first) + random(8))] ?? first;
    let { start } = first;
    let end = Math.max(last.end, start + 1);
    if (words.length === 1) {
      start = random(text.length - 1);
      end = Math.min(text.length, start + 1 + random(60));
    }
    const selectors = selectorsForRange(text, start, end);
    // One claim in four has a stale position, a few characters off its quote (stored against an older text).
    const drift = random(4) === 0 ? random(11) - 5 : 0;
    const position = { start: Math.max(0, start + drift), end: Math.max(0, end + drift) };
    claims.push({ selectors: { ...selectors, position } });
  }
  return claims;
}

/** One random edit of `text`: an insertion, deletion or replacement at its start, middle, end, a claim, or anywhere; or a case change or a move. */
function edit(text: string, claims: Array<{ selectors: Selectors }>, random: (below: number) => number): string {
  const claim = claims[random(Math.max(1, claims.length))]?.selectors;
  const places = [0, text.length >> 1, text.length, random(text.length + 1)];
  if (claim) places.push(claim.position.start, claim.position.end, (claim.position.start + claim.position.end) >> 1);
  const at = places[random(places.length)] as number;
  const length = Math.min(text.length - at, [0, 1, 5, 40, 200][random(5)] as number);
  const claimText = claim?.quote.exact ?? "";
  const snippet = [...SNIPPETS, claimText, ` ${claimText}. `][random(SNIPPETS.length + 2)] as string;
  switch (random(5)) {
    case 0:
      return text.slice(0, at) + snippet + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + length);
    case 2:
      return text.slice(0, at) + snippet + text.slice(at + length);
    case 3:
      return text.slice(0, at) + text.slice(at, at + length).toUpperCase() + text.slice(at + length);
    default: {
      const moved = text.slice(at, at + length);
      const rest = text.slice(0, at) + text.slice(at + length);
      const to = random(rest.length + 1);
      return rest.slice(0, to) + moved + rest.slice(to);
    }
  }
}

describe("reanchorAll", () => {
  it("answers what re-anchoring over the whole texts answers, for many random edits", () => {
    const random = seededRandom(16);
    let compared = 0;
    for (const { text, claimCount, editCount } of TEXTS) {
      const claims = claimsOn(text, random, claimCount);
      for (let round = 0; round < editCount; round += 1) {
        let edited = edit(text, claims, random);
        if (random(4) === 0) edited = edit(edited, claims, random);
        const fast = reanchorAll(claims, text, edited);
        const whole = reanchorAllOverWholeTexts(claims, text, edited);
        expect(fast, `edit ${round} of a text starting "${text.slice(0, 20)}"`).toEqual(whole);
        compared += claims.length;
      }
    }
    expect(compared).toBe(TEXTS.reduce((sum, { claimCount, editCount }) => sum + claimCount * editCount, 0));
  }, 60_000);

  it("answers the same on the benchmark's one-paragraph edit, with most claims exact", () => {
    const results = reanchorAll(article.claims, article.text, article.oneParagraphEdit);
    expect(results).toEqual(reanchorAllOverWholeTexts(article.claims, article.text, article.oneParagraphEdit));
    expect(summarizeReanchoring(results).exact).toBeGreaterThan(article.claims.length - 5);
  });

  it("copes with empty texts, edits at the very start and end, and a text of one repeated character", () => {
    const text = "a".repeat(100);
    const claims = [10, 0, 90].map((start) => ({ selectors: selectorsForRange(text, start, start + 10) }));
    for (const edited of ["", `b${text}`, `${text}b`, text.slice(1), text.slice(0, -1), "a".repeat(150), `${text}.`]) {
      expect(reanchorAll(claims, text, edited)).toEqual(reanchorAllOverWholeTexts(claims, text, edited));
    }
    expect(reanchorAll([], "", "")).toEqual([]);
    expect(reanchorAll([], "", "New text.")).toEqual([]);
    const appended = reanchorAll(claims, text, `${text} More.`);
    expect(appended.map((result) => result.status)).toEqual(["exact", "exact", "exact"]);
  });

  it("puts a claim after the edit where its quote moved, and one before it where it was", () => {
    const text = "First claim here. Second sentence to edit. Third claim here.";
    const claims = ["First claim", "Third claim"].map((quote) => {
      const start = text.indexOf(quote);
      return { selectors: selectorsForRange(text, start, start + quote.length) };
    });
    const edited = text.replace("to edit", "that the editor rewrote at length");
    const [first, third] = reanchorAll(claims, text, edited);
    expect(first).toMatchObject({ status: "exact", selectors: { position: { start: 0, end: 11 } } });
    const thirdStart = edited.indexOf("Third claim");
    expect(third).toMatchObject({
      status: "exact",
      selectors: { position: { start: thirdStart, end: thirdStart + 11 } },
    });
  });
});

describe("what the fast path relies on", () => {
  it("lower-cases every character alone as it does in context, but for İ and Σ (the caseless search lower-cases windows)", () => {
    const odd: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint += 1) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      const lower = character.toLowerCase();
      const isAlone =
        lower.length === character.length &&
        `A${character}A`.toLowerCase() === `a${lower}a` &&
        ` ${character} `.toLowerCase() === ` ${lower} ` &&
        `A${character} `.toLowerCase() === `a${lower} `;
      if (!isAlone) odd.push(character);
    }
    expect(odd).toEqual(["İ", "Σ"]);
  });

  it("finds a grapheme boundary between any two printable ASCII characters (found settles those without the segmenter)", () => {
    for (let before = 0x20; before <= 0x7e; before += 1) {
      for (let after = 0x20; after <= 0x7e; after += 1) {
        expect(isGraphemeBoundary(String.fromCharCode(before, after), 1)).toBe(true);
      }
    }
  });
});
