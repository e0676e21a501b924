/** Query keys of accounts: who is signed in, and (for admins) every user. */
export const authKeys = {
  all: ["auth"] as const,
  me: () => [...authKeys.all, "me"] as const,
  users: () => [...authKeys.all, "users"] as const,
  invite: (token: string) => [...authKeys.all, "invite", token] as const,
};
