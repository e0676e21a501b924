import { useQuery } from "@tanstack/react-query";
import { fetchClaims } from "../api";
import { claimKeys } from "../queryKeys";

export function useClaimsQuery(articleId: string) {
  return useQuery({ queryKey: claimKeys.ofArticle(articleId), queryFn: () => fetchClaims(articleId) });
}
