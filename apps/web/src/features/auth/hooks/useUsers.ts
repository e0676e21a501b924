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

export function useCreateInviteMutation() {
  return useMutation({ mutationFn: (request: InviteCreate) => createInvite(request) });
}

export function useInviteQuery(token: string) {
  return useQuery({ queryKey: authKeys.invite(token), queryFn: () => fetchInvite(token), retry: false });
}
