import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { DESK_SHORTCUTS, keyLabel } from "../features/articles/hooks/useDeskShortcuts";
import { createTestQueryClient, renderWithQueryClient } from "../test/renderWithQueryClient";
import { AppHeader } from "./AppHeader";

function renderHeader(role: "admin" | "viewer" | null = "admin") {
  const location = memoryLocation({ path: "/", record: true });
  renderWithQueryClient(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <AppHeader />
      <input aria-label="A page's field" />
    </Router>,
    createTestQueryClient(role),
  );
  return location;
}

describe("AppHeader", () => {
  it("folds its links behind a Menu button that says whether it is open", async () => {
    const user = userEvent.setup();
    renderHeader();
    const button = screen.getByRole("button", { name: "Menu" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    const menu = document.getElementById(button.getAttribute("aria-controls") ?? "");
    expect(menu).toContainElement(screen.getByRole("link", { name: "My work" }));
    expect(menu).toContainElement(screen.getByRole("button", { name: "Sign out" }));
    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
  });

  it("folds the menu on Escape, back to its button, and when a link leads elsewhere", async () => {
    const user = userEvent.setup();
    renderHeader();
    const button = screen.getByRole("button", { name: "Menu" });
    await user.click(button);
    await user.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(button).toHaveFocus();
    await user.click(button);
    await user.click(screen.getByRole("link", { name: "My work" }));
    expect(button).toHaveAttribute("aria-expanded", "false");
  });

  it("has no menu for someone signed out", () => {
    renderHeader(null);
    expect(screen.getByRole("link", { name: "Factmark" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Menu" })).toBeNull();
  });

  it("focuses the search box on / from anywhere but a field, unfolding the menu on a phone", async () => {
    const user = userEvent.setup();
    renderHeader("viewer");
    const box = screen.getByRole("searchbox", { name: "Find claims, articles and evidence" });
    await user.type(screen.getByRole("textbox", { name: "A page's field" }), "a/b");
    expect(screen.getByRole("textbox", { name: "A page's field" })).toHaveValue("a/b");
    expect(box).not.toHaveFocus();
    await user.click(document.body);
    await user.keyboard("/");
    // jsdom lays nothing out, as a folded menu: the menu opens, then the box takes the focus, with no "/" in it.
    expect(screen.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "true");
    await waitFor(() => expect(box).toHaveFocus());
    expect(box).toHaveValue("");
    // The `?` sheet reads the same table: it lists `/`.
    expect(DESK_SHORTCUTS.some((shortcut) => shortcut.keys.some((keys) => keys.map(keyLabel).join(" ") === "/"))).toBe(
      true,
    );
  });

  it("opens the search page with the words on Enter, and links to the speakers", async () => {
    const user = userEvent.setup();
    const location = renderHeader();
    expect(screen.getByRole("link", { name: "Speakers" })).toHaveAttribute("href", "/speakers");
    await user.type(
      screen.getByRole("searchbox", { name: "Find claims, articles and evidence" }),
      "dozens of drones{Enter}",
    );
    expect(location.history?.at(-1)).toBe("/search?q=dozens+of+drones");
  });
});
