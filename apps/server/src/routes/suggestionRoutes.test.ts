import { describeChangeEvent, ZClaimHistory } from "@factmark/core";
import { ZSuggestionDismissal, ZSuggestions } from "@factmark/core/suggestions";
import { afterAll, describe, expect, it } from "vitest";
import { findSuggestionState } from "../repositories/suggestionDismissalRepository";
import { computeSuggestions } from "../services/suggestions/computeSuggestions";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { closeHeavyWork } from "../work/heavyWork";

const { db, request, as, userFor } = await createTestApp();
// Accounts are rows too: made before any test compares what is stored.
for (const role of ["viewer", "reviewer", "editor"] as const) await userFor(role);
afterAll(closeHeavyWork);

const MALLEY = "Robert Malley said Iran transferred dozens just this summer.";
const MINISTER = "Iran sold a limited number of drones months before the Ukraine war, said Amir-Abdollahian.";
const IRAVANI = "Iravani called any support for Russia totally unfounded.";

async function suggestionsOf(articleId: string, headers: Record<string, string> = {}) {
  const response = await as("reviewer").request("GET", `/api/articles/${articleId}/suggestions`, undefined, headers);
  expect(response.status).toBe(200);
  return { etag: response.headers.get("etag") as string, body: ZSuggestions.parse(await response.json()) };
}

const dismissalCount = () => db.suggestionDismissal.count();

describe("GET /api/articles/:id/suggestions", () => {
  it("suggests the article's sentences as selectors on its text, best first, with reasons and speakers", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const { body, etag } = await suggestionsOf(article.id);
    expect(body.version).toBe(article.version);
    expect(etag).toMatch(/^W\/"/);
    expect(body.claims.map((claim) => claim.selectors.quote.exact)).toEqual([MINISTER, MALLEY, IRAVANI]);
    for (const claim of body.claims) {
      const { start, end } = claim.selectors.position;
      expect(article.text.slice(start, end)).toBe(claim.selectors.quote.exact);
    }
    expect(body.claims[0]).toMatchObject({
      reasons: expect.arrayContaining(["a number", "a date", "an attribution: said"]),
      speaker: { name: "Amir-Abdollahian", how: "'…, said Amir-Abdollahian'" },
    });
    expect(body.claims[1]).toMatchObject({ speaker: { name: "Robert Malley" } });
    expect(body.claims[2]?.reasons).toContain("a denial");
    expect(body.contradictions[0]).toMatchObject({
      a: { selectors: { quote: { exact: MINISTER } }, speaker: { name: "Amir-Abdollahian" } },
      b: { selectors: { quote: { exact: MALLEY } }, speaker: { name: "Robert Malley" } },
      type: "date",
      values: { a: "before the Ukraine war" },
    });
  });

  it("changes nothing stored, and answers 304 to its ETag until a claim is marked", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const { etag } = await expectUnchanged(db, async () => {
      const first = await suggestionsOf(article.id);
      return new Response(null, { headers: { etag: first.etag } });
    }).then((response) => ({ etag: response.headers.get("etag") as string }));
    const again = await as("reviewer").request("GET", `/api/articles/${article.id}/suggestions`, undefined, {
      "If-None-Match": etag,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);

    const marked = await buildClaim(db, article, MALLEY);
    const after = await suggestionsOf(article.id, { "If-None-Match": etag });
    expect(after.etag).not.toBe(etag);
    // The marked sentence is no longer suggested; it takes part in the candidates as the claim it is.
    expect(after.body.claims.map((claim) => claim.selectors.quote.exact)).toEqual([MINISTER, IRAVANI]);
    // Marked without a speaker, it keeps the one its sentence names.
    expect(after.body.contradictions[0]?.b).toMatchObject({ claimId: marked.id, speaker: { name: "Robert Malley" } });
  });

  it("leaves out a candidate pair once both claims are linked as contradicting", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const minister = await buildClaim(db, article, MINISTER);
    const malley = await buildClaim(db, article, MALLEY);
    expect((await suggestionsOf(article.id)).body.contradictions).toHaveLength(1);
    const linked = await request("POST", `/api/articles/${article.id}/links`, {
      fromClaimId: minister.id,
      toClaimId: malley.id,
      kind: "contradicts",
    });
    expect(linked.status).toBe(201);
    expect((await suggestionsOf(article.id)).body.contradictions).toEqual([]);
  });

  it("is for reviewers and up: a viewer gets 403, no session 401, changing nothing", async () => {
    const article = await buildArticle(db);
    const url = `/api/articles/${article.id}/suggestions`;
    await expectApiError(await expectUnchanged(db, () => as("viewer").request("GET", url)), 403, "FORBIDDEN");
    await expectApiError(await as("anonymous").request("GET", url), 401, "UNAUTHENTICATED");
    for (const role of ["reviewer", "editor", "admin"] as const) {
      expect((await as(role).request("GET", url)).status).toBe(200);
    }
  });

  it("answers 404 for an article not there, or deleted", async () => {
    await expectApiError(await request("GET", "/api/articles/missing/suggestions"), 404, "NOT_FOUND");
    const article = await buildArticle(db);
    await request("DELETE", `/api/articles/${article.id}`);
    await expectApiError(await request("GET", `/api/articles/${article.id}/suggestions`), 404, "NOT_FOUND");
  });
});

