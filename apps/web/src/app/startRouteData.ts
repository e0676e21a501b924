import { articleIdOfPagePath } from "@factmark/core";
import type { QueryClient } from "@tanstack/react-query";
import { articleQueryOptions } from "../features/articles/hooks/useArticleQuery";
import { authStateQueryOptions } from "../features/auth/hooks/useCurrentUser";
import { claimsQueryOptions } from "../features/claims/hooks/useClaimsQuery";

/** The article a path opens (core's articleIdOfPagePath, the server's reading too), or null. */
export const articleIdOfPath = articleIdOfPagePath;

/**
 * Starts the requests the page at `pathname` needs before any of its code has loaded: who is signed in, and on an
 * article its document and claims, beside each other instead of after the sign-in check and the page's chunk.
 * They are the same requests (same URLs) the server's HTML already preloads (serveWebApp), so the browser answers
 * them from those; the pages' hooks then find them in the query cache, in flight or done.
 */
export function startRouteData(queryClient: QueryClient, pathname: string): void {
  void queryClient.prefetchQuery(authStateQueryOptions());
  const articleId = articleIdOfPath(pathname);
  if (articleId === null) return;
  void queryClient.prefetchQuery(articleQueryOptions(articleId));
  void queryClient.prefetchQuery(claimsQueryOptions(queryClient, articleId));
}
