import type { Claim, Evidence } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { listCache } from "../../../lib/listCache";
import { historyKeys } from "../../history/queryKeys";
import { evidenceKeys } from "../queryKeys";

/** One claim's evidence in the query cache, for optimistic updates. */
export function useEvidenceCache(claim: Pick<Claim, "id" | "articleId">) {
  // Evidence shows in its list and in the claim's history.
  return listCache<Evidence>(useQueryClient(), evidenceKeys.ofClaim(claim), {
    alsoInvalidate: [historyKeys.ofClaim(claim)],
  });
}
