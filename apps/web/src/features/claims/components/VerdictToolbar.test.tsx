import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { VerdictToolbar } from "./VerdictToolbar";

describe("VerdictToolbar", () => {
  it("offers the three verdicts with their keys and reports the one chosen", async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    render(<VerdictToolbar onChoose={onChoose} />);
    const toolbar = screen.getByRole("toolbar", { name: "Mark the selection as a claim" });
    expect(toolbar).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Contradicted/ })).toHaveAttribute("aria-keyshortcuts", "c 2");
    await user.click(screen.getByRole("button", { name: /Supported/ }));
    await user.click(screen.getByRole("button", { name: /Unverified/ }));
    expect(onChoose.mock.calls).toEqual([["supported"], ["unverified"]]);
  });

  it("can be used by keyboard alone", async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    render(<VerdictToolbar onChoose={onChoose} />);
    await user.tab();
    await user.tab();
    await user.keyboard("{Enter}");
    expect(onChoose).toHaveBeenCalledWith("contradicted");
  });
});

describe("VerdictToolbar, read only", () => {
  it("tells a viewer why there are no verdicts, and says it aloud once they press a verdict key", () => {
    const { rerender } = render(<VerdictToolbar onChoose={vi.fn()} isReadOnly refusedCount={0} />);
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Read only — ask an admin for reviewer access");
    rerender(<VerdictToolbar onChoose={vi.fn()} isReadOnly refusedCount={1} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Read only — ask an admin for reviewer access");
  });
});
