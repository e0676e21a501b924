import { useQuery } from "@tanstack/react-query";
import { fetchSuggestions } from "../api";
import { suggestionKeys } from "../queryKeys";

/**
 * The article's suggestions for `articleVersion` (the version the editor shows), asked for only while the
 * Suggestions tab is open (`isEnabled`). Keyed on the version, so a text edit asks again instead of showing the
 * old offsets; `isCurrent` is false while the answer is for another version than the one shown (the article
 * moved on after it was read, or the server's is newer): its rows and highlights are not shown then.
 */
export function useSuggestionsQuery(articleId: string, articleVersion: number, isEnabled: boolean) {
  const query = useQuery({
    queryKey: suggestionKeys.ofVersion(articleId, articleVersion),
    queryFn: () => fetchSuggestions(articleId),
    enabled: isEnabled,
  });
  return { ...query, isCurrent: query.data?.version === articleVersion };
}
