import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { RationaleField } from "./RationaleField";

const TEXT = "Iran sold a limited number of drones.";

describe("RationaleField", () => {
  it("focuses the rationale when Write rationale opens it, so what is typed is saved", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<RationaleField claim={buildClaim(TEXT, "limited number")} onSave={onSave} />);
    await user.click(screen.getByRole("button", { name: "Write rationale" }));
    expect(screen.getByRole("textbox", { name: "Rationale" })).toHaveFocus();
    await user.keyboard("The ministry's own figures disagree.");
    await user.click(screen.getByRole("button", { name: "Save rationale" }));
    expect(onSave).toHaveBeenCalledWith("The ministry's own figures disagree.");
  });

  it("opens, focused, when the desk asks for it (the r key), and Escape gives focus back to its button", async () => {
    const user = userEvent.setup();
    const { rerender } = render(<RationaleField claim={buildClaim(TEXT, "limited number")} onSave={vi.fn()} />);
    rerender(<RationaleField claim={buildClaim(TEXT, "limited number")} onSave={vi.fn()} openRequest={1} />);
    const textarea = screen.getByRole("textbox", { name: "Rationale" });
    expect(textarea).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Write rationale" })).toHaveFocus();
  });
});
