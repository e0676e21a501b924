import type { Contradiction } from "@factmark/core";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { ContradictionsView } from "./ContradictionsView";

const TEXT =
  "Iran sold a limited number of drones months before the Ukraine war. Malley said Iran transferred dozens just this summer. Iravani called it totally unfounded.";
const LIMITED = buildClaim(TEXT, "a limited number of drones months before the Ukraine war", "contradicted", {
  speaker: "Hossein Amir-Abdollahian",
});
const DOZENS = buildClaim(TEXT, "transferred dozens just this summer", "supported", { speaker: "Robert Malley" });
const UNFOUNDED = buildClaim(TEXT, "totally unfounded", "unverified");

function buildContradiction(
  id: string,
  fromClaim = LIMITED,
  toClaim = DOZENS,
  note: string | null = null,
): Contradiction {
  return {
    id,
    articleId: "article-1",
    fromClaimId: fromClaim.id,
    toClaimId: toClaim.id,
    kind: "contradicts",
    note,
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: { id: "local-reviewer", name: "Local reviewer" },
    fromClaim,
    toClaim,
  };
}

function renderView() {
  const onSelectClaim = vi.fn();
  renderWithQueryClient(<ContradictionsView articleId="article-1" onSelectClaim={onSelectClaim} />);
  return { onSelectClaim };
}

describe("ContradictionsView", () => {
  it("shows every contradicting pair side by side, in document order, with speakers, verdicts and the note", async () => {
    stubApi({
      "GET /api/articles/article-1/contradictions": {
        status: 200,
        body: {
          items: [
            buildContradiction("link-1", DOZENS, LIMITED, "Months before the war, or this summer?"),
            buildContradiction("link-2", UNFOUNDED, DOZENS),
          ],
        },
      },
    });
    renderView();
    expect(screen.getByRole("status")).toHaveTextContent("Loading contradictions…");
    const list = await screen.findByRole("list");
    const pairs = within(list).getAllByRole("listitem");
    expect(pairs[0]).toHaveTextContent(
      "“a limited number of drones months before the Ukraine war”Hossein Amir-AbdollahianContradicted≠“transferred dozens just this summer”Robert MalleySupportedMonths before the war, or this summer?",
    );
    expect(pairs[1]).toHaveTextContent(
      "“transferred dozens just this summer”Robert MalleySupported≠“totally unfounded”Speaker not namedUnverified",
    );
    expect(screen.getByRole("heading", { name: "Contradictions (2)" })).toBeInTheDocument();
  });

  it("selects a claim when its quote is clicked", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/articles/article-1/contradictions": { status: 200, body: { items: [buildContradiction("link-1")] } },
    });
    const { onSelectClaim } = renderView();
    await user.click(await screen.findByRole("button", { name: "“transferred dozens just this summer”" }));
    expect(onSelectClaim).toHaveBeenCalledWith(DOZENS.id);
  });

  it("explains how to link claims when there is no contradiction yet", async () => {
    stubApi({ "GET /api/articles/article-1/contradictions": { status: 200, body: { items: [] } } });
    renderView();
    expect(
      await screen.findByText(/No contradictions yet\. To add one, select a claim, choose “Link…”/),
    ).toBeInTheDocument();
  });

  it("says when the contradictions cannot be loaded, and tries again", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/articles/article-1/contradictions": [
        errorAnswer(500, "INTERNAL"),
        { status: 200, body: { items: [buildContradiction("link-1")] } },
      ],
    });
    renderView();
    expect(await screen.findByRole("alert")).toHaveTextContent("The contradictions could not be loaded.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("list")).toBeInTheDocument();
  });
});
