import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, type StubAnswer, stubApi } from "../../../test/stubApi";
import { UsersPage } from "./UsersPage";

const SETTINGS_PATH = "GET /api/settings";
const PATCH_PATH = "PATCH /api/settings";

function renderUsersPage(routes: Record<string, StubAnswer | StubAnswer[]>, role: "admin" | "editor" = "admin") {
  const api = stubApi({
    "GET /api/users": { status: 200, body: { items: [] } },
    "GET /api/invites": { status: 200, body: { items: [] } },
    [SETTINGS_PATH]: { status: 200, body: { requiredApprovals: 1, version: 3 } },
    ...routes,
  });
  renderWithQueryClient(<UsersPage />, createTestQueryClient(role));
  return api;
}

describe("UsersPage: the approval rule", () => {
  it("lets an admin choose two editors' approval (two-person rule), saved with If-Match", async () => {
    const user = userEvent.setup();
    const api = renderUsersPage({ [PATCH_PATH]: { status: 200, body: { requiredApprovals: 2, version: 4 } } });
    const group = await screen.findByRole("group", { name: "Each claim needs approval by" });
    const one = within(group).getByRole("radio", { name: "One editor" });
    const two = within(group).getByRole("radio", { name: "Two editors (two-person rule)" });
    expect(one).toBeChecked();
    expect(screen.getByRole("button", { name: "Save setting" })).toBeDisabled();

    await user.click(two);
    await user.click(screen.getByRole("button", { name: "Save setting" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Setting saved.");
    expect(two).toBeChecked();
    const [request] = api.requestsTo(PATCH_PATH);
    expect(request?.body).toEqual({ requiredApprovals: 2 });
    expect(request?.headers.get("If-Match")).toBe('"3"');
  });

  it("says when another admin changed the setting first (412), keeping the admin's choice to save again", async () => {
    const user = userEvent.setup();
    const api = renderUsersPage({
      [SETTINGS_PATH]: { status: 200, body: { requiredApprovals: 2, version: 3 } },
      [PATCH_PATH]: [
        errorAnswer(412, "PRECONDITION_FAILED", "Stale.", { current: { requiredApprovals: 2, version: 5 } }),
        { status: 200, body: { requiredApprovals: 1, version: 6 } },
      ],
    });
    const one = await screen.findByRole("radio", { name: "One editor" });
    await user.click(one);
    await user.click(screen.getByRole("button", { name: "Save setting" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Another admin changed this setting meanwhile: it is now “Two editors (two-person rule)”.",
    );
    expect(one).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Save setting" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Setting saved."));
    expect(api.requestsTo(PATCH_PATH).map((request) => request.headers.get("If-Match"))).toEqual(['"3"', '"5"']);
  });

  it("is not offered to anyone but an admin", () => {
    renderUsersPage({}, "editor");
    expect(screen.queryByRole("group", { name: "Each claim needs approval by" })).toBeNull();
  });
});

describe("UsersPage: accounts and invites", () => {
  const account = (id: string, name: string, deactivatedAt: string | null) => ({
    id,
    name,
    email: `${id}@example.org`,
    role: "reviewer",
    version: 2,
    createdAt: "2026-11-01T09:00:00.000Z",
    deactivatedAt,
  });

  it("shows who is deactivated, offers Reactivate for them, Deactivate for others, nothing for oneself", async () => {
    renderUsersPage({
      "GET /api/users": {
        status: 200,
        body: {
          items: [
            { ...account("test-admin", "Test admin", null), role: "admin" },
            account("ana", "Ana Ruiz", null),
            account("ben", "Ben Okafor", "2026-11-30T10:00:00.000Z"),
          ],
        },
      },
    });
    const table = await screen.findByRole("table");
    const rowOf = (name: string) => within(table).getByRole("row", { name: new RegExp(name) });
    expect(rowOf("Ben Okafor")).toHaveTextContent("Deactivated");
    expect(within(rowOf("Ben Okafor")).getByRole("button", { name: "Reactivate Ben Okafor" })).toBeVisible();
    expect(rowOf("Ana Ruiz")).toHaveTextContent("Active");
    expect(within(rowOf("Ana Ruiz")).getByRole("button", { name: "Deactivate Ana Ruiz" })).toBeVisible();
    expect(within(rowOf("Test admin")).queryByRole("button")).toBeNull();
    expect(await screen.findByText("No pending invites.")).toBeVisible();
  });

  it.each([
    ["editor", "Invite link for an editor"],
    ["admin", "Invite link for an admin"],
    ["reviewer", "Invite link for a reviewer"],
  ])("names the invited %s's role with the right article", async (role, label) => {
    renderUsersPage({
      "POST /api/invites": {
        status: 201,
        body: { url: "https://factmark.example/invite/abc", role, email: null, expiresAt: "2026-12-08T10:00:00.000Z" },
      },
    });
    await userEvent.selectOptions(await screen.findByLabelText("Role"), role);
    await userEvent.click(screen.getByRole("button", { name: "Create invite link" }));
    expect(await screen.findByRole("textbox", { name: new RegExp(`^${label}, single use`) })).toBeVisible();
  });
});
