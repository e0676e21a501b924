import type { Claim, ClaimList } from "@factmark/core";
import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildClaim } from "../../../test/buildClaim";
import { renderWithQueryClient } from "../../../test/renderWithQueryClient";
import { stubApi } from "../../../test/stubApi";
import { claimKeys } from "../queryKeys";
import { useClaimCache } from "./useClaimCache";
import { useClaimsQuery } from "./useClaimsQuery";

const TEXT = "Iran sold a limited number of drones, said Amir-Abdollahian; Malley said dozens.";
const CLAIMS_ROUTE = "GET /api/articles/article-1/claims";

function ClaimTexts() {
  const { data = [] } = useClaimsQuery("article-1");
  return (
    <ul>
      {data.map((claim) => (
        <li key={claim.id}>{`${claim.selectors.quote.exact}: ${claim.verdict}`}</li>
      ))}
    </ul>
  );
}

let heldCache: ReturnType<typeof useClaimCache> | undefined;

/** The list, with its cache held for the test to change optimistically. */
function ClaimTextsWithCache() {
  heldCache = useClaimCache("article-1");
  return <ClaimTexts />;
}

/** A server whose whole list is `claims`, answering `since=3` with `changes`. */
function stubServer(claims: Claim[], changes: ClaimList) {
  const sinceAsked: (string | null)[] = [];
  stubApi({
    [CLAIMS_ROUTE]: ({ query }) => {
      sinceAsked.push(query.get("since"));
      return { status: 200, body: query.has("since") ? changes : { items: claims, deletedIds: [], cursor: 3 } };
    },
  });
  return sinceAsked;
}

function texts() {
  return screen.getAllByRole("listitem").map((item) => item.textContent);
}

describe("useClaimsQuery", () => {
  const sold = buildClaim(TEXT, "Iran sold");
  const limited = buildClaim(TEXT, "a limited number of drones");
  const dozens = buildClaim(TEXT, "dozens");

  it("reads the list whole once, then only what changed, and merges it in document order", async () => {
    const added = buildClaim(TEXT, "Malley said");
    const sinceAsked = stubServer([sold, limited, dozens], {
      items: [{ ...dozens, verdict: "contradicted", version: 2 }, added],
      deletedIds: [limited.id],
      cursor: 7,
    });
    const { queryClient } = renderWithQueryClient(<ClaimTexts />);
    await waitFor(() => expect(texts()).toHaveLength(3));

    await act(() => queryClient.invalidateQueries({ queryKey: claimKeys.ofArticle("article-1") }));
    await waitFor(() =>
      expect(texts()).toEqual(["Iran sold: unverified", "Malley said: unverified", "dozens: contradicted"]),
    );
    expect(sinceAsked).toEqual([null, "3"]);
  });

  it("reads the list whole again after an optimistic change is undone", async () => {
    const sinceAsked = stubServer([sold, limited], { items: [], deletedIds: [], cursor: 3 });
    const { queryClient } = renderWithQueryClient(<ClaimTextsWithCache />);
    await waitFor(() => expect(texts()).toHaveLength(2));

    await act(async () => {
      const previous = heldCache?.snapshot();
      heldCache?.set((items) => items.filter((claim) => claim.id !== sold.id));
      heldCache?.restore(previous);
    });
    await act(() => queryClient.invalidateQueries({ queryKey: claimKeys.ofArticle("article-1") }));
    await waitFor(() => expect(sinceAsked).toEqual([null, null]));
    expect(texts()).toEqual(["Iran sold: unverified", "a limited number of drones: unverified"]);
  });
});
