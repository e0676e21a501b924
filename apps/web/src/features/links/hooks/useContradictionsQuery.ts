import { useQuery } from "@tanstack/react-query";
import { fetchContradictions } from "../api";
import { linkKeys } from "../queryKeys";

/** The article's "contradicts" links with both claims in full, for the side-by-side view. */
export function useContradictionsQuery(articleId: string) {
  return useQuery({ queryKey: linkKeys.contradictions(articleId), queryFn: () => fetchContradictions(articleId) });
}
