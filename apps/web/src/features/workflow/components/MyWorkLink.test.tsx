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
});
