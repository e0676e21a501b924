import { describe as describeSelectors } from "@factmark/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { OrphanList } from "./OrphanList";

const TEXT = "Iran sold a limited number of drones.";
const orphan = buildClaim(TEXT, "limited number", "contradicted", { isOrphaned: true });

describe("OrphanList", () => {
  it("lists orphans with their old quote and re-attaches one to the selection", async () => {
    const user = userEvent.setup();
    const onReattach = vi.fn();
    const selection = describeSelectors("New text here.", 4, 8);
    render(<OrphanList orphans={[orphan]} selection={selection} onReattach={onReattach} onDelete={vi.fn()} />);
    expect(screen.getByRole("region", { name: "No longer in the text (1)" })).toHaveTextContent("“limited number”");
    await user.click(screen.getByRole("button", { name: "Re-attach to selection" }));
    expect(onReattach).toHaveBeenCalledWith(orphan, selection);
  });

  it("asks for a selection before re-attaching, and can delete instead", async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn();
    render(<OrphanList orphans={[orphan]} selection={null} onReattach={vi.fn()} onDelete={onDelete} />);
    expect(screen.getByRole("button", { name: "Re-attach to selection" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(onDelete).toHaveBeenCalledWith(orphan);
  });

  it("shows nothing when no claim is orphaned", () => {
    const { container } = render(<OrphanList orphans={[]} selection={null} onReattach={vi.fn()} onDelete={vi.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });
});
