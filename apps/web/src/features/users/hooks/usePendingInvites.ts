import type { PendingInvite } from "@factmark/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchPendingInvites, revokeInvite } from "../api";
import { usersKeys } from "../queryKeys";

export function usePendingInvitesQuery() {
  return useQuery({ queryKey: usersKeys.pendingInvites(), queryFn: fetchPendingInvites });
}

/** Revokes an invite; the list is read again whether it worked or not (another admin may have been first). */
export function useRevokeInviteMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invite: PendingInvite) => revokeInvite(invite),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKeys.pendingInvites() }),
  });
}
