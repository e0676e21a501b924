import type { Claim } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { buildArticle } from "../../../test/buildArticle";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { NARROW_DESK_QUERY } from "../hooks/useIsNarrowDesk";
import { ArticleWorkspace } from "./ArticleWorkspace";

const TEXT = [
  "Iran sold Russia a limited number of drones months before the war.",
  "Malley said Iran transferred dozens.",
];
const ARTICLE = buildArticle({ version: 2 }, TEXT.join("\n"));
const LIMITED = buildClaim(ARTICLE.text, "limited number of drones", "contradicted");
const DOZENS = buildClaim(ARTICLE.text, "transferred dozens", "supported");
// Its words were edited away: it lives in the list of orphans, not in the text.
const ORPHAN = buildClaim(ARTICLE.text, "months before the war", "unverified", {
  isOrphaned: true,
  speaker: "Amir-Abdollahian",
});

/** The workspace at `/articles/article-1?<search>`, in a window as wide as a phone's (`isNarrow`) or a desk's. */
function renderAt(search: string, { isNarrow }: { isNarrow: boolean }, claims: Claim[] = [LIMITED, DOZENS, ORPHAN]) {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: isNarrow && query === NARROW_DESK_QUERY,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  stubApi({
    "GET /api/articles/article-1/claims": { status: 200, body: { items: claims, deletedIds: [], cursor: 1 } },
    "GET /api/articles/article-1/links": { status: 200, body: { items: [] } },
  });
  const location = memoryLocation({ path: "/articles/article-1", searchPath: search, static: true });
  renderWithQueryClient(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <NoticeProvider>
        <ArticleWorkspace article={ARTICLE} />
      </NoticeProvider>
    </Router>,
  );
}

const orphanEntry = async () =>
  within(await screen.findByRole("region", { name: "No longer in the text (1)" })).getAllByRole("listitem")[0];

describe("ArticleWorkspace, opening the claim its address names", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("selects an orphan the address names as it would a claim in the text: marked as selected, its details shown", async () => {
    renderAt(`claim=${ORPHAN.id}`, { isNarrow: false });
    const entry = await orphanEntry();
    await waitFor(() => expect(entry).toHaveAttribute("aria-current", "true"));
    expect(within(entry as HTMLElement).getByRole("combobox", { name: "Speaker" })).toHaveValue("Amir-Abdollahian");
    expect(within(entry as HTMLElement).getByText(/Marked by Local reviewer/)).toBeInTheDocument();
    expect(document.querySelector(".claim-card--selected")).toBeNull();
  });

  it("on a phone, opens the drawer with the focus on the claim it opened, without scrolling the page", async () => {
    const focus = vi.spyOn(HTMLElement.prototype, "focus");
    renderAt(`claim=${DOZENS.id}`, { isNarrow: true });
    const opened = await screen.findByRole("button", { name: "Show claim in the text: “transferred dozens”" });
    expect(screen.getByRole("button", { name: "Close claims" })).toHaveAttribute("aria-expanded", "true");
    await waitFor(() => expect(opened).toHaveFocus());
    expect(focus.mock.contexts.indexOf(opened)).not.toBe(-1);
    expect(focus.mock.calls[focus.mock.contexts.indexOf(opened)]).toEqual([{ preventScroll: true }]);
    expect(screen.getByRole("complementary", { name: "Claims and contradictions" })).toContainElement(opened);
  });

  it("on a phone, opens the drawer with the focus on an orphan it opened", async () => {
    renderAt(`claim=${ORPHAN.id}`, { isNarrow: true });
    const entry = (await orphanEntry()) as HTMLElement;
    await waitFor(() => expect(entry.contains(document.activeElement)).toBe(true));
    expect(document.activeElement).toHaveTextContent("months before the war");
  });

  it("on a desk's width, where nothing opened, leaves the focus where it was", async () => {
    renderAt(`claim=${DOZENS.id}`, { isNarrow: false });
    await waitFor(() =>
      expect(document.querySelector(".claim-card--selected")).toHaveTextContent("transferred dozens"),
    );
    // Past the frame after which a phone's drawer takes the focus.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.body).toHaveFocus();
  });
});
