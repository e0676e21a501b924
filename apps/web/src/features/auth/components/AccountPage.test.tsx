import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { AccountPage } from "./AccountPage";

const PASSWORD_ROUTE = "POST /api/auth/password";

async function fillIn(current: string, next: string, again = next) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText("Current password"), current);
  await user.type(screen.getByLabelText("New password"), next);
  await user.type(screen.getByLabelText("New password, again"), again);
  await user.click(screen.getByRole("button", { name: "Change password" }));
}

describe("AccountPage", () => {
  it("changes the password, says how many other sessions it signed out, and empties the form", async () => {
    const api = stubApi({ [PASSWORD_ROUTE]: { status: 200, body: { revokedSessions: 2 } } });
    renderWithQueryClient(<AccountPage />);
    expect(screen.getByText(/Signed in as Test admin \(admin@example.org\)/)).toBeVisible();

    await fillIn("the old long password", "a brand new password");
    expect(await screen.findByRole("status")).toHaveTextContent("Password changed. 2 other sessions were signed out.");
    expect(api.requestsTo(PASSWORD_ROUTE).map((request) => request.body)).toEqual([
      { currentPassword: "the old long password", newPassword: "a brand new password" },
    ]);
    expect(screen.getByLabelText("New password")).toHaveValue("");
  });

  it("sends nothing when the new password is not typed the same twice", async () => {
    const api = stubApi({ [PASSWORD_ROUTE]: { status: 200, body: { revokedSessions: 0 } } });
    renderWithQueryClient(<AccountPage />);
    await fillIn("the old long password", "a brand new password", "a brand new passw0rd");
    expect(screen.getByRole("alert")).toHaveTextContent("The two new passwords are not the same.");
    expect(api.requestsTo(PASSWORD_ROUTE)).toEqual([]);
  });

  it("shows the server's refusal of a wrong current password, and keeps what was typed", async () => {
    stubApi({ [PASSWORD_ROUTE]: errorAnswer(401, "UNAUTHENTICATED", "The current password is not right.") });
    renderWithQueryClient(<AccountPage />);
    await fillIn("a wrong old password", "a brand new password");
    expect(await screen.findByRole("alert")).toHaveTextContent("The current password is not right.");
    expect(screen.getByLabelText("New password")).toHaveValue("a brand new password");
    expect(screen.queryByRole("status")).toBeNull();
  });
});
