import type { WorkItem } from "@factmark/core";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { MyWorkPage } from "./MyWorkPage";

const DRONES = { id: "a1", title: "Iran admits supplying drones" };
const OIL = { id: "a2", title: "Oil exports rise" };

function item(claimId: string, article: WorkItem["article"], overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    claimId,
    article,
    exact: "a limited number of drones",
    verdict: "contradicted",
    status: "in-progress",
    latestReview: null,
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

describe("MyWorkPage", () => {
  it("says when nothing is assigned", async () => {
    stubApi({ "GET /api/me/work": { status: 200, body: { items: [] } } });
    renderWithQueryClient(<MyWorkPage />);
    expect(await screen.findByText(/Nothing assigned to you/)).toBeInTheDocument();
  });

  it("lists the claims assigned to me by article, each opening the article on that claim", async () => {
    stubApi({
      "GET /api/me/work": {
        status: 200,
        body: {
          items: [
            item("c1", DRONES, {
              status: "changes-requested",
              latestReview: {
                id: "r1",
                claimId: "c1",
                decision: "request-changes",
                note: "Cite the UN panel's report.",
                round: 1,
                by: { id: "bo", name: "Bo Editor" },
                at: "2026-01-02T00:00:00.000Z",
              },
            }),
            item("c9", OIL, { exact: "exports rose 20%", verdict: "supported", status: "to-check" }),
            item("c2", DRONES, { exact: "transferred dozens", verdict: "unverified" }),
          ],
        },
      },
    });
    renderWithQueryClient(<MyWorkPage />);
    const drones = await screen.findByRole("region", { name: DRONES.title });
    const claims = within(drones).getAllByRole("listitem");
    expect(claims).toHaveLength(2);
    expect(claims[0]).toHaveTextContent("Status: Changes requested");
    expect(claims[0]).toHaveTextContent("Changes requested by Bo Editor: Cite the UN panel's report.");
    expect(within(claims[0] as HTMLElement).getByRole("link", { name: /limited number of drones/ })).toHaveAttribute(
      "href",
      "/articles/a1?claim=c1",
    );
    expect(claims[1]).toHaveTextContent("Status: In progress");
    const oil = screen.getByRole("region", { name: OIL.title });
    expect(within(oil).getByRole("link", { name: /exports rose 20%/ })).toHaveAttribute(
      "href",
      "/articles/a2?claim=c9",
    );
    expect(screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent)).toEqual([
      DRONES.title,
      OIL.title,
    ]);
  });

  it("says when the work cannot be loaded, and tries again", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/me/work": [
        errorAnswer(500, "INTERNAL", "The server is down."),
        { status: 200, body: { items: [item("c1", DRONES)] } },
      ],
    });
    renderWithQueryClient(<MyWorkPage />);
    expect(screen.getByRole("status")).toHaveTextContent("Loading your work…");
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not load your work: The server is down.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("region", { name: DRONES.title })).toBeInTheDocument();
  });
});
