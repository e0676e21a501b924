import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { AnchorCheckNotice } from "./AnchorCheckNotice";

const TEXT = "Iran sold a limited number of armed drones.";
const moved = buildClaim(TEXT, "limited number of armed drones", "contradicted", {
  isAnchorUnconfirmed: true,
  version: 3,
});
const CONFIRM_ROUTE = `POST /api/claims/${moved.id}/anchor-confirmation`;

describe("AnchorCheckNotice", () => {
  it("shows the words a save moved the claim onto, and confirms them with the version read", async () => {
    const ifMatch: (string | null)[] = [];
    stubApi({
      [CONFIRM_ROUTE]: ({ headers }) => {
        ifMatch.push(headers.get("If-Match"));
        return { status: 200, body: { ...moved, isAnchorUnconfirmed: false, version: 4 } };
      },
    });
    const user = userEvent.setup();
    renderWithQueryClient(<AnchorCheckNotice claim={moved} />);
    const notice = screen.getByRole("note", { name: "Moved — check it" });
    expect(notice).toHaveTextContent("it now sits on “limited number of armed drones”");
    await user.click(screen.getByRole("button", { name: "The new place is right" }));
    await waitFor(() => expect(ifMatch).toEqual(['"3"']));
  });

  it("shows the words the claim was on before the edit, from its history", async () => {
    stubApi({
      [`GET /api/claims/${moved.id}/history`]: {
        status: 200,
        body: {
          items: [
            {
              id: "event-2",
              at: "2026-01-02T00:00:00.000Z",
              by: { id: "editor", name: "Ed" },
              action: "claim.reanchored",
              claimId: moved.id,
              from: { start: 12, end: 36, exact: "limited number of drones" },
              to: {
                start: 12,
                end: 42,
                exact: "limited number of armed drones",
                status: "fuzzy",
                isAnchorUnconfirmed: true,
              },
            },
          ],
          undoableEventId: null,
        },
      },
    });
    renderWithQueryClient(<AnchorCheckNotice claim={moved} />);
    expect(await screen.findByText(/Before the edit/)).toHaveTextContent("“limited number of drones”");
  });

  it("says why a confirmation was refused", async () => {
    stubApi({ [CONFIRM_ROUTE]: errorAnswer(412, "PRECONDITION_FAILED", "Someone changed this claim meanwhile.") });
    const user = userEvent.setup();
    renderWithQueryClient(<AnchorCheckNotice claim={moved} />);
    await user.click(screen.getByRole("button", { name: "The new place is right" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/changed/);
  });

  it("offers a viewer no button, and shows nothing for a claim that did not move", () => {
    const { unmount } = renderWithQueryClient(<AnchorCheckNotice claim={moved} canEdit={false} />);
    expect(screen.getByRole("note")).toBeInTheDocument();
    expect(screen.queryByRole("button")).toBeNull();
    unmount();
    const { container } = renderWithQueryClient(<AnchorCheckNotice claim={{ ...moved, isAnchorUnconfirmed: false }} />);
    expect(container).toBeEmptyDOMElement();
  });
});
