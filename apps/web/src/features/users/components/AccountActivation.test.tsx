import type { User } from "@factmark/core";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, type StubAnswer, stubApi } from "../../../test/stubApi";
import { AccountActivation } from "./AccountActivation";

const ANA: User = {
  id: "ana",
  name: "Ana Ruiz",
  email: "ana@example.org",
  role: "reviewer",
  version: 4,
  createdAt: "2026-11-01T09:00:00.000Z",
  deactivatedAt: null,
};
const DEACTIVATE = "POST /api/users/ana/deactivate";
const REACTIVATE = "POST /api/users/ana/reactivate";

function renderActivation(user: User, routes: Record<string, StubAnswer | StubAnswer[]> = {}, isSelf = false) {
  const api = stubApi(routes);
  renderWithQueryClient(<AccountActivation user={user} isSelf={isSelf} />);
  return api;
}

describe("AccountActivation", () => {
  it("asks before deactivating, says what it does, then sends it with If-Match", async () => {
    const user = userEvent.setup();
    const api = renderActivation(ANA, { [DEACTIVATE]: { status: 200, body: { ...ANA, version: 5 } } });
    await user.click(screen.getByRole("button", { name: "Deactivate Ana Ruiz" }));
    expect(api.requestsTo(DEACTIVATE)).toHaveLength(0);
    const confirm = screen.getByRole("button", { name: "Yes, deactivate" });
    expect(confirm).toHaveFocus();
    expect(screen.getByRole("group", { name: /Deactivate Ana Ruiz\?/ })).toHaveTextContent(
      "signed out everywhere at once and cannot sign in until an admin reactivates them",
    );
    await user.keyboard("{Enter}");
    await waitFor(() => expect(api.requestsTo(DEACTIVATE)).toHaveLength(1));
    expect(api.requestsTo(DEACTIVATE)[0]?.headers.get("If-Match")).toBe('"4"');
  });

  it("backs out with Escape or Cancel, focus back on the button, nothing sent", async () => {
    const user = userEvent.setup();
    const api = renderActivation(ANA);
    await user.click(screen.getByRole("button", { name: "Deactivate Ana Ruiz" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("button", { name: "Yes, deactivate" })).toBeNull();
    expect(screen.getByRole("button", { name: "Deactivate Ana Ruiz" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Deactivate Ana Ruiz" })).toHaveFocus();
    expect(api.fetchMock).not.toHaveBeenCalled();
  });

  it("says why the server refused (the last admin)", async () => {
    const user = userEvent.setup();
    renderActivation(
      { ...ANA, role: "admin" },
      { [DEACTIVATE]: errorAnswer(409, "CONFLICT", "This is the last admin. Make someone else an admin first.") },
    );
    await user.click(screen.getByRole("button", { name: "Deactivate Ana Ruiz" }));
    await user.click(screen.getByRole("button", { name: "Yes, deactivate" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This is the last admin. Make someone else an admin first.",
    );
  });

  it("reactivates a deactivated account at once", async () => {
    const user = userEvent.setup();
    const deactivated = { ...ANA, deactivatedAt: "2026-11-30T10:00:00.000Z" };
    const api = renderActivation(deactivated, { [REACTIVATE]: { status: 200, body: { ...ANA, version: 6 } } });
    await user.click(screen.getByRole("button", { name: "Reactivate Ana Ruiz" }));
    await waitFor(() => expect(api.requestsTo(REACTIVATE)).toHaveLength(1));
    expect(api.requestsTo(REACTIVATE)[0]?.headers.get("If-Match")).toBe('"4"');
  });

  it("offers no way to deactivate oneself", () => {
    renderActivation(ANA, {}, true);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
