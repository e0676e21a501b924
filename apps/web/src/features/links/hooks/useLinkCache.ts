import type { Link } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { historyKeys } from "../../history/queryKeys";
import { linkKeys } from "../queryKeys";

/**
 * Reads and writes one article's links in the query cache, for optimistic updates:
 * `snapshot` before, `restore` on error, `settle` after either.
 */
export function useLinkCache(articleId: string) {
  const queryClient = useQueryClient();
  const key = linkKeys.ofArticle(articleId);
  return {
    async snapshot(): Promise<Link[] | undefined> {
      await queryClient.cancelQueries({ queryKey: key });
      return queryClient.getQueryData<Link[]>(key);
    },
    set(update: (links: Link[]) => Link[]) {
      queryClient.setQueryData<Link[]>(key, (links = []) => update(links));
    },
    restore(previous: Link[] | undefined) {
      queryClient.setQueryData(key, previous);
    },
    /** A link shows in the article's links, its contradictions and both claims' histories. */
    async settle() {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: linkKeys.contradictions(articleId) }),
        queryClient.invalidateQueries({ queryKey: historyKeys.all }),
      ]);
    },
  };
}
