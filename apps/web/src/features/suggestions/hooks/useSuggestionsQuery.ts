import { useQuery } from "@tanstack/react-query";
import { fetchSuggestions } from "../api";
import { suggestionKeys } from "../queryKeys";

/** The article's suggestions, asked for only while the Suggestions tab is open (`isEnabled`). */
export function useSuggestionsQuery(articleId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: suggestionKeys.ofArticle(articleId),
    queryFn: () => fetchSuggestions(articleId),
    enabled: isEnabled,
  });
}
