import type { Action, User } from "@factmark/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchAuthState } from "../api";
import { can as canUser } from "../can";
import { authKeys } from "../queryKeys";

export interface CurrentUser {
  /** The signed-in account, or null when no one is signed in (or while loading). */
  user: User | null;
  /** No account exists yet: the app asks for the first admin. */
  isSetupRequired: boolean;
  isLoading: boolean;
  /** The auth state could not be loaded (the server is unreachable, say). */
  error: Error | null;
  /** Whether the signed-in user may take an action; false when signed out. */
  can: (action: Action) => boolean;
}

/** Who is signed in: the query the gate reads, and the one started with the page (startRouteData). */
export function authStateQueryOptions() {
  return queryOptions({ queryKey: authKeys.me(), queryFn: fetchAuthState, staleTime: 60_000 });
}

export function useAuthStateQuery() {
  return useQuery(authStateQueryOptions());
}

/** Who is signed in and what they may do: `const { user, can } = useCurrentUser(); can("claim.create")`. */
export function useCurrentUser(): CurrentUser {
  const query = useAuthStateQuery();
  const user = query.data?.user ?? null;
  const can = useCallback((action: Action) => canUser(user, action), [user]);
  return {
    user,
    isSetupRequired: query.data?.isSetupRequired ?? false,
    isLoading: query.isPending,
    error: query.error,
    can,
  };
}
