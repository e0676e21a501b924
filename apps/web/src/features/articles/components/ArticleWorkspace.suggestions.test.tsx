import type { SuggestionsAnswer } from "@factmark/core";
import { type Article, UNCONCLUDED_ARTICLE } from "@factmark/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { buildClaim } from "../../../test/buildClaim";
import { paragraphs } from "../../../test/createTestEditor";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { ArticleWorkspace } from "./ArticleWorkspace";

const TEXT = [
  "Iran sold Russia a limited number of drones months before the war.",
  "Malley said Iran transferred dozens.",
];
const ARTICLE: Article = {
  id: "article-1",
  title: "Iran admits supplying Russia with drones",
  sourceUrl: null,
  outlet: null,
  author: null,
  publishedAt: null,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  doc: paragraphs(...TEXT),
  text: TEXT.join("\n"),
  ...UNCONCLUDED_ARTICLE,
};
const LIMITED = buildClaim(ARTICLE.text, "limited number of drones", "contradicted");
const MALLEY = TEXT[1] as string;
const start = ARTICLE.text.indexOf(MALLEY);
const SUGGESTIONS: SuggestionsAnswer = {
  version: 1,
  claims: [
    {
      selectors: {
        position: { start, end: start + MALLEY.length },
        quote: { exact: MALLEY, prefix: "", suffix: "" },
      },
      score: 0.8,
      reasons: ["a number", "an attribution: said"],
      speaker: { name: "Malley", how: "Malley said that …" },
    },
  ],
  contradictions: [],
};

function renderWorkspace(role: "viewer" | "reviewer") {
  const api = stubApi({
    "GET /api/articles/article-1/claims": { status: 200, body: { items: [LIMITED], deletedIds: [], cursor: 1 } },
    "GET /api/articles/article-1/links": { status: 200, body: { items: [] } },
    "GET /api/articles/article-1/suggestions": { status: 200, body: SUGGESTIONS },
  });
  renderWithQueryClient(
    <NoticeProvider>
      <ArticleWorkspace article={ARTICLE} />
    </NoticeProvider>,
    createTestQueryClient(role),
  );
  return api;
}

const suggestionHighlights = () => document.querySelectorAll(".article-text .suggestion-highlight");

describe("ArticleWorkspace's Suggestions tab", () => {
  it("draws suggestions in the text, faint and apart from claims, only while the tab is open", async () => {
    vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(() => {});
    const user = userEvent.setup();
    const api = renderWorkspace("reviewer");
    await screen.findByRole("textbox", { name: /Article text/ });
    // Nothing is asked for, nor drawn, until the tab opens.
    expect(api.requestsTo("GET /api/articles/article-1/suggestions")).toHaveLength(0);
    await user.click(screen.getByRole("tab", { name: /Suggestions/ }));
    expect(await screen.findByText(`“${MALLEY}”`)).toBeInTheDocument();
    await waitFor(() => expect(suggestionHighlights()).toHaveLength(1));
    const [drawn] = suggestionHighlights();
    expect(drawn?.textContent).toBe(MALLEY);
    expect(drawn?.closest("[data-claim-ids]")).toBeNull();
    expect(screen.getByRole("tab", { name: /Suggestions/ })).toHaveTextContent("Suggestions 1");
    await user.click(screen.getByRole("tab", { name: /Claims/ }));
    expect(suggestionHighlights()).toHaveLength(0);
    // The claim's own highlight stays.
    expect(document.querySelector(`[data-claim-ids~="${LIMITED.id}"]`)).not.toBeNull();
  });

  it("is not offered to a viewer, who may not mark claims", async () => {
    renderWorkspace("viewer");
    await screen.findByRole("textbox", { name: /Article text/ });
    expect(screen.queryByRole("tab", { name: /Suggestions/ })).toBeNull();
    expect(screen.getByRole("tab", { name: /Claims/ })).toBeInTheDocument();
  });
});
