import type { Precedent } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient } from "../../lib/apiClient";

/** GET /api/claims/:id/precedents: up to five claims of other articles that say much the same, best first. */
export async function fetchPrecedents(claimId: string): Promise<Precedent[]> {
  const { items } = await unwrap(apiClient.claims[":id"].precedents.$get({ param: { id: claimId }, query: {} }));
  return items;
}
