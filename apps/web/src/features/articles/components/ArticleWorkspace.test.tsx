import { type Article, type Claim, UNCONCLUDED_ARTICLE } from "@factmark/core";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { buildClaim } from "../../../test/buildClaim";
import { paragraphs } from "../../../test/createTestEditor";
import { installFakeEventSource } from "../../../test/FakeEventSource";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { useArticleEvents } from "../../live/hooks/useArticleEvents";
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
const DOZENS = buildClaim(ARTICLE.text, "transferred dozens", "supported");

function renderWorkspace(routes: Parameters<typeof stubApi>[0] = {}, Workspace = DefaultWorkspace) {
  const api = stubApi({
    // The first read is whole; later refreshes find nothing new.
    "GET /api/articles/article-1/claims": [
      { status: 200, body: { items: [LIMITED, DOZENS], deletedIds: [], cursor: 1 } },
      { status: 200, body: { items: [], deletedIds: [], cursor: 1 } },
    ],
    "GET /api/articles/article-1/links": { status: 200, body: { items: [] } },
    ...routes,
  });
  renderWithQueryClient(
    <NoticeProvider>
      <Workspace />
    </NoticeProvider>,
  );
  return api;
}

function DefaultWorkspace() {
  return <ArticleWorkspace article={ARTICLE} />;
}

/** The workspace as the article page gives it: with what its event stream tells. */
function LiveWorkspace() {
  return <ArticleWorkspace article={ARTICLE} live={useArticleEvents(ARTICLE.id)} />;
}

function highlightOf(claim: Claim): Element {
  const highlight = screen
    .getByRole("textbox", { name: /Article text/ })
    .querySelector(`[data-claim-ids~="${claim.id}"]`);
  if (!highlight) throw new Error(`No highlight for ${claim.id}.`);
  return highlight;
}

