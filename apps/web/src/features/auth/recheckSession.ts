import type { QueryClient } from "@tanstack/react-query";
import { authKeys } from "./queryKeys";

/**
 * What the app does when it learns the session may have ended (a 401, or the live stream's "signed-out"):
 * asks who is signed in again; if no one, the auth gate shows the sign-in page and the page behind it goes.
 */
export function recheckSession(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: authKeys.me() });
}
