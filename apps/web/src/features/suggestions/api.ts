import type { SuggestionDismissal, SuggestionDismissalCreate, SuggestionsAnswer } from "@factmark/core";
import { unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";

/** The article's suggested claims and contradiction candidates, best first (the browser revalidates by ETag). */
export async function fetchSuggestions(articleId: string): Promise<SuggestionsAnswer> {
  return unwrap(apiClient.articles[":id"].suggestions.$get({ param: { id: articleId } }));
}

/** Sets a suggestion aside on the article version its offsets were read from (412 on another). */
export async function dismissSuggestion(
  articleId: string,
  articleVersion: number,
  input: SuggestionDismissalCreate,
): Promise<SuggestionDismissal> {
  return unwrap(
    apiClient.articles[":id"].suggestions.dismissals.$post(
      { param: { id: articleId }, json: input },
      { headers: ifMatch({ version: articleVersion }) },
    ),
  );
}