describe("POST /api/articles/:id/suggestions/dismissals", () => {
  it("leaves a dismissed span out for every reviewer on this version; dismissing it again stores nothing", async () => {
    const article = await buildArticle(db);
    const { body, etag } = await suggestionsOf(article.id);
    const iravani = body.claims.find((claim) => claim.selectors.quote.exact === IRAVANI);
    const response = await as("reviewer").request(
      "POST",
      `/api/articles/${article.id}/suggestions/dismissals`,
      { selectors: iravani?.selectors },
      { "If-Match": `"${article.version}"` },
    );
    expect(response.status).toBe(201);
    const dismissal = ZSuggestionDismissal.parse(await response.json());
    expect(dismissal).toMatchObject({
      articleVersion: article.version,
      position: iravani?.selectors.position,
      pairedWith: null,
    });
    const after = await as("editor").request("GET", `/api/articles/${article.id}/suggestions`, undefined, {
      "If-None-Match": etag,
    });
    expect(after.status).toBe(200);
    const shown = ZSuggestions.parse(await after.json());
    expect(shown.claims.map((claim) => claim.selectors.quote.exact).sort()).toEqual([MINISTER, MALLEY]);

    const count = await dismissalCount();
    const again = await request("POST", `/api/articles/${article.id}/suggestions/dismissals`, {
      selectors: { position: iravani?.selectors.position },
    });
    expect(again.status).toBe(200);
    expect(ZSuggestionDismissal.parse(await again.json()).id).toBe(dismissal.id);
    expect(await dismissalCount()).toBe(count);
  });

  it("keeps dismissals and the computed suggestions across a title edit; only a text edit resets them", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const { body } = await suggestionsOf(article.id);
    const iravani = body.claims.find((claim) => claim.selectors.quote.exact === IRAVANI);
    const dismissed = await request("POST", `/api/articles/${article.id}/suggestions/dismissals`, {
      selectors: iravani?.selectors,
    });
    expect(dismissed.status).toBe(201);
    const state = await findSuggestionState(db, article.id);
    const computedBefore = state && (await computeSuggestions(db, article.id, state));

    const retitled = await request(
      "PATCH",
      `/api/articles/${article.id}`,
      { title: "A new title" },
      {
        "If-Match": `"${article.version}"`,
      },
    );
    expect(retitled.status).toBe(200);
    const afterTitle = await suggestionsOf(article.id);
    // The answer names the version its offsets are on (the article's ETag), which the title edit moved.
    expect(afterTitle.body.version).toBe(article.version + 1);
    expect(afterTitle.body.claims.map((claim) => claim.selectors.quote.exact)).toEqual([MINISTER, MALLEY]);
    const stateAfter = await findSuggestionState(db, article.id);
    const computedAfter = stateAfter && (await computeSuggestions(db, article.id, stateAfter));
    // Not computed again: the engine's answer for the same text, claims and links is reused.
    expect(computedAfter?.suggestions).toBe(computedBefore?.suggestions);
  });

  it("refuses (422) to dismiss a span that is neither a suggestion nor part of a candidate, storing nothing", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const start = article.text.indexOf("dozens");
    for (const body of [
      { selectors: { position: { start, end: start + "dozens".length } } },
      { selectors: { quote: { exact: MINISTER } }, pairedWith: { quote: { exact: IRAVANI } } },
    ]) {
      const response = await expectUnchanged(db, () =>
        request("POST", `/api/articles/${article.id}/suggestions/dismissals`, body),
      );
      const error = await expectApiError(response, 422, "UNPROCESSABLE");
      expect(error.message).toMatch(/not (a suggestion|a contradiction candidate)/);
      expect(error.details).toMatchObject({ reason: "not_suggested" });
    }
  });

  it("sets a contradiction candidate aside by its pair, in either order, keeping both sentences suggested", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const [candidate] = (await suggestionsOf(article.id)).body.contradictions;
    const response = await request("POST", `/api/articles/${article.id}/suggestions/dismissals`, {
      selectors: { quote: { exact: candidate?.b.selectors.quote.exact } },
      pairedWith: { position: candidate?.a.selectors.position },
    });
    expect(response.status).toBe(201);
    const { body } = await suggestionsOf(article.id);
    expect(body.contradictions).toEqual([]);
    expect(body.claims).toHaveLength(3);
  });

  it.each([
    ["no selectors", {}, 400, "VALIDATION_FAILED"],
    ["an empty selection", { selectors: { position: { start: 3, end: 3 } } }, 400, "VALIDATION_FAILED"],
    [
      "an unknown key",
      { selectors: { position: { start: 0, end: 4 } }, verdict: "supported" },
      400,
      "VALIDATION_FAILED",
    ],
    ["a quote not in the text", { selectors: { quote: { exact: "Iran bought" } } }, 422, "UNPROCESSABLE"],
    [
      "a quote not at its position",
      { selectors: { position: { start: 0, end: 4 }, quote: { exact: "said" } } },
      422,
      "UNPROCESSABLE",
    ],
    ["a span past the text's end", { selectors: { position: { start: 0, end: 100_000 } } }, 422, "UNPROCESSABLE"],
    [
      "a pair of one span",
      { selectors: { position: { start: 0, end: 4 } }, pairedWith: { position: { start: 0, end: 4 } } },
      422,
      "UNPROCESSABLE",
    ],
  ] as const)("refuses %s with %i, storing nothing", async (_label, body, status, code) => {
    const article = await buildArticle(db);
    const count = await dismissalCount();
    const response = await expectUnchanged(db, () =>
      request("POST", `/api/articles/${article.id}/suggestions/dismissals`, body),
    );
    await expectApiError(response, status, code);
    expect(await dismissalCount()).toBe(count);
  });

  it("refuses offsets read from another version (412), a viewer (403) and a missing article (404), storing nothing", async () => {
    const article = await buildArticle(db);
    const url = `/api/articles/${article.id}/suggestions/dismissals`;
    const body = { selectors: { position: { start: 0, end: 4 } } };
    const count = await dismissalCount();
    const stale = await expectUnchanged(db, () => request("POST", url, body, { "If-Match": '"99"' }));
    await expectApiError(stale, 412, "PRECONDITION_FAILED");
    await expectApiError(await expectUnchanged(db, () => as("viewer").request("POST", url, body)), 403, "FORBIDDEN");
    const missing = await expectUnchanged(db, () =>
      request("POST", "/api/articles/missing/suggestions/dismissals", body),
    );
    await expectApiError(missing, 404, "NOT_FOUND");
    expect(await dismissalCount()).toBe(count);
  });
});

