import type { Claim, ClaimCreate, ClaimList, ClaimUpdate, NearestMatchAnswer } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";
import { queueClaimWrite } from "./claimWrites";

/** An article's claims; with `since` (an earlier answer's cursor), only what changed after it. */
export async function fetchClaims(articleId: string, since?: number): Promise<ClaimList> {
  return unwrap(
    apiClient.articles[":id"].claims.$get({
      param: { id: articleId },
      query: since === undefined ? {} : { since: String(since) },
    }),
  );
}

export async function createClaim(articleId: string, input: ClaimCreate): Promise<Claim> {
  return unwrap(apiClient.articles[":id"].claims.$post({ param: { id: articleId }, json: input }));
}

/** Changes a claim, after this page's earlier writes of it (queueClaimWrite). */
export async function updateClaim(claim: Pick<Claim, "id" | "version">, change: ClaimUpdate): Promise<Claim> {
  return queueClaimWrite(
    claim,
    (version) =>
      unwrap(
        apiClient.claims[":id"].$patch({ param: { id: claim.id }, json: change }, { headers: ifMatch({ version }) }),
      ),
    (answer) => answer.version,
  );
}

export async function deleteClaim(claim: Pick<Claim, "id">): Promise<Claim> {
  return unwrap(apiClient.claims[":id"].$delete({ param: { id: claim.id } }));
}

export async function restoreClaim(claim: Pick<Claim, "id">): Promise<Claim> {
  return unwrap(apiClient.claims[":id"].restore.$post({ param: { id: claim.id } }));
}

/** Says the place a save moved the claim to (a fuzzy match) is right; clears its "moved — check it" flag. */
export async function confirmClaimAnchor(claim: Pick<Claim, "id" | "version">): Promise<Claim> {
  return queueClaimWrite(
    claim,
    (version) =>
      unwrap(
        apiClient.claims[":id"]["anchor-confirmation"].$post(
          { param: { id: claim.id } },
          { headers: ifMatch({ version }) },
        ),
      ),
    (answer) => answer.version,
  );
}

/** For an orphan: the closest words in the article now, with what differs, or null. */
export async function fetchNearestMatch(claim: Pick<Claim, "id">): Promise<NearestMatchAnswer["match"]> {
  const { match } = await unwrap(apiClient.claims[":id"]["nearest-match"].$get({ param: { id: claim.id } }));
  return match;
}

export async function fetchSpeakers(articleId: string): Promise<string[]> {
  const { items } = await unwrap(apiClient.articles[":id"].speakers.$get({ param: { id: articleId } }));
  return items;
}
