import type { PendingInvite } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, type StubAnswer, stubApi } from "../../../test/stubApi";
import { PendingInvites } from "./PendingInvites";

const FOR_EDITOR: PendingInvite = {
  id: "a".repeat(64),
  role: "editor",
  email: "ana@example.org",
  createdAt: "2026-11-30T09:00:00.000Z",
  expiresAt: "2026-12-07T09:00:00.000Z",
  createdBy: { id: "test-admin", name: "Test admin" },
};
const FOR_ANYONE: PendingInvite = { ...FOR_EDITOR, id: "b".repeat(64), role: "viewer", email: null };

function renderPendingInvites(routes: Record<string, StubAnswer | StubAnswer[]>) {
  const api = stubApi(routes);
  renderWithQueryClient(<PendingInvites />);
  return api;
}

describe("PendingInvites", () => {
  it("lists each pending invite's role, email, expiry and who made it", async () => {
    renderPendingInvites({ "GET /api/invites": { status: 200, body: { items: [FOR_EDITOR, FOR_ANYONE] } } });
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual(["editor", "viewer"]);
    expect(rows[0]).toHaveTextContent("ana@example.org");
    expect(rows[0]).toHaveTextContent("Test admin");
    expect(rows[1]).toHaveTextContent("Anyone with the link");
    expect(within(rows[0] as HTMLElement).getByText(new Date(FOR_EDITOR.expiresAt).toLocaleString())).toBeVisible();
  });

  it("says there are none", async () => {
    renderPendingInvites({ "GET /api/invites": { status: 200, body: { items: [] } } });
    expect(await screen.findByText("No pending invites.")).toBeVisible();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("revokes one from the keyboard, and the list no longer shows it", async () => {
    const user = userEvent.setup();
    const api = renderPendingInvites({
      "GET /api/invites": [
        { status: 200, body: { items: [FOR_EDITOR, FOR_ANYONE] } },
        { status: 200, body: { items: [FOR_ANYONE] } },
      ],
      [`DELETE /api/invites/${FOR_EDITOR.id}`]: { status: 204 },
    });
    const revoke = await screen.findByRole("button", { name: "Revoke the editor invite for ana@example.org" });
    revoke.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByText("ana@example.org")).toBeNull());
    expect(api.requestsTo(`DELETE /api/invites/${FOR_EDITOR.id}`)).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Revoke the viewer invite" })).toBeVisible();
  });

  it("says why a revoke failed, and reads the list again", async () => {
    const user = userEvent.setup();
    renderPendingInvites({
      "GET /api/invites": [
        { status: 200, body: { items: [FOR_EDITOR] } },
        { status: 200, body: { items: [] } },
      ],
      [`DELETE /api/invites/${FOR_EDITOR.id}`]: errorAnswer(
        404,
        "NOT_FOUND",
        "No pending invite with this id: it was used, revoked or expired.",
      ),
    });
    await user.click(await screen.findByRole("button", { name: /Revoke the editor invite/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Could not revoke the invite: No pending invite with this id: it was used, revoked or expired.",
    );
    expect(await screen.findByText("No pending invites.")).toBeVisible();
  });

  it("says when the invites cannot be loaded", async () => {
    renderPendingInvites({ "GET /api/invites": errorAnswer(403, "FORBIDDEN", "Your role (editor) may not do this.") });
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not load the invites: Your role (editor)");
  });
});