describe("accepting a suggestion", () => {
  it("records the claim and the link as the reviewer's, 'from a suggestion', in both claims' history", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const [candidate] = (await suggestionsOf(article.id)).body.contradictions;
    const ids: string[] = [];
    for (const side of [candidate?.a, candidate?.b]) {
      const created = await as("reviewer").request("POST", `/api/articles/${article.id}/claims`, {
        selectors: side?.selectors,
        speaker: side?.speaker?.name,
        fromSuggestion: true,
      });
      expect(created.status).toBe(201);
      ids.push(((await created.json()) as { id: string }).id);
    }
    const link = await as("reviewer").request("POST", `/api/articles/${article.id}/links`, {
      fromClaimId: ids[0],
      toClaimId: ids[1],
      kind: "contradicts",
      fromSuggestion: true,
    });
    expect(link.status).toBe(201);
    for (const id of ids) {
      const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${id}/history`)).json());
      expect(history.items.map((item) => [item.by.name, describeChangeEvent(item)])).toEqual([
        ["Test reviewer", expect.stringMatching(/^linked it as contradicting “.+”, from a suggestion$/)],
        ["Test reviewer", "marked the claim as Unverified, from a suggestion"],
      ]);
    }
    const { body } = await suggestionsOf(article.id);
    expect(body.claims.map((claim) => claim.selectors.quote.exact)).toEqual([IRAVANI]);
    expect(body.contradictions).toEqual([]);
  });

  it("marks a suggestion once when reviewers accept it at the same time: the others get 409 naming the claim", async () => {
    const article = await buildArticle(db, { publishedAt: "2022-11-05" });
    const [suggestion] = (await suggestionsOf(article.id)).body.claims;
    const accept = () =>
      as("reviewer").request("POST", `/api/articles/${article.id}/claims`, {
        selectors: suggestion?.selectors,
        fromSuggestion: true,
      });
    const answers = await Promise.all([accept(), accept(), accept(), accept()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    const created = (await answers.find((answer) => answer.status === 201)?.json()) as { id: string };
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      const error = await expectApiError(refused, 409, "CONFLICT");
      expect(error.message).toMatch(/^Already marked by Test reviewer/);
      expect(error.details).toMatchObject({ reason: "already_marked", claimId: created.id, by: "Test reviewer" });
    }
    // A fifth, later, is refused too, storing nothing; marking the same words by hand is still allowed.
    await expectUnchanged(db, async () => {
      const late = await accept();
      expect(late.status).toBe(409);
      return late;
    });
    expect(await db.claim.count({ where: { articleId: article.id, deletedAt: null } })).toBe(1);
    const byHand = await as("reviewer").request("POST", `/api/articles/${article.id}/claims`, {
      selectors: suggestion?.selectors,
    });
    expect(byHand.status).toBe(201);
  });

  it("records a claim marked by hand without the flag", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, IRAVANI);
    const history = ZClaimHistory.parse(await (await request("GET", `/api/claims/${claim.id}/history`)).json());
    expect(history.items.map((item) => describeChangeEvent(item))).toEqual(["marked the claim as Unverified"]);
  });
});
