import type {
  AuthState,
  InviteAccept,
  InviteCreate,
  InviteCreated,
  InviteInfo,
  LoginRequest,
  PasswordChange,
  SetupRequest,
  User,
  UserUpdate,
} from "@factmark/core";
import { ApiError, unwrap } from "../../lib/ApiError";
import { apiClient, ifMatch } from "../../lib/apiClient";

export function fetchAuthState(): Promise<AuthState> {
  return unwrap(apiClient.auth.me.$get());
}

export function setUpFirstAdmin(request: SetupRequest): Promise<AuthState> {
  return unwrap(apiClient.auth.setup.$post({ json: request }));
}

export function logIn(request: LoginRequest): Promise<AuthState> {
  return unwrap(apiClient.auth.login.$post({ json: request }));
}

/** Signs out; a session that had already ended counts as signed out. */
export async function logOut(): Promise<void> {
  let response: Response;
  try {
    response = await apiClient.auth.logout.$post();
  } catch {
    throw new ApiError(0, "NETWORK", "Cannot reach the Factmark server. Check your connection and try again.");
  }
  if (!response.ok && response.status !== 401) await unwrap(Promise.resolve(response));
}

export function changePassword(change: PasswordChange): Promise<{ revokedSessions: number }> {
  return unwrap(apiClient.auth.password.$post({ json: change }));
}

export async function fetchUsers(): Promise<User[]> {
  const { items } = await unwrap(apiClient.users.$get());
  return items;
}

export function updateUser(user: Pick<User, "id" | "version">, update: UserUpdate): Promise<User> {
  return unwrap(apiClient.users[":id"].$patch({ param: { id: user.id }, json: update }, { headers: ifMatch(user) }));
}

export function createInvite(request: InviteCreate): Promise<InviteCreated> {
  return unwrap(apiClient.invites.$post({ json: request }));
}

export function fetchInvite(token: string): Promise<InviteInfo> {
  return unwrap(apiClient.invites[":token"].$get({ param: { token } }));
}

export function acceptInvite(token: string, request: InviteAccept): Promise<AuthState> {
  return unwrap(apiClient.invites[":token"].accept.$post({ param: { token }, json: request }));
}
