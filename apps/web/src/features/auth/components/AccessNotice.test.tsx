import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { RequireAction, readOnlyNotice } from "./AccessNotice";

function renderUsersPageAs(role: "viewer" | "reviewer" | "editor" | "admin") {
  renderWithQueryClient(
    <RequireAction title="Users" what="Seeing and changing accounts" action="user.list">
      <p>The user table</p>
    </RequireAction>,
    createTestQueryClient(role),
  );
}

function renderNewArticlePageAs(role: "viewer" | "reviewer") {
  renderWithQueryClient(
    <RequireAction title="New article" what="Adding an article" action="article.create">
      <p>The user table</p>
    </RequireAction>,
    createTestQueryClient(role),
  );
}

describe("RequireAction", () => {
  it("shows the page to a role that may use it", () => {
    renderUsersPageAs("admin");
    expect(screen.getByText("The user table")).toBeInTheDocument();
  });

  it("tells a viewer the app is read only for them, naming the role this page needs, in place of the page", () => {
    renderUsersPageAs("viewer");
    expect(screen.queryByText("The user table")).toBeNull();
    expect(screen.getByRole("heading", { name: "Users" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Read only — ask an admin for admin access.");
    expect(
      screen.getByText("Seeing and changing accounts needs admin access; your account is a viewer."),
    ).toBeVisible();
  });

  it("names the role the new-article page needs in a viewer's notice, as the line below it does", () => {
    renderNewArticlePageAs("viewer");
    expect(screen.getByRole("status")).toHaveTextContent("Read only — ask an admin for editor access.");
    expect(screen.getByText("Adding an article needs editor access; your account is a viewer.")).toBeVisible();
  });

  it("words the read-only notice for the role asked for", () => {
    expect(readOnlyNotice("reviewer")).toBe("Read only — ask an admin for reviewer access");
    expect(readOnlyNotice("admin")).toBe("Read only — ask an admin for admin access");
  });

  it("tells an editor which role the page needs", () => {
    renderUsersPageAs("editor");
    expect(screen.queryByText("The user table")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("Ask an admin for admin access.");
    expect(
      screen.getByText("Seeing and changing accounts needs admin access; your account is an editor."),
    ).toBeVisible();
  });
});
