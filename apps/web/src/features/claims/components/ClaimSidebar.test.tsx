import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { ClaimSidebar } from "./ClaimSidebar";

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
  render(<ClaimSidebar {...props} />);
  return props;
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
});
