import type { Claim } from "@factmark/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { ClaimSidebar, scrollToShow } from "./ClaimSidebar";

const TEXT =
  "Iran sold a limited number of drones. Malley said Iran transferred dozens. Iravani called it totally unfounded.";
const CLAIMS = [
  buildClaim(TEXT, "limited number of drones", "contradicted"),
  buildClaim(TEXT, "transferred dozens", "supported"),
  buildClaim(TEXT, "totally unfounded", "contradicted"),
];

function renderSidebar(overrides: Partial<Parameters<typeof ClaimSidebar>[0]> = {}) {
  const props = {
    claims: CLAIMS,
    selectedClaimId: null,
    onSelect: vi.fn(),
    onVerdictChange: vi.fn(),
    onDelete: vi.fn(),
    ...overrides,
  };
  // Signed in as a reviewer, "test-reviewer": the claims assigned to them are "Mine".
  const view = renderWithQueryClient(<ClaimSidebar {...props} />, createTestQueryClient("reviewer"));
  const rerender = (changes: Partial<typeof props>) =>
    view.rerender(
      <QueryClientProvider client={view.queryClient}>
        <ClaimSidebar {...props} {...changes} />
      </QueryClientProvider>,
    );
  return { ...props, rerender };
}

const ME = { id: "test-reviewer", name: "Test reviewer" };
const BO = { id: "bo", name: "Bo Editor" };
const WORKFLOW_CLAIMS = [
  buildClaim(TEXT, "limited number of drones", "contradicted", { status: "in-progress", assignee: ME }),
  buildClaim(TEXT, "transferred dozens", "supported", { status: "ready-for-review", assignee: BO }),
  buildClaim(TEXT, "totally unfounded", "contradicted"),
];

function shownQuotes(): string[] {
  return screen.queryAllByRole("button", { name: /Show claim/ }).map((button) => button.textContent ?? "");
}

