import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { createTestQueryClient, renderWithQueryClient } from "../test/renderWithQueryClient";
import { AppHeader } from "./AppHeader";

function renderHeader(role: "admin" | null = "admin") {
  const location = memoryLocation({ path: "/", record: true });
  renderWithQueryClient(
    <Router hook={location.hook}>
      <AppHeader />
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
});
