import type { SuggestionsAnswer } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { useDeskShortcuts } from "../../articles/hooks/useDeskShortcuts";
import { useSuggestionDesk } from "../hooks/useSuggestionDesk";
import { SuggestionsPanel } from "./SuggestionsPanel";

const TEXT =
  "Iran sold a limited number of drones months before the war, Amir-Abdollahian said.\nMalley said Iran transferred dozens just this summer.";
const selectorsOf = (exact: string) => {
  const start = TEXT.indexOf(exact);
  return {
    position: { start, end: start + exact.length },
    quote: { exact, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(start + exact.length) },
  };
};
const MINISTER = "Iran sold a limited number of drones months before the war, Amir-Abdollahian said.";
const MALLEY = "Malley said Iran transferred dozens just this summer.";
const MINISTER_SPEAKER = { name: "Amir-Abdollahian", how: "quoted, then 'X said'" };
const MALLEY_SPEAKER = { name: "Malley", how: "Malley said that …" };

const SUGGESTIONS: SuggestionsAnswer = {
  version: 3,
  claims: [
    { selectors: selectorsOf(MALLEY), score: 0.8, reasons: ["a number", "a date"], speaker: MALLEY_SPEAKER },
    { selectors: selectorsOf(MINISTER), score: 0.7, reasons: ["a number", "a comparison"], speaker: MINISTER_SPEAKER },
  ],
  contradictions: [
    {
      a: { selectors: selectorsOf(MINISTER), speaker: MINISTER_SPEAKER },
      b: { selectors: selectorsOf(MALLEY), speaker: MALLEY_SPEAKER },
      type: "quantity",
      values: { a: "1–20 drones", b: "24+ drones" },
      score: 0.9,
      label: "disputed figure",
      reasons: ["different figures: 1–20 drones against 24+ drones", "the same subject: drones"],
    },
  ],
};

const claimAnswer = (id: string, exact: string) => ({
  id,
  articleId: "article-1",
  selectors: selectorsOf(exact),
  verdict: "unverified",
  speaker: null,
  rationale: "",
  isOrphaned: false,
  isAnchorUnconfirmed: false,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  createdBy: { id: "test-reviewer", name: "Test reviewer" },
});

/** The tab as the desk has it: its data and actions from the hook, and the desk's keys (j, k, a, x). */
function SuggestionsTab() {
  const desk = useSuggestionDesk("article-1", 3, true);
  const current = desk.items.find((item) => item.key === desk.currentKey);
  useDeskShortcuts({
    nextClaim: () => desk.step(1),
    previousClaim: () => desk.step(-1),
    acceptSuggestion: () => (current ? void desk.accept(current) : false),
    dismissSuggestion: () => (current ? void desk.dismiss(current) : false),
  });
  return <SuggestionsPanel desk={desk} onSelectClaim={vi.fn()} />;
}

