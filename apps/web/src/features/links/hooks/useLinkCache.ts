import type { Link } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { listCache } from "../../../lib/listCache";
import { claimKeys } from "../../claims/queryKeys";
import { linkKeys } from "../queryKeys";

/** One article's links in the query cache, for optimistic updates. */
export function useLinkCache(articleId: string) {
  return listCache<Link>(useQueryClient(), linkKeys.ofArticle(articleId), {
    // A link shows in the article's contradictions (inside the links' key) and in both claims' histories.
    alsoInvalidate: [claimKeys.everyClaim(articleId)],
  });
}
