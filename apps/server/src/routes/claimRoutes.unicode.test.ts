import { type Article, isGraphemeBoundary, ZClaim, ZClaimList } from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";

// Issue 11, items 3 and 4: claims hold whole characters, and quotes compare as a reader reads them.

const { db, request } = await createTestApp();

const FAMILY = "👨‍👩‍👧";
const THUMB_MEDIUM = "👍🏽";
const UKRAINE = "🇺🇦";
const HANGUL_JAMO = "\u1100\u1161\u11a8"; // 각, written as three jamo

/** Composed text ("é" as U+00E9), as most articles store it. */
const COMPOSED = [
  "Le ministre a dit que le caf\u00e9 de Am\u00e9lie restait ouvert.",
  `The ${FAMILY} family gave it ${THUMB_MEDIUM} under the ${UKRAINE} flag.`,
  `Cafe\u0301 owners in Seoul (${HANGUL_JAMO}) agreed; Am\u00e9lie did not.`,
].join("\n");

function positionOf(text: string, exact: string, from = 0) {
  const start = text.indexOf(exact, from);
  if (start === -1) throw new Error(`"${exact}" is not in the text`);
  return { start, end: start + exact.length };
}

async function claimsOf(article: Pick<Article, "id">) {
  return ZClaimList.parse(await (await request("GET", `/api/articles/${article.id}/claims`)).json()).items;
}

describe("a selection that splits a character", () => {
  const family = COMPOSED.indexOf(FAMILY);
  const thumb = COMPOSED.indexOf(THUMB_MEDIUM);
  const flag = COMPOSED.indexOf(UKRAINE);
  const accent = COMPOSED.indexOf("Cafe\u0301") + 4;
  const jamo = COMPOSED.indexOf(HANGUL_JAMO);
  const cases: Array<[string, { start: number; end: number }, "starts" | "ends"]> = [
    ["ends between a letter and its combining accent", { start: accent - 4, end: accent }, "ends"],
    ["starts on a combining accent", { start: accent, end: accent + 8 }, "starts"],
    ["ends inside a ZWJ family emoji", { start: family - 4, end: family + 5 }, "ends"],
    ["starts inside a ZWJ family emoji", { start: family + 3, end: family + FAMILY.length + 7 }, "starts"],
    ["ends between an emoji and its skin tone", { start: thumb - 8, end: thumb + 2 }, "ends"],
    ["ends between a flag's regional indicators", { start: flag - 4, end: flag + 2 }, "ends"],
    ["ends inside Hangul jamo that make one syllable", { start: jamo, end: jamo + 2 }, "ends"],
    ["starts inside a surrogate pair", { start: thumb + 1, end: thumb + 10 }, "starts"],
  ];

  for (const [name, position, side] of cases) {
    it(`is refused with 422 when it ${name}, and nothing is stored`, async () => {
      const article = await buildArticle(db, { content: COMPOSED });
      const response = await expectUnchanged(db, () =>
        request("POST", `/api/articles/${article.id}/claims`, { selectors: { position } }),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toMatch(new RegExp(`selection ${side} inside a character`));
      expect(error.details).toMatchObject({ reason: "split_character", side: side === "starts" ? "start" : "end" });
      const { wholeCharacters } = error.details as { wholeCharacters: { start: number; end: number } };
      expect(isGraphemeBoundary(article.text, wholeCharacters.start)).toBe(true);
      expect(isGraphemeBoundary(article.text, wholeCharacters.end)).toBe(true);
      expect(await claimsOf(article)).toEqual([]);
    });
  }

  it("is refused even when the quote given with it is exactly what the position holds", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const position = { start: accent - 4, end: accent };
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, { selectors: { position, quote: { exact: "Cafe" } } }),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "split_character" });
  });

  it("accepts the same selection widened to whole characters", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const position = { start: family - 4, end: family + FAMILY.length };
    const response = await request("POST", `/api/articles/${article.id}/claims`, { selectors: { position } });
    expect(response.status).toBe(201);
    expect(ZClaim.parse(await response.json()).selectors.quote.exact).toBe(`The ${FAMILY}`);
  });

  it("is not found when a quote alone holds only part of a character", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact: "👨‍👩" } } }),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "not_found" });
  });

  it("is refused by POST /api/claims/:id/reattach too, and the claim is left as it was", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const claim = await buildClaim(db, article, "Le ministre");
    const response = await expectUnchanged(db, () =>
      request(
        "POST",
        `/api/claims/${claim.id}/reattach`,
        { selectors: { position: { start: family, end: family + 2 } } },
        { "If-Match": `"${claim.version}"` },
      ),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.message).toMatch(/selection ends inside a character/);
    expect(error.details).toMatchObject({ reason: "split_character", side: "end" });
  });
});