describe("SuggestionsPanel", () => {
  it("lists check-worthy sentences with reasons and speakers, then candidates with both quotes, values and the label", async () => {
    stubApi({ "GET /api/articles/article-1/suggestions": { status: 200, body: SUGGESTIONS } });
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    expect(screen.getByRole("status")).toHaveTextContent("Loading suggestions…");
    const [sentences, candidates] = await screen.findAllByRole("list", { name: "" });
    const rows = within(sentences as HTMLElement).getAllByRole("listitem", { current: undefined });
    expect(screen.getByRole("heading", { name: "Check-worthy sentences (2)" })).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent(`“${MALLEY}”`);
    expect(rows[0]).toHaveTextContent("Malley (Malley said that …)");
    expect(within(rows[0] as HTMLElement).getByRole("list", { name: "Why" })).toHaveTextContent("a numbera date");
    expect(rows[0]).toHaveAttribute("aria-current", "true");
    const pair = within(candidates as HTMLElement).getAllByRole("listitem")[0] as HTMLElement;
    expect(pair).toHaveTextContent("Figures disagree");
    expect(pair).toHaveTextContent("disputed figure");
    expect(pair).toHaveTextContent("1–20 drones");
    expect(pair).toHaveTextContent("24+ drones");
    expect(pair).toHaveTextContent("Amir-Abdollahian (quoted, then 'X said')");
    expect(within(pair).getByRole("button", { name: "Mark both and link as contradicting" })).toBeInTheDocument();
  });

  it("accepts the current sentence with a as an unverified claim with its speaker, from a suggestion", async () => {
    const api = stubApi({
      // Asked again after the claim is made: the server no longer suggests a marked sentence.
      "GET /api/articles/article-1/suggestions": [
        { status: 200, body: SUGGESTIONS },
        { status: 200, body: { ...SUGGESTIONS, claims: SUGGESTIONS.claims.slice(1) } },
      ],
      "POST /api/articles/article-1/claims": { status: 201, body: claimAnswer("claim-1", MALLEY) },
    });
    const user = userEvent.setup();
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    await screen.findByRole("heading", { name: "Check-worthy sentences (2)" });
    await user.keyboard("a");
    await waitFor(() => expect(api.requestsTo("POST /api/articles/article-1/claims")).toHaveLength(1));
    expect(api.requestsTo("POST /api/articles/article-1/claims")[0]?.body).toEqual({
      selectors: selectorsOf(MALLEY),
      verdict: "unverified",
      speaker: "Malley",
      fromSuggestion: true,
    });
    // The row leaves the list; the next one is current.
    expect(await screen.findByRole("heading", { name: "Check-worthy sentences (1)" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem", { current: true })[0]).toHaveTextContent(MINISTER);
  });

  it("moves with j and k, and dismisses the current row with x on the version it was read from", async () => {
    const api = stubApi({
      "GET /api/articles/article-1/suggestions": { status: 200, body: SUGGESTIONS },
      "POST /api/articles/article-1/suggestions/dismissals": { status: 201, body: {} },
    });
    const user = userEvent.setup();
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    await screen.findByRole("heading", { name: "Check-worthy sentences (2)" });
    await user.keyboard("jjk");
    expect(screen.getAllByRole("listitem", { current: true })[0]).toHaveTextContent(MINISTER);
    await user.keyboard("x");
    await waitFor(() => expect(api.requestsTo("POST /api/articles/article-1/suggestions/dismissals")).toHaveLength(1));
    const [dismissal] = api.requestsTo("POST /api/articles/article-1/suggestions/dismissals");
    expect(dismissal?.body).toEqual({ selectors: selectorsOf(MINISTER) });
    expect(dismissal?.headers.get("If-Match")).toBe('"3"');
  });

  it("marks both sides of a candidate and links them as contradicting in one action", async () => {
    const withOneMarked: SuggestionsAnswer = {
      ...SUGGESTIONS,
      claims: [],
      contradictions: [{ ...(SUGGESTIONS.contradictions[0] as SuggestionsAnswer["contradictions"][0]) }],
    };
    const api = stubApi({
      "GET /api/articles/article-1/suggestions": { status: 200, body: withOneMarked },
      "POST /api/articles/article-1/claims": [
        { status: 201, body: claimAnswer("claim-a", MINISTER) },
        { status: 201, body: claimAnswer("claim-b", MALLEY) },
      ],
      "POST /api/articles/article-1/links": {
        status: 201,
        body: {
          id: "link-1",
          articleId: "article-1",
          fromClaimId: "claim-a",
          toClaimId: "claim-b",
          kind: "contradicts",
        },
      },
    });
    const user = userEvent.setup();
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    await user.click(await screen.findByRole("button", { name: "Mark both and link as contradicting A" }));
    await waitFor(() => expect(api.requestsTo("POST /api/articles/article-1/links")).toHaveLength(1));
    expect(api.requestsTo("POST /api/articles/article-1/claims").map((request) => request.body.speaker)).toEqual([
      "Amir-Abdollahian",
      "Malley",
    ]);
    expect(api.requestsTo("POST /api/articles/article-1/links")[0]?.body).toEqual({
      fromClaimId: "claim-a",
      toClaimId: "claim-b",
      kind: "contradicts",
      fromSuggestion: true,
    });
  });

  it("puts a refused row back and says why", async () => {
    stubApi({
      "GET /api/articles/article-1/suggestions": { status: 200, body: SUGGESTIONS },
      "POST /api/articles/article-1/claims": errorAnswer(422, "UNPROCESSABLE", "The quote is not at its position."),
    });
    const user = userEvent.setup();
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    await screen.findByRole("heading", { name: "Check-worthy sentences (2)" });
    await user.keyboard("a");
    expect(await screen.findByRole("alert")).toHaveTextContent("The quote is not at its position.");
    expect(screen.getByRole("heading", { name: "Check-worthy sentences (2)" })).toBeInTheDocument();
  });

  it("says when nothing is left, and offers to try again when the list could not be loaded", async () => {
    stubApi({
      "GET /api/articles/article-1/suggestions": [
        errorAnswer(503, "BUSY", "The server is busy."),
        { status: 200, body: { version: 3, claims: [], contradictions: [] } },
      ],
    });
    const user = userEvent.setup();
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    expect(await screen.findByRole("alert")).toHaveTextContent("The suggestions could not be loaded.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText(/No suggestions left for this version/)).toBeInTheDocument();
  });

  it("drops a suggestion someone else accepted first (409) and says by whom, without an error", async () => {
    stubApi({
      // Asked again afterwards: the server no longer suggests the sentence the other reviewer marked.
      "GET /api/articles/article-1/suggestions": [
        { status: 200, body: SUGGESTIONS },
        { status: 200, body: { ...SUGGESTIONS, claims: SUGGESTIONS.claims.slice(1) } },
      ],
      "POST /api/articles/article-1/claims": errorAnswer(409, "CONFLICT", "Already marked by Ana Ruiz: claim c9.", {
        reason: "already_marked",
        claimId: "c9",
        by: "Ana Ruiz",
      }),
    });
    const user = userEvent.setup();
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    await screen.findByRole("heading", { name: "Check-worthy sentences (2)" });
    await user.keyboard("a");
    expect(await screen.findByRole("status")).toHaveTextContent("Already marked by Ana Ruiz.");
    expect(screen.getByRole("heading", { name: "Check-worthy sentences (1)" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows nothing from an answer for another version of the article than the one shown", async () => {
    stubApi({ "GET /api/articles/article-1/suggestions": { status: 200, body: { ...SUGGESTIONS, version: 2 } } });
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    expect(await screen.findByText(/changed since these suggestions were found/)).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: /Check-worthy sentences/ })).not.toBeInTheDocument();
  });

  it("lists the best 100 sentences and 50 candidates of a long article, and 100 more with Show more", async () => {
    const claim = SUGGESTIONS.claims[0] as SuggestionsAnswer["claims"][0];
    const pair = SUGGESTIONS.contradictions[0] as SuggestionsAnswer["contradictions"][0];
    const many: SuggestionsAnswer = {
      version: 3,
      claims: Array.from({ length: 130 }, (_, at) => ({
        ...claim,
        selectors: { ...claim.selectors, position: { start: at * 10, end: at * 10 + 5 } },
      })),
      contradictions: Array.from({ length: 60 }, (_, at) => ({
        ...pair,
        a: { ...pair.a, selectors: { ...pair.a.selectors, position: { start: at * 10, end: at * 10 + 5 } } },
      })),
    };
    stubApi({ "GET /api/articles/article-1/suggestions": { status: 200, body: many } });
    const user = userEvent.setup();
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    expect(await screen.findByRole("heading", { name: "Check-worthy sentences (100 of 130)" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Contradiction candidates (50 of 60)" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show 30 more sentences" }));
    expect(screen.getByRole("heading", { name: "Check-worthy sentences (130)" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show 10 more candidates" }));
    expect(screen.getByRole("heading", { name: "Contradiction candidates (60)" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Show \d+ more/ })).not.toBeInTheDocument();
  }, 30_000);

  it("does not double a quote's own quotation marks, and cuts long values and reasons at a word", async () => {
    const said = "He said: “We never sold drones for the war.”";
    const longValue = `disputes the number of drones ${"and missiles ".repeat(12)}`;
    const pair = SUGGESTIONS.contradictions[0] as SuggestionsAnswer["contradictions"][0];
    stubApi({
      "GET /api/articles/article-1/suggestions": {
        status: 200,
        body: {
          version: 3,
          claims: [
            {
              ...(SUGGESTIONS.claims[0] as SuggestionsAnswer["claims"][0]),
              selectors: { ...selectorsOf(MALLEY), quote: { ...selectorsOf(MALLEY).quote, exact: said } },
            },
          ],
          contradictions: [{ ...pair, values: { a: longValue, b: "24+ drones" }, reasons: [longValue] }],
        },
      },
    });
    renderWithQueryClient(<SuggestionsTab />, createTestQueryClient("reviewer"));
    const [sentences, candidates] = await screen.findAllByRole("list", { name: "" });
    const row = within(sentences as HTMLElement).getAllByRole("listitem")[0] as HTMLElement;
    expect(row).toHaveTextContent("‘He said: “We never sold drones for the war.”’");
    expect(row.textContent).not.toContain("””");
    const candidate = within(candidates as HTMLElement).getAllByRole("listitem")[0] as HTMLElement;
    for (const cut of candidate.textContent?.match(/[^\s]*…/g) ?? []) {
      expect(longValue).toMatch(new RegExp(`(^|\\s)${cut.slice(0, -1)}(\\s|$)`));
    }
    expect(candidate.textContent).toMatch(/\w…/);
  });
});
