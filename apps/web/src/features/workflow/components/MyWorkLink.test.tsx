import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { MyWorkLink } from "./MyWorkLink";

describe("MyWorkLink", () => {
  it("leads whoever is signed in to their work", () => {
    renderWithQueryClient(<MyWorkLink />, createTestQueryClient("reviewer"));
    expect(screen.getByRole("link", { name: "My work" })).toHaveAttribute("href", "/work");
  });

  it("is not there for someone signed out", () => {
    renderWithQueryClient(<MyWorkLink />, createTestQueryClient(null));
    expect(screen.queryByRole("link", { name: "My work" })).toBeNull();
  });

  it("is not there for a viewer, who is never assigned claims", () => {
    renderWithQueryClient(<MyWorkLink />, createTestQueryClient("viewer"));
    expect(screen.queryByRole("link", { name: "My work" })).toBeNull();
  });
});
