/** The query parameter of an article's address that names the claim to open: `/articles/a1?claim=c7`. */
export const CLAIM_QUERY_PARAMETER = "claim";

/** The address of an article opened on one of its claims. */
export function claimAddress(articleId: string, claimId: string): string {
  const query = new URLSearchParams({ [CLAIM_QUERY_PARAMETER]: claimId });
  return `/articles/${encodeURIComponent(articleId)}?${query}`;
}
