import { selectorsForRange } from "@factmark/core";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { OrphanList } from "./OrphanList";

const TEXT = "Iran sold a limited number of drones.";
const orphan = buildClaim(TEXT, "limited number", "contradicted", { isOrphaned: true, speaker: "Amir-Abdollahian" });
const NEAREST_ROUTE = `GET /api/claims/${orphan.id}/nearest-match`;
const NEW_TEXT = "Iran sold a limited number of twelve drones.";
const nearest = selectorsForRange(NEW_TEXT, 12, 26);

describe("OrphanList", () => {
  it("lists orphans with their old quote, verdict and speaker, and re-attaches one to the selection", async () => {
    stubApi({ [NEAREST_ROUTE]: { status: 200, body: { match: null } } });
    const user = userEvent.setup();
    const onReattach = vi.fn();
    const selection = selectorsForRange("New text here.", 4, 8);
    renderWithQueryClient(
      <OrphanList
        orphans={[orphan]}
        articleVersion={2}
        selection={selection}
        onReattach={onReattach}
        onDelete={vi.fn()}
      />,
    );
    const region = screen.getByRole("region", { name: "No longer in the text (1)" });
    expect(region).toHaveTextContent("“limited number”");
    expect(region).toHaveTextContent("Contradicted — Amir-Abdollahian");
    await user.click(screen.getByRole("button", { name: "Re-attach to selection" }));
    expect(onReattach).toHaveBeenCalledWith(orphan, selection);
    expect(await screen.findByText("Nothing in the text now comes close to this quote.")).toBeInTheDocument();
  });

  it("offers the nearest match with what differs, and attaches there in one click", async () => {
    stubApi({
      [NEAREST_ROUTE]: {
        status: 200,
        body: { match: { selectors: nearest, quoteScore: 0.8, differences: ['the number "twelve" was added'] } },
      },
    });
    const user = userEvent.setup();
    const onReattach = vi.fn();
    renderWithQueryClient(
      <OrphanList orphans={[orphan]} articleVersion={2} selection={null} onReattach={onReattach} onDelete={vi.fn()} />,
    );
    expect(await screen.findByText(/Nearest match:/)).toHaveTextContent("limited number");
    expect(screen.getByRole("list", { name: "What differs" })).toHaveTextContent('the number "twelve" was added');
    await user.click(screen.getByRole("button", { name: "Attach here" }));
    expect(onReattach).toHaveBeenCalledWith(orphan, nearest);
  });

  it("says so when the nearest match cannot be read, and offers no attach to a viewer", async () => {
    stubApi({ [NEAREST_ROUTE]: errorAnswer(500, "INTERNAL", "Broken.") });
    renderWithQueryClient(
      <OrphanList
        orphans={[orphan]}
        articleVersion={2}
        selection={null}
        onReattach={vi.fn()}
        onDelete={vi.fn()}
        canEdit={false}
      />,
    );
    expect(await screen.findByText("The nearest match could not be read.")).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
    // A viewer is not told to do what they cannot.
    expect(screen.getByText(/A reviewer can attach each/)).toBeInTheDocument();
  });

  it("asks for a selection before re-attaching, and can delete instead", async () => {
    stubApi({ [NEAREST_ROUTE]: { status: 200, body: { match: null } } });
    const user = userEvent.setup();
    const onDelete = vi.fn();
    renderWithQueryClient(
      <OrphanList orphans={[orphan]} articleVersion={2} selection={null} onReattach={vi.fn()} onDelete={onDelete} />,
    );
    expect(screen.getByRole("button", { name: "Re-attach to selection" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(onDelete).toHaveBeenCalledWith(orphan);
  });

  it("shows nothing when no claim is orphaned", () => {
    const { container } = renderWithQueryClient(
      <OrphanList orphans={[]} articleVersion={1} selection={null} onReattach={vi.fn()} onDelete={vi.fn()} />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it("shows the links an orphan keeps, so the reviewer knows what a re-attach brings back", () => {
    stubApi({ [NEAREST_ROUTE]: { status: 200, body: { match: null } } });
    const other = buildClaim(TEXT, "drones", "supported");
    const link = {
      id: "link-1",
      articleId: "article-1",
      fromClaimId: orphan.id,
      toClaimId: other.id,
      kind: "contradicts" as const,
      note: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      createdBy: { id: "r1", name: "Reviewer" },
    };
    renderWithQueryClient(
      <OrphanList
        orphans={[orphan]}
        articleVersion={2}
        selection={null}
        onReattach={vi.fn()}
        onDelete={vi.fn()}
        links={[link]}
        claims={[orphan, other]}
      />,
    );
    expect(screen.getByRole("list", { name: "Links it keeps" })).toHaveTextContent("Contradicts “drones”");
  });

  it("marks the orphan selected (opened by its address, say) as the selected one, with its details beneath it", () => {
    const other = buildClaim(TEXT, "drones", "supported", { isOrphaned: true });
    stubApi({
      [NEAREST_ROUTE]: { status: 200, body: { match: null } },
      [`GET /api/claims/${other.id}/nearest-match`]: { status: 200, body: { match: null } },
    });
    renderWithQueryClient(
      <OrphanList
        orphans={[orphan, other]}
        articleVersion={2}
        selection={null}
        onReattach={vi.fn()}
        onDelete={vi.fn()}
        selectedClaimId={other.id}
        renderDetails={(claim) => <p>Details of “{claim.selectors.quote.exact}”</p>}
      />,
    );
    const [first, second] = within(screen.getByRole("region", { name: "No longer in the text (2)" })).getAllByRole(
      "listitem",
    );
    expect(second).toHaveAttribute("aria-current", "true");
    expect(second).toHaveTextContent("Details of “drones”");
    expect(first).not.toHaveAttribute("aria-current");
    expect(screen.queryByText("Details of “limited number”")).toBeNull();
  });
});
