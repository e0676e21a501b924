import type { User } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { authKeys } from "../../auth/queryKeys";
import { deactivateUser, reactivateUser } from "../api";

/** Deactivates or reactivates an account, then reads the accounts again. */
export function useAccountActivationMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, isActivating }: { user: User; isActivating: boolean }) =>
      isActivating ? reactivateUser(user) : deactivateUser(user),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.users() }),
  });
}