describe("a quote that differs from the text only in Unicode normalisation", () => {
  const decomposedQuote = "caf\u00e9 de Am\u00e9lie".normalize("NFD");

  async function expectStoredAsWritten(response: Response, article: Article, exact: string) {
    expect(response.status).toBe(201);
    const claim = ZClaim.parse(await response.json());
    const position = positionOf(article.text, exact);
    expect(claim.selectors.position).toEqual(position);
    expect(claim.selectors.quote.exact).toBe(exact);
    expect(claim.selectors.quote.exact).toBe(article.text.slice(position.start, position.end));
    const [listed] = await claimsOf(article);
    expect(listed?.selectors).toEqual(claim.selectors);
  }

  it("places a decomposed quote alone on composed text, stored with the article's own text and offsets", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const response = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { quote: { exact: decomposedQuote } },
    });
    await expectStoredAsWritten(response, article, "caf\u00e9 de Am\u00e9lie");
  });

  it("uses a decomposed prefix and suffix to tell a repeated name apart", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const response = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { quote: { exact: "Ame\u0301lie", prefix: "agreed; ", suffix: " did not" } },
    });
    expect(response.status).toBe(201);
    const claim = ZClaim.parse(await response.json());
    const second = positionOf(article.text, "Am\u00e9lie did not");
    expect(claim.selectors.position).toEqual({ start: second.start, end: second.start + "Am\u00e9lie".length });
    expect(claim.selectors.quote).toMatchObject({ exact: "Am\u00e9lie", prefix: expect.stringMatching(/agreed; $/) });
  });

  it("refuses a decomposed quote of a name that occurs twice as ambiguous, storing nothing", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, { selectors: { quote: { exact: "Ame\u0301lie" } } }),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "ambiguous", occurrences: expect.any(Array) });
  });

  it("accepts a position given with a decomposed quote of what it holds", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const position = positionOf(article.text, "caf\u00e9 de Am\u00e9lie");
    const response = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { position, quote: { exact: decomposedQuote } },
    });
    await expectStoredAsWritten(response, article, "caf\u00e9 de Am\u00e9lie");
  });

  it("places a composed quote on decomposed text, spanning the accents' own code units", async () => {
    const article = await buildArticle(db, { content: COMPOSED.normalize("NFD") });
    const response = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { quote: { exact: "le caf\u00e9 de" } },
    });
    await expectStoredAsWritten(response, article, "le cafe\u0301 de");
  });

  it("accepts a position counted over the normalised text of a decomposed article, stored at the article's offsets", async () => {
    const article = await buildArticle(db, { content: COMPOSED.normalize("NFD") });
    const counted = positionOf(COMPOSED, "le caf\u00e9 de");
    const response = await request("POST", `/api/articles/${article.id}/claims`, {
      selectors: { position: counted, quote: { exact: "le caf\u00e9 de" } },
    });
    await expectStoredAsWritten(response, article, "le cafe\u0301 de");
  });

  it("re-attaches a claim by a decomposed quote, with the article's own text", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const claim = await buildClaim(db, article, "Le ministre");
    const response = await request(
      "POST",
      `/api/claims/${claim.id}/reattach`,
      { selectors: { quote: { exact: decomposedQuote } } },
      { "If-Match": `"${claim.version}"` },
    );
    expect(response.status).toBe(200);
    const reattached = ZClaim.parse(await response.json());
    expect(reattached.selectors.quote.exact).toBe("caf\u00e9 de Am\u00e9lie");
    expect(reattached.selectors.position).toEqual(positionOf(article.text, "caf\u00e9 de Am\u00e9lie"));
  });

  it("still refuses a quote that is other text, even once normalised, and stores nothing", async () => {
    const article = await buildArticle(db, { content: COMPOSED });
    const position = positionOf(article.text, "caf\u00e9 de Am\u00e9lie");
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/claims`, {
        selectors: { position, quote: { exact: "cafe\u0300 de Ame\u0301lie" } },
      }),
    );
    const error = await expectApiError(response, 422, "UNPROCESSABLE");
    expect(error.details).toMatchObject({ reason: "quote_mismatch" });
  });
});
