import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../test/buildClaim";
import { ClaimChooser } from "./ClaimChooser";

const TEXT = "Iran sold Russia a limited number of drones months before the war.";
const supported = buildClaim(TEXT, "limited number of drones", "supported", { speaker: "Robert Malley" });
const contradicted = buildClaim(TEXT, "limited number of drones", "contradicted", {
  speaker: "Hossein Amir-Abdollahian",
});

describe("ClaimChooser", () => {
  it("lists every claim with its verdict and speaker, contradicted first, and takes focus", () => {
    render(<ClaimChooser claims={[supported, contradicted]} onChoose={vi.fn()} onClose={vi.fn()} />);
    const listbox = screen.getByRole("listbox", { name: "2 claims on these words" });
    expect(listbox).toHaveFocus();
    const options = screen.getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual([
      "ContradictedHossein Amir-Abdollahian“limited number of drones”",
      "SupportedRobert Malley“limited number of drones”",
    ]);
    expect(options[0]).toHaveAttribute("aria-selected", "true");
  });

  it("moves with the arrow keys and chooses with Enter", async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    render(<ClaimChooser claims={[supported, contradicted]} onChoose={onChoose} onClose={vi.fn()} />);
    await user.keyboard("{ArrowDown}");
    expect(screen.getAllByRole("option")[1]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");
    expect(onChoose).toHaveBeenCalledWith(supported.id);
  });

  it("chooses by click and closes with Escape", async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    const onClose = vi.fn();
    render(<ClaimChooser claims={[supported, contradicted]} onChoose={onChoose} onClose={onClose} />);
    await user.click(screen.getByRole("option", { name: /Contradicted/ }));
    expect(onChoose).toHaveBeenCalledWith(contradicted.id);
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledWith({ returnFocus: true });
  });
});
