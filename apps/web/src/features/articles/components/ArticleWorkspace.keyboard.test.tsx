import { type Article, type Claim, UNCONCLUDED_ARTICLE } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { describe, expect, it, onTestFinished } from "vitest";
import { NoticeProvider } from "../../../components/NoticeProvider";
import { useNotice } from "../../../components/useNotice";
import { buildClaim } from "../../../test/buildClaim";
import { paragraphs } from "../../../test/createTestEditor";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { ArticleWorkspace } from "./ArticleWorkspace";

const TEXT = [
  "Iran sold Russia a limited number of drones months before the war.",
  "Malley said Iran transferred dozens.",
  "Iravani called it totally unfounded.",
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
const UNFOUNDED = buildClaim(ARTICLE.text, "totally unfounded", "unverified");
const CLAIMS = [LIMITED, DOZENS, UNFOUNDED];

function renderWorkspace(role: "admin" | "viewer" = "admin") {
  const details = Object.fromEntries(
    CLAIMS.flatMap((claim) => [
      [`GET /api/claims/${claim.id}/history`, { status: 200, body: { items: [], undoableEventId: null } }],
      [`GET /api/claims/${claim.id}/evidence`, { status: 200, body: { items: [] } }],
    ]),
  );
  const api = stubApi({
    "GET /api/articles/article-1/claims": [
      { status: 200, body: { items: CLAIMS, deletedIds: [], cursor: 1 } },
      { status: 200, body: { items: [], deletedIds: [], cursor: 1 } },
    ],
    "GET /api/articles/article-1/links": { status: 200, body: { items: [] } },
    "GET /api/articles/article-1/speakers": { status: 200, body: { items: [] } },
    [`PATCH /api/claims/${DOZENS.id}`]: ({ body }) => ({
      status: 200,
      body: { ...DOZENS, ...(body as Partial<Claim>), version: 2 },
    }),
    ...details,
  });
  renderWithQueryClient(
    <NoticeProvider>
      <ArticleWorkspace article={ARTICLE} />
    </NoticeProvider>,
    createTestQueryClient(role),
  );
  return api;
}

/** Raises an undo notice as the page opens, as a delete just before would have. */
function RaiseNotice() {
  const { showNotice } = useNotice();
  useEffect(() => showNotice({ message: "Claim deleted", tone: "info", undo: () => {} }), [showNotice]);
  return null;
}

const selectedCard = () => document.querySelector(".claim-card--selected");

describe("ArticleWorkspace by keyboard", () => {
  it("j and k select the next and previous claim in document order", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("list", { name: "Claims in document order" });
    await user.keyboard("j");
    expect(selectedCard()).toHaveAttribute("data-claim-id", LIMITED.id);
    await user.keyboard("jj");
    expect(selectedCard()).toHaveAttribute("data-claim-id", UNFOUNDED.id);
    await user.keyboard("k");
    expect(selectedCard()).toHaveAttribute("data-claim-id", DOZENS.id);
    await user.keyboard("{Escape}");
    expect(selectedCard()).toBeNull();
  });

  it("r opens the selected claim's rationale focused, and what is typed is saved", async () => {
    const user = userEvent.setup();
    const api = renderWorkspace();
    await screen.findByRole("list", { name: "Claims in document order" });
    await user.keyboard("jjr");
    const rationale = screen.getByRole("textbox", { name: "Rationale" });
    expect(rationale).toHaveFocus();
    await user.keyboard("Malley's statement{Control>}{Enter}{/Control}");
    await waitFor(() =>
      expect(api.requestsTo(`PATCH /api/claims/${DOZENS.id}`).map((request) => request.body)).toEqual([
        { rationale: "Malley's statement" },
      ]),
    );
  });

  it("e opens the evidence form with its address focused; l opens the link picker with its search focused", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("list", { name: "Claims in document order" });
    await user.keyboard("jje");
    expect(await screen.findByRole("textbox", { name: "URL" })).toHaveFocus();
    await user.keyboard("{Escape}");
    // The evidence form took that Escape or not: focus is out of any field once it is on the page.
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard("l");
    expect(screen.getByRole("searchbox", { name: /Find a claim/ })).toHaveFocus();
  });

  it("2 sets the selected claim's verdict", async () => {
    const user = userEvent.setup();
    const api = renderWorkspace();
    await screen.findByRole("list", { name: "Claims in document order" });
    await user.keyboard("jj2");
    await waitFor(() =>
      expect(api.requestsTo(`PATCH /api/claims/${DOZENS.id}`).map((request) => request.body)).toEqual([
        { verdict: "contradicted" },
      ]),
    );
  });

  it("makes the claim list one Tab stop, arrows moving the selection along it", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    const list = await screen.findByRole("list", { name: "Claims in document order" });
    const tabbable = () =>
      [...list.querySelectorAll<HTMLElement>("button, select, input, textarea, a[href]")].filter(
        (element) => element.tabIndex >= 0 && !element.hasAttribute("disabled"),
      );
    expect(tabbable().map((element) => element.textContent)).toEqual([
      expect.stringContaining("limited number of drones"),
    ]);
    tabbable()[0]?.focus();
    await user.keyboard("{ArrowDown}");
    const dozens = within(list).getByRole("button", { name: "Show claim in the text: “transferred dozens”" });
    expect(dozens).toHaveFocus();
    expect(selectedCard()).toHaveAttribute("data-claim-id", DOZENS.id);
    expect(within(list).getByRole("button", { name: /Show claim in the text: “limited/ })).toHaveAttribute(
      "tabindex",
      "-1",
    );
  });

  it("answers a viewer's verdict key with the read-only notice, changing nothing", async () => {
    const user = userEvent.setup();
    const api = renderWorkspace("viewer");
    await screen.findByRole("list", { name: "Claims in document order" });
    // Said before any attempt, where the edit tools would be…
    expect(screen.getByText("Read only — ask an admin for reviewer access")).toBeVisible();
    await user.keyboard("jj1");
    // …and again, as a notice, when a verdict key is pressed.
    const notices = await screen.findAllByRole("status");
    expect(notices.some((notice) => notice.textContent?.includes("Read only — ask an admin for reviewer access"))).toBe(
      true,
    );
    expect(api.requestsTo(`PATCH /api/claims/${DOZENS.id}`)).toEqual([]);
  });

  it("? opens the shortcut sheet", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("list", { name: "Claims in document order" });
    await user.keyboard("?");
    const sheet = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(sheet).getByRole("row", { name: /Link the selected claim/ })).toHaveTextContent("L");
  });

  it("j and k move among the claims the filters show, never to a hidden one", async () => {
    const user = userEvent.setup();
    const api = renderWorkspace();
    await screen.findByRole("list", { name: "Claims in document order" });
    await user.click(screen.getByTestId("count-unverified"));
    await user.keyboard("{Escape}j");
    expect(selectedCard()).toHaveAttribute("data-claim-id", UNFOUNDED.id);
    await user.keyboard("kj");
    expect(selectedCard()).toHaveAttribute("data-claim-id", UNFOUNDED.id);
    await user.keyboard("1");
    expect(api.requestsTo(`PATCH /api/claims/${LIMITED.id}`)).toEqual([]);
    expect(api.requestsTo(`PATCH /api/claims/${DOZENS.id}`)).toEqual([]);
  });

  it("Home and End on the resize handle go to the narrowest and the widest panel, as its value says", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    const handle = await screen.findByRole("separator", { name: "Resize the claims panel" });
    handle.focus();
    await user.keyboard("{Home}");
    expect(handle.getAttribute("aria-valuenow")).toBe(handle.getAttribute("aria-valuemin"));
    await user.keyboard("{End}");
    expect(handle.getAttribute("aria-valuenow")).toBe(handle.getAttribute("aria-valuemax"));
  });

  it("a reviewer's c, l, r or e with nothing to act on gets a short answer", async () => {
    const user = userEvent.setup();
    renderWorkspace();
    await screen.findByRole("list", { name: "Claims in document order" });
    await user.keyboard("r");
    const said = () =>
      screen
        .getAllByRole("status")
        .map((notice) => notice.textContent ?? "")
        .join(" ");
    await waitFor(() => expect(said()).toContain("Select a claim first"));
  });

  it("takes an undo notice away on Edit text, so Ctrl+Z there is the text's own undo", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/articles/article-1/claims": { status: 200, body: { items: CLAIMS, deletedIds: [], cursor: 1 } },
      "GET /api/articles/article-1/links": { status: 200, body: { items: [] } },
      "GET /api/articles/article-1/speakers": { status: 200, body: { items: [] } },
    });
    // jsdom lays nothing out: the editor scrolls to its selection from ranges' boxes, all empty here.
    const { getClientRects, getBoundingClientRect } = Range.prototype;
    Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect = () => new DOMRect();
    onTestFinished(() => {
      Object.assign(Range.prototype, { getClientRects, getBoundingClientRect });
    });
    renderWithQueryClient(
      <NoticeProvider>
        <RaiseNotice />
        <ArticleWorkspace article={ARTICLE} />
      </NoticeProvider>,
      createTestQueryClient("admin"),
    );
    expect(await screen.findByText("Claim deleted")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Edit text" }));
    await waitFor(() => expect(screen.queryByText("Claim deleted")).toBeNull());
  });

  it("keeps focus on a claim through delete and undo: the next claim, then the restored one", async () => {
    const user = userEvent.setup();
    stubApi({
      // The list, then what changed since: the delete, then the restore.
      "GET /api/articles/article-1/claims": [
        { status: 200, body: { items: CLAIMS, deletedIds: [], cursor: 1 } },
        { status: 200, body: { items: [], deletedIds: [DOZENS.id], cursor: 2 } },
        { status: 200, body: { items: [DOZENS], deletedIds: [], cursor: 3 } },
      ],
      "GET /api/articles/article-1/links": { status: 200, body: { items: [] } },
      "GET /api/articles/article-1/speakers": { status: 200, body: { items: [] } },
      [`DELETE /api/claims/${DOZENS.id}`]: { status: 200, body: DOZENS },
      [`POST /api/claims/${DOZENS.id}/restore`]: { status: 200, body: DOZENS },
    });
    renderWithQueryClient(
      <NoticeProvider>
        <ArticleWorkspace article={ARTICLE} />
      </NoticeProvider>,
      createTestQueryClient("admin"),
    );
    await user.click(await screen.findByRole("button", { name: /Delete claim “transferred dozens/ }));
    await waitFor(() => expect(screen.getByRole("button", { name: /Show claim.*totally unfounded/ })).toHaveFocus());
    await screen.findByText("Claim deleted.");
    await user.keyboard("{Control>}z{/Control}");
    await waitFor(() => expect(screen.getByRole("button", { name: /Show claim.*transferred dozens/ })).toHaveFocus());
  });
});
