import { useQuery } from "@tanstack/react-query";
import { fetchLinks } from "../api";
import { linkKeys } from "../queryKeys";

/** The visible links of an article, both kinds, in either direction. */
export function useLinksQuery(articleId: string) {
  return useQuery({ queryKey: linkKeys.ofArticle(articleId), queryFn: () => fetchLinks(articleId) });
}