describe("ClaimSidebar", () => {
  it("lists the claims in document order with counts per verdict", () => {
    renderSidebar();
    const items = within(screen.getByRole("list", { name: "Claims in document order" })).getAllByRole("listitem");
    expect(items.map((item) => within(item).getByRole("button", { name: /Show claim/ }).textContent)).toEqual([
      "Show claim in the text: “limited number of drones”",
      "Show claim in the text: “transferred dozens”",
      "Show claim in the text: “totally unfounded”",
    ]);
    expect(screen.getByRole("button", { name: "Contradicted 2" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Supported 1" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Unverified 0" })).toBeInTheDocument();
  });

  it("filters by verdict and back to all", async () => {
    const user = userEvent.setup();
    renderSidebar();
    await user.click(screen.getByRole("button", { name: "Supported 1" }));
    expect(screen.getAllByRole("button", { name: /Show claim/ })).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Supported 1" })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Unverified 0" }));
    expect(screen.getByText("No claims match these filters.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "All 3" }));
    expect(screen.getAllByRole("button", { name: /Show claim/ })).toHaveLength(3);
  });

  it("changes a verdict, deletes, and selects a claim", async () => {
    const user = userEvent.setup();
    const props = renderSidebar();
    const first = screen.getAllByRole("listitem")[0] as HTMLElement;
    await user.selectOptions(within(first).getByRole("combobox", { name: "Verdict" }), "supported");
    expect(props.onVerdictChange).toHaveBeenCalledWith(CLAIMS[0], "supported");
    await user.click(within(first).getByRole("button", { name: /Delete claim/ }));
    expect(props.onDelete).toHaveBeenCalledWith(CLAIMS[0]);
    await user.click(within(first).getByRole("button", { name: /Show claim/ }));
    expect(props.onSelect).toHaveBeenCalledWith(CLAIMS[0]);
  });

  it("marks the selected claim as current", () => {
    renderSidebar({ selectedClaimId: CLAIMS[1]?.id ?? null });
    const items = screen.getAllByRole("listitem");
    expect(items[1]).toHaveAttribute("aria-current", "true");
    expect(items[0]).not.toHaveAttribute("aria-current");
  });

  it("tells a new reviewer how to mark a claim when there is none", () => {
    renderSidebar({ claims: [] });
    expect(screen.getByText(/No claims yet/)).toBeInTheDocument();
  });

  it("shows a viewer the claims read-only: no verdict change, no delete", () => {
    renderSidebar({ canEdit: false, canDelete: false });
    for (const select of screen.getAllByRole("combobox", { name: "Verdict" })) expect(select).toBeDisabled();
    expect(screen.queryByRole("button", { name: /Delete claim/ })).toBeNull();
  });

  it("shows each claim's status and assignee on its card", () => {
    renderSidebar({ claims: WORKFLOW_CLAIMS });
    const [first, second, third] = screen.getAllByRole("listitem") as HTMLElement[];
    expect(first).toHaveTextContent("Status: In progress");
    expect(first).toHaveTextContent("Assigned to Test reviewer");
    expect(second).toHaveTextContent("Status: Ready for review");
    expect(second).toHaveTextContent("Assigned to Bo Editor");
    expect(third).toHaveTextContent("Status: To check");
    expect(third).toHaveTextContent("Unassigned");
  });

  it("filters by status, each status with its count", async () => {
    const user = userEvent.setup();
    renderSidebar({ claims: WORKFLOW_CLAIMS });
    const status = screen.getByRole("combobox", { name: "Status" });
    expect(
      within(status)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual([
      "All statuses (3)",
      "To check (1)",
      "In progress (1)",
      "Ready for review (1)",
      "Changes requested (0)",
      "Approved (0)",
    ]);
    await user.selectOptions(status, "Ready for review (1)");
    expect(shownQuotes()).toEqual(["Show claim in the text: “transferred dozens”"]);
    await user.selectOptions(status, "Approved (0)");
    expect(screen.getByText("No claims match these filters.")).toBeInTheDocument();
  });

  it("filters by assignee: mine, unassigned, or one person, alongside the verdict filter", async () => {
    const user = userEvent.setup();
    renderSidebar({ claims: WORKFLOW_CLAIMS });
    const assignee = screen.getByRole("combobox", { name: "Assignee" });
    expect(
      within(assignee)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Everyone (3)", "Mine (1)", "Unassigned (1)", "Bo Editor (1)"]);
    await user.selectOptions(assignee, "Mine (1)");
    expect(shownQuotes()).toEqual(["Show claim in the text: “limited number of drones”"]);
    await user.selectOptions(assignee, "Unassigned (1)");
    expect(shownQuotes()).toEqual(["Show claim in the text: “totally unfounded”"]);
    await user.click(screen.getByRole("button", { name: "Supported 1" }));
    expect(screen.getByText("No claims match these filters.")).toBeInTheDocument();
    await user.selectOptions(assignee, "Bo Editor (1)");
    expect(shownQuotes()).toEqual(["Show claim in the text: “transferred dozens”"]);
  });

  it("updates the counts when a claim's assignee or status changes", async () => {
    const user = userEvent.setup();
    const { rerender } = renderSidebar({ claims: WORKFLOW_CLAIMS });
    await user.selectOptions(screen.getByRole("combobox", { name: "Assignee" }), "Mine (1)");
    const [mine, theirs, unassigned] = WORKFLOW_CLAIMS as [Claim, Claim, Claim];
    rerender({ claims: [mine, theirs, { ...unassigned, assignee: ME, status: "in-progress" }] });
    expect(screen.getByRole("option", { name: "Mine (2)" })).toBeInTheDocument();
    expect(screen.getByRole("option", { name: "In progress (2)" })).toBeInTheDocument();
    expect(shownQuotes()).toHaveLength(2);
  });

  it("moves focus after a delete to the next claim in the list, else the previous, else the list", async () => {
    const user = userEvent.setup();
    const props = renderSidebar();
    await user.click(screen.getByRole("button", { name: /Delete claim “limited number/ }));
    props.rerender({ claims: CLAIMS.slice(1) });
    await waitFor(() => expect(screen.getByRole("button", { name: /Show claim.*transferred dozens/ })).toHaveFocus());
    await user.click(screen.getByRole("button", { name: /Delete claim “totally unfounded/ }));
    props.rerender({ claims: CLAIMS.slice(1, 2) });
    await waitFor(() => expect(screen.getByRole("button", { name: /Show claim.*transferred dozens/ })).toHaveFocus());
  });
});

describe("ClaimSidebar with 2,000 claims (only the cards near the view are drawn)", () => {
  const MANY = Array.from({ length: 2_000 }, (_, index) =>
    buildClaim(TEXT, "transferred dozens", index % 2 === 0 ? "supported" : "contradicted"),
  );
  const idOf = (index: number) => (MANY[index] as Claim).id;

  /** Counts layout reads of the claim cards and the style lookups made while `action` runs. */
  function countLayoutReads(action: () => void) {
    const offsetHeight = vi.spyOn(HTMLElement.prototype, "offsetHeight", "get");
    const computedStyle = vi.spyOn(window, "getComputedStyle");
    try {
      action();
      const cardReads = offsetHeight.mock.contexts.filter((element) =>
        (element as HTMLElement).classList.contains("claim-card"),
      ).length;
      return { cardReads, styleLookups: computedStyle.mock.calls.length };
    } finally {
      offsetHeight.mockRestore();
      computedStyle.mockRestore();
    }
  }

  it("selecting a claim draws again only the card it leaves and the card it opens", () => {
    const renderLiveStatus = vi.fn((_claim: Claim, _isSelected: boolean) => null);
    const { rerender } = renderSidebar({ claims: MANY, selectedClaimId: idOf(1), renderLiveStatus });
    const drawn = screen.getAllByRole("listitem");
    expect(drawn.length).toBeGreaterThan(4);
    expect(drawn.length).toBeLessThan(100);
    renderLiveStatus.mockClear();

    rerender({ claims: MANY, selectedClaimId: idOf(3), renderLiveStatus });

    expect(screen.getAllByRole("listitem")[3]).toHaveAttribute("aria-current", "true");
    expect(renderLiveStatus.mock.calls.map(([claim, isSelected]) => [claim.id, isSelected])).toEqual([
      [idOf(1), false],
      [idOf(3), true],
    ]);
  });

  it("selecting a claim reads no card's height and looks up no style (the scroll container is found once)", () => {
    const { rerender } = renderSidebar({ claims: MANY, selectedClaimId: idOf(1) });
    const reads = countLayoutReads(() => rerender({ claims: MANY, selectedClaimId: idOf(4) }));
    expect(screen.getAllByRole("listitem")[4]).toHaveAttribute("aria-current", "true");
    expect(reads).toEqual({ cardReads: 0, styleLookups: 0 });
  });

  it("learns a card's height from the browser's resize observations, and keeps the list's length with padding", () => {
    const observers: FakeResizeObserver[] = [];
    class FakeResizeObserver {
      readonly observed = new Set<Element>();
      constructor(readonly callback: ResizeObserverCallback) {
        observers.push(this);
      }
      observe(element: Element) {
        this.observed.add(element);
      }
      unobserve(element: Element) {
        this.observed.delete(element);
      }
      disconnect() {
        this.observed.clear();
      }
      /** The browser laid `element` out `height` pixels tall. */
      resize(element: Element, height: number) {
        const entry = { target: element, borderBoxSize: [{ blockSize: height, inlineSize: 300 }] };
        act(() => this.callback([entry as unknown as ResizeObserverEntry], this as unknown as ResizeObserver));
      }
    }
    vi.stubGlobal("ResizeObserver", FakeResizeObserver);
    try {
      renderSidebar({ claims: MANY });
      const list = screen.getByRole("list", { name: "Claims in document order" });
      const [observer] = observers;
      const first = screen.getAllByRole("listitem")[0] as HTMLElement;
      expect(observer?.observed.has(first)).toBe(true);
      expect(observer?.observed.size).toBe(screen.getAllByRole("listitem").length);

      // The first card is taller than the view and what is drawn beyond it: it is the only card drawn, and the
      // padding below stands for the other 1,999 at the estimated 110 px.
      const reads = countLayoutReads(() => observer?.resize(first, 900));
      expect(screen.getAllByRole("listitem")).toHaveLength(1);
      expect(first).toHaveAttribute("aria-setsize", "2000");
      expect(list.style.paddingBottom).toBe(`${1_999 * 110}px`);
      expect(reads.cardReads).toBe(0);
      // The cards no longer drawn are no longer observed.
      expect([...(observer?.observed ?? [])]).toEqual([first]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("scrollToShow (how far the sidebar scrolls to bring a card into its view, 100 to 500 px)", () => {
  it("scrolls nothing for a card wholly in view", () => {
    expect(scrollToShow(120, 300, 100, 500)).toBe(0);
  });

  it("brings a card above the view down to its top, whatever its height", () => {
    expect(scrollToShow(64, 200, 100, 500)).toBe(-36);
    // Taller than the view: its top, heading and quote show (scrollIntoView's "nearest" would line up its foot).
    expect(scrollToShow(64, 900, 100, 500)).toBe(-36);
  });

  it("brings a card below the view up until its bottom shows, or its top when taller than the view", () => {
    expect(scrollToShow(450, 600, 100, 500)).toBe(100);
    expect(scrollToShow(450, 1200, 100, 500)).toBe(350);
    // Its top in view and its foot below: scrolled no further than its top.
    expect(scrollToShow(150, 1200, 100, 500)).toBe(50);
  });
});
