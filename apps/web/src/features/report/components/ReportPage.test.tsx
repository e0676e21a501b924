import { buildReportModel, type ReportModel } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../../../test/buildArticle";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { ReportPage } from "./ReportPage";

const TEXT = "Malley said Iran transferred dozens just this summer.";
const ARTICLE = buildArticle(
  { conclusion: { summary: "The envoy's figure holds:\n\n- dozens\n- this summer", rating: "mostly-accurate" } },
  TEXT,
);
const MODEL: ReportModel = buildReportModel({
  article: ARTICLE,
  claims: [buildClaim(ARTICLE.text, "transferred dozens just this summer", "supported", { id: "claim-7" })],
  links: [],
  evidence: [],
  events: [],
  generatedAt: "2026-01-02T00:00:00.000Z",
  organisation: { name: "Factmark", url: "http://localhost" },
});
/** The model as the server answers it with `history=include`: the claim's working history in words. */
const MODEL_WITH_HISTORY: ReportModel = {
  ...MODEL,
  claims: MODEL.claims.map((claim) => ({
    ...claim,
    history: [
      {
        at: "2026-01-01T10:00:00.000Z",
        by: "Ana Reviewer",
        action: "claim.verdict_changed",
        summary: "set the verdict",
      },
    ],
    historyTotal: 1,
  })) as ReportModel["claims"],
};

describe("ReportPage", () => {
  it("opens with the conclusion: the overall rating, then the summary with its formatting", async () => {
    stubApi({ "GET /api/articles/article-1/report/model": { status: 200, body: MODEL } });
    renderWithQueryClient(<ReportPage articleId="article-1" />);
    const conclusion = await screen.findByRole("region", { name: "Conclusion" });
    expect(within(conclusion).getByText("Mostly accurate")).toBeVisible();
    expect(
      within(conclusion)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["dozens", "this summer"]);
    const headings = screen.getAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);
    expect(headings[0]).toBe("Conclusion");
  });

  it("shows each claim's working history only when the desk includes it, and asks the server for it then", async () => {
    const user = userEvent.setup();
    const api = stubApi({
      "GET /api/articles/article-1/report/model": ({ query }) => ({
        status: 200,
        body: query.get("history") === "include" ? MODEL_WITH_HISTORY : MODEL,
      }),
    });
    renderWithQueryClient(<ReportPage articleId="article-1" />);
    expect(await screen.findByText("“transferred dozens just this summer”")).toBeVisible();
    expect(screen.queryByText(/History \(/)).toBeNull();

    await user.click(screen.getByRole("checkbox", { name: "Include working history" }));
    expect(await screen.findByText("History (1)")).toBeVisible();
    const urls = api.fetchMock.mock.calls.map(([input]) => String(input));
    expect(urls.some((url) => url.includes("history=include"))).toBe(true);

    await user.click(screen.getByRole("checkbox", { name: "Include working history" }));
    await waitFor(() => expect(screen.queryByText("History (1)")).toBeNull());
  });
});
