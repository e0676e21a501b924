import type { Link } from "@factmark/core";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { createTestQueryClient, renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { errorAnswer, stubApi } from "../../../test/stubApi";
import { claimKeys } from "../../claims/queryKeys";
import { useLinksQuery } from "../hooks/useLinksQuery";
import { linkKeys } from "../queryKeys";
import { ClaimLinks, type ClaimLinksProps } from "./ClaimLinks";

const TEXT =
  "Iran sold a limited number of drones months before the Ukraine war. Malley said Iran transferred dozens [of drones to Russia] just this summer. Kyiv welcomed the report.";
const LIMITED = buildClaim(TEXT, "a limited number of drones months before the Ukraine war", "contradicted");
const DOZENS = buildClaim(TEXT, "transferred dozens [of drones to Russia] just this summer", "supported", {
  speaker: "Robert Malley",
});
const WELCOMED = buildClaim(TEXT, "Kyiv welcomed the report", "unverified");
const CLAIMS = [LIMITED, DOZENS, WELCOMED];

function buildLink(overrides: Partial<Link>): Link {
  return {
    id: "link-1",
    articleId: "article-1",
    fromClaimId: LIMITED.id,
    toClaimId: DOZENS.id,
    kind: "contradicts",
    note: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: { id: "local-reviewer", name: "Local reviewer" },
    ...overrides,
  };
}
const CONTRADICTS = buildLink({ id: "link-1", note: "The dates cannot both be right." });
const SUPPORTS = buildLink({ id: "link-2", fromClaimId: WELCOMED.id, toClaimId: DOZENS.id, kind: "supports" });

/** ClaimLinks fed from the links query, as the integrator wires it. */
function Harness(props: Omit<ClaimLinksProps, "links">) {
  const linksQuery = useLinksQuery(props.claim.articleId);
  return <ClaimLinks {...props} links={linksQuery.data ?? []} />;
}

function renderClaimLinks(claim = DOZENS, links: Link[] = [CONTRADICTS, SUPPORTS]) {
  const onSelectClaim = vi.fn();
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(linkKeys.ofArticle("article-1"), links);
  const rendered = renderWithQueryClient(
    <Harness claim={claim} claims={CLAIMS} onSelectClaim={onSelectClaim} />,
    queryClient,
  );
  return { ...rendered, onSelectClaim };
}

describe("ClaimLinks", () => {
  it("credits each link to whoever made it, an imported one to its original author with the importer after", () => {
    const imported = buildLink({
      ...SUPPORTS,
      createdBy: { id: "ada", name: "Ada Admin" },
      originalAuthorName: "Ana Ruiz",
    });
    stubApi({ "GET /api/articles/article-1/links": { status: 200, body: { items: [CONTRADICTS, imported] } } });
    renderClaimLinks(DOZENS, [CONTRADICTS, imported]);
    const rows = within(screen.getByRole("list", { name: "Linked claims" })).getAllByRole("listitem");
    expect(within(rows[0] as HTMLElement).getByText(/^Linked by/)).toHaveTextContent("Linked by Local reviewer");
    expect(within(rows[1] as HTMLElement).getByText(/^Linked by/)).toHaveTextContent(
      "Linked by Ana Ruiz (imported by Ada Admin)",
    );
  });

  it("shows each link in either direction, worded from this claim's side, with its note", async () => {
    stubApi({ "GET /api/articles/article-1/links": { status: 200, body: { items: [CONTRADICTS, SUPPORTS] } } });
    renderClaimLinks(DOZENS);
    const items = within(await screen.findByRole("list", { name: "Linked claims" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      "Contradicted by: “a limited number of drones months before the Ukraine war”The dates cannot both be right.Linked by Local reviewerRemove link",
      "Supported by: “Kyiv welcomed the report”Linked by Local reviewerRemove link",
    ]);
  });

  it("shows the link from the other side too", async () => {
    stubApi({ "GET /api/articles/article-1/links": { status: 200, body: { items: [CONTRADICTS, SUPPORTS] } } });
    renderClaimLinks(LIMITED);
    const item = within(await screen.findByRole("list", { name: "Linked claims" })).getByRole("listitem");
    expect(item).toHaveTextContent(
      "Contradicts: “transferred dozens [of drones to Russia] just this summer” — Robert Malley",
    );
    renderClaimLinks(WELCOMED);
    expect(screen.getByText("Supports:")).toBeInTheDocument();
  });

  it("selects the other claim when its quote is clicked", async () => {
    const user = userEvent.setup();
    stubApi({ "GET /api/articles/article-1/links": { status: 200, body: { items: [CONTRADICTS] } } });
    const { onSelectClaim } = renderClaimLinks(DOZENS, [CONTRADICTS]);
    await user.click(screen.getByRole("button", { name: /^“a limited number of drones/ }));
    expect(onSelectClaim).toHaveBeenCalledWith(LIMITED.id);
  });

  it("shows nothing for a claim without links", () => {
    stubApi({ "GET /api/articles/article-1/links": { status: 200, body: { items: [CONTRADICTS] } } });
    const { container } = renderClaimLinks(WELCOMED, [CONTRADICTS]);
    expect(container).toBeEmptyDOMElement();
  });

  it("removes a link at once and brings it back with Undo", async () => {
    const user = userEvent.setup();
    let isRemoved = false;
    const api = stubApi({
      "GET /api/articles/article-1/links": () => ({
        status: 200,
        body: { items: isRemoved ? [SUPPORTS] : [CONTRADICTS, SUPPORTS] },
      }),
      "DELETE /api/links/link-1": () => {
        isRemoved = true;
        return { status: 200, body: CONTRADICTS };
      },
      "POST /api/links/link-1/restore": () => {
        isRemoved = false;
        return { status: 200, body: CONTRADICTS };
      },
    });
    const { queryClient } = renderClaimLinks(DOZENS);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");

    await user.click(
      screen.getByRole("button", { name: "Remove link to “a limited number of drones months before the Ukraine war”" }),
    );
    expect(screen.queryByText(/a limited number of drones/)).not.toBeInTheDocument();
    expect(await screen.findByRole("status")).toHaveTextContent("Link removed.");
    expect(api.requestsTo("DELETE /api/links/link-1")).toHaveLength(1);
    const invalidated = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(invalidated).toEqual(
      expect.arrayContaining([linkKeys.ofArticle("article-1"), claimKeys.everyClaim("article-1")]),
    );

    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("button", { name: /Remove link to “a limited number/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Link restored."));
    expect(api.requestsTo("POST /api/links/link-1/restore")).toHaveLength(1);
  });

  it("puts the link back and says so when the server refuses to remove it", async () => {
    const user = userEvent.setup();
    stubApi({
      "GET /api/articles/article-1/links": { status: 200, body: { items: [CONTRADICTS] } },
      "DELETE /api/links/link-1": errorAnswer(500, "INTERNAL"),
    });
    renderClaimLinks(DOZENS, [CONTRADICTS]);
    await user.click(screen.getByRole("button", { name: /Remove link to/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The link could not be removed.");
    expect(screen.getByRole("button", { name: /Remove link to/ })).toBeInTheDocument();
  });
});
