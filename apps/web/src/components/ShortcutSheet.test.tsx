import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ShortcutSheet } from "./ShortcutSheet";

const ROWS = [
  { keys: [["G", "T"]], description: "Go to the article text" },
  { keys: [["S"], ["1"]], description: "Supported" },
];

describe("ShortcutSheet", () => {
  it("lists each shortcut with its keys, takes focus, and gives it back when Escape closes it", async () => {
    const user = userEvent.setup();
    const opener = document.createElement("button");
    document.body.append(opener);
    opener.focus();
    const onClose = vi.fn();
    const { unmount } = render(<ShortcutSheet rows={ROWS} onClose={onClose} />);
    const sheet = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(sheet).toHaveAttribute("aria-modal", "true");
    expect(screen.getByRole("row", { name: /Go to the article text/ })).toHaveTextContent("G then T");
    expect(screen.getByRole("row", { name: /Supported/ })).toHaveTextContent("S or 1");
    expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
    unmount();
    expect(opener).toHaveFocus();
    opener.remove();
  });
});
