import type { AuthState, InviteAccept, LoginRequest, PasswordChange, SetupRequest } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { acceptInvite, changePassword, logIn, logOut, setUpFirstAdmin } from "../api";
import { authKeys } from "../queryKeys";

/** Signing in, out or up changes whose data the cache holds: keep only the new auth state. */
function useReplaceSession() {
  const queryClient = useQueryClient();
  return (state: AuthState) => {
    queryClient.setQueryData(authKeys.me(), state);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  };
}

export function useSetupMutation() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: (request: SetupRequest) => setUpFirstAdmin(request), onSuccess: replaceSession });
}

export function useLoginMutation() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: (request: LoginRequest) => logIn(request), onSuccess: replaceSession });
}

export function useAcceptInviteMutation(token: string) {
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: (request: InviteAccept) => acceptInvite(token, request),
    onSuccess: replaceSession,
  });
}

export function useLogoutMutation() {
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => replaceSession({ user: null, isSetupRequired: false }),
  });
}

export function useChangePasswordMutation() {
  return useMutation({ mutationFn: (change: PasswordChange) => changePassword(change) });
}