describe("ArticleWorkspace", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("shows a claim chosen in the sidebar as selected in the text, scrolled to the middle of the screen", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    const scrolledInText: [string | null, unknown][] = [];
    vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (this: Element, options) {
      if (this.closest(".article-text")) scrolledInText.push([this.textContent, options]);
    });
    await user.click(await screen.findByRole("button", { name: "Show claim in the text: “transferred dozens”" }));
    expect(highlightOf(DOZENS)).toHaveClass("claim-hl--selected");
    expect(highlightOf(LIMITED)).not.toHaveClass("claim-hl--selected");
    expect(scrolledInText).toEqual([["transferred dozens", { block: "center", behavior: "smooth" }]]);
  });

  it("scrolls the text to a claim chosen in the sidebar once its words are drawn as selected and its card is open", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    const quote = await screen.findByRole("button", { name: "Show claim in the text: “transferred dozens”" });
    // What the page shows when the text is scrolled: scrolling before the selection is drawn lays the page out once
    // more, and aims at words about to be drawn anew.
    const atScroll: { isSelected: boolean; isOpen: string | null }[] = [];
    vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (this: Element) {
      if (!this.closest(".article-text")) return;
      atScroll.push({
        isSelected: this.classList.contains("claim-hl--selected"),
        isOpen: quote.getAttribute("aria-expanded"),
      });
    });
    await user.click(quote);
    expect(atScroll).toEqual([{ isSelected: true, isOpen: "true" }]);
  });

  it("names the claim chosen in the address after the frame that shows it selected, not in the click", async () => {
    renderWorkspace();
    const quote = await screen.findByRole("button", { name: "Show claim in the text: “transferred dozens”" });
    const replaceState = vi.spyOn(window.history, "replaceState");
    fireEvent.click(quote);
    // The click's work done (render, effects): the selection is drawn, the address not written yet.
    expect(highlightOf(DOZENS)).toHaveClass("claim-hl--selected");
    expect(quote).toHaveAttribute("aria-expanded", "true");
    expect(replaceState).not.toHaveBeenCalled();
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("claim")).toBe(DOZENS.id));
  });

  it("restores a deleted claim with Ctrl+Z while the notice offers to undo, and not after", async () => {
    const user = userEvent.setup();
    const api = renderWorkspace({
      [`DELETE /api/claims/${DOZENS.id}`]: { status: 200, body: DOZENS },
      [`POST /api/claims/${DOZENS.id}/restore`]: { status: 200, body: DOZENS },
    });
    const list = await screen.findByRole("list", { name: "Claims in document order" });
    await user.click(within(list).getByRole("button", { name: "Delete claim “transferred dozens”" }));
    expect(await screen.findByText("Claim deleted.")).toBeInTheDocument();
    expect(within(list).queryByRole("button", { name: "Show claim in the text: “transferred dozens”" })).toBeNull();
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    expect(await screen.findByText("Claim restored.")).toBeInTheDocument();
    expect(within(list).getByRole("button", { name: "Show claim in the text: “transferred dozens”" })).toBeVisible();
    fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    expect(api.requestsTo(`POST /api/claims/${DOZENS.id}/restore`)).toHaveLength(1);
  });

  it("shows who else is on a claim, says quietly who changed the claim open, and tells the others which one it is", async () => {
    const user = userEvent.setup();
    const events = installFakeEventSource();
    const ana = { id: "ana", name: "Ana Reviewer" };
    const api = renderWorkspace(
      {
        "GET /api/articles/article-1/claims": ({ query }) => ({
          status: 200,
          body: query.has("since")
            ? { items: [{ ...DOZENS, verdict: "contradicted", version: 2 }], deletedIds: [], cursor: 2 }
            : { items: [LIMITED, DOZENS], deletedIds: [], cursor: 1 },
        }),
        [`GET /api/claims/${DOZENS.id}/history`]: { status: 200, body: { items: [], undoableEventId: null } },
        [`GET /api/claims/${DOZENS.id}/evidence`]: { status: 200, body: { items: [] } },
        "POST /api/articles/article-1/presence": { status: 204 },
      },
      LiveWorkspace,
    );
    await screen.findByRole("button", { name: "Show claim in the text: “transferred dozens”" });
    const stream = events.latest();
    stream.send("hello", { connectionId: "c1", changeNumber: 1 });
    stream.send("presence", { viewers: [{ ...ana, claimIds: [LIMITED.id] }] });
    const cardOf = (claim: Claim) => document.querySelector(`.claim-card[data-claim-id="${claim.id}"]`) as HTMLElement;
    expect(cardOf(LIMITED)).toHaveTextContent("Ana Reviewer is looking at this");
    expect(cardOf(DOZENS)).not.toHaveTextContent("looking at this");

    await user.click(screen.getByRole("button", { name: "Show claim in the text: “transferred dozens”" }));
    await waitFor(() =>
      expect(api.requestsTo("POST /api/articles/article-1/presence").map((request) => request.body)).toEqual([
        { connectionId: "c1", claimId: DOZENS.id },
      ]),
    );

    stream.send("change", { changeNumber: 2, actions: ["claim.verdict_changed"], claimIds: [DOZENS.id], by: ana }, "2");
    await waitFor(() =>
      expect(within(cardOf(DOZENS)).getByRole("combobox", { name: "Verdict" })).toHaveValue("contradicted"),
    );
    expect(within(cardOf(DOZENS)).getByRole("status")).toHaveTextContent("Changed by Ana Reviewer just now");
    expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  });

  it("opens the conclusion and publishing beside the text, and a blocking claim's button selects it in the sidebar", async () => {
    const user = userEvent.setup();
    renderWorkspace({
      "GET /api/articles/article-1/speakers": { status: 200, body: { items: [] } },
      "POST /api/articles/article-1/publications": {
        status: 409,
        body: {
          error: {
            code: "CONFLICT",
            message: "Not every claim is approved.",
            details: {
              blockers: [{ claimId: DOZENS.id, number: 2, reason: "Claim 2 is ready for review, not approved." }],
            },
          },
        },
      },
    });
    const publishTab = screen.getByRole("tab", { name: "Publish" });
    await user.click(publishTab);
    expect(publishTab).toHaveAttribute("aria-selected", "true");
    const panel = screen.getByRole("tabpanel", { name: "Publish" });
    expect(within(panel).getByText("Not published")).toBeVisible();
    // The article stays in view beside the panel.
    expect(screen.getByRole("textbox", { name: /Article text/ })).toBeVisible();

    await user.click(within(panel).getByRole("button", { name: "Publish" }));
    await user.click(await within(panel).findByRole("button", { name: "Show claim 2" }));
    expect(screen.getByRole("tab", { name: /Claims/ })).toHaveAttribute("aria-selected", "true");
    expect(highlightOf(DOZENS)).toHaveClass("claim-hl--selected");
  });
});
