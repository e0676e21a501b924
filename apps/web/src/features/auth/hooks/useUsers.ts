import type { InviteCreate, User, UserUpdate } from "@factmark/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createInvite, fetchInvite, fetchUsers, updateUser } from "../api";
import { authKeys } from "../queryKeys";

export function useUsersQuery() {
  return useQuery({ queryKey: authKeys.users(), queryFn: fetchUsers });
}

export function useUpdateUserMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, update }: { user: User; update: UserUpdate }) => updateUser(user, update),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  });
}

/** Makes an invite link; the pending invites are read again. */
export function useCreateInviteMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: InviteCreate) => createInvite(request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...authKeys.all, "invites"] }),
  });
}

export function useInviteQuery(token: string) {
  return useQuery({ queryKey: authKeys.invite(token), queryFn: () => fetchInvite(token), retry: false });
}
