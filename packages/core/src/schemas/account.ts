import { z } from "zod";
import { type Actor, ZId, ZTimestamp, ZUserText } from "./common";

/** What an account may do, from least to most: see `permissions.ts` for the actions each allows. */
export const ROLES = ["viewer", "reviewer", "editor", "admin"] as const;
export const ZRole = z.enum(ROLES, { error: `role must be one of: ${ROLES.join(", ")}.` });
export type Role = z.infer<typeof ZRole>;

/** Who is acting on the server, with the role the policy checks. */
export type Principal = Actor & { role: Role };

/** An email address as accounts store it: trimmed and lower-cased, so one person has one account. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .email("Give an email address, like name@example.org.");

/** The fewest characters a new password may have (the forms say so before the server does). */
export const PASSWORD_MIN_LENGTH = 10;

/** A new password: long enough to resist guessing, short enough to bound the work of hashing it. */
export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `A password has at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "A password has at most 200 characters.")
  .refine((value) => value.isWellFormed(), "A password may not contain lone surrogates.");

/** A password as typed at login: only bounded, never judged (the answer must not say why it failed). */
export const ZPasswordAttempt = z
  .string()
  .min(1, "Give your password.")
  .max(200, "A password has at most 200 characters.");

/** A person's name as the history shows it. */
export const ZPersonName = ZUserText(100)
  .transform((value) => value.trim())
  .pipe(z.string().min(1, "Give a name."));

/**
 * An account as the API shows it; never its password hash. `deactivatedAt` is set while an admin has
 * deactivated it: it cannot sign in, nor be assigned a claim, and the history keeps its name.
 */
export const ZUser = z.object({
  id: ZId,
  name: z.string(),
  email: z.string().nullable(),
  role: ZRole,
  version: z.number().int(),
  createdAt: ZTimestamp,
  deactivatedAt: ZTimestamp.nullable(),
});
export type User = z.infer<typeof ZUser>;
export const ZUserList = z.object({ items: z.array(ZUser) });

/** GET /api/auth/me: who is signed in (null when no one), and whether the first admin must still be made. */
export const ZAuthState = z.object({ user: ZUser.nullable(), isSetupRequired: z.boolean() });
export type AuthState = z.infer<typeof ZAuthState>;

/** POST /api/auth/setup: the first admin, allowed only while no account has a password. */
export const ZSetupRequest = z.strictObject({ email: ZEmail, password: ZNewPassword, name: ZPersonName });
export type SetupRequest = z.infer<typeof ZSetupRequest>;

/** POST /api/auth/login */
export const ZLoginRequest = z.strictObject({ email: ZEmail, password: ZPasswordAttempt });
export type LoginRequest = z.infer<typeof ZLoginRequest>;

/** POST /api/auth/password: signs out every other session of the account. */
export const ZPasswordChange = z.strictObject({ currentPassword: ZPasswordAttempt, newPassword: ZNewPassword });
export type PasswordChange = z.infer<typeof ZPasswordChange>;

/** PATCH /api/users/:id (admin, with If-Match). */
export const ZUserUpdate = z
  .strictObject({ role: ZRole.optional(), name: ZPersonName.optional() })
  .refine((update) => update.role !== undefined || update.name !== undefined, "Change the role, the name, or both.");
export type UserUpdate = z.infer<typeof ZUserUpdate>;

/** An invite link's secret: 32 random bytes in base64url. */
export const ZInviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This is not an invite link's token.");

/** POST /api/invites (admin): an invitation to join with a role, for one email address or anyone with the link. */
export const ZInviteCreate = z.strictObject({ role: ZRole, email: ZEmail.optional() });
export type InviteCreate = z.infer<typeof ZInviteCreate>;

/** The answer to POST /api/invites: the token is shown this once; only its hash is stored. */
export const ZInviteCreated = z.object({
  token: ZInviteToken,
  url: z.string(),
  expiresAt: ZTimestamp,
  role: ZRole,
  email: z.string().nullable(),
});
export type InviteCreated = z.infer<typeof ZInviteCreated>;

/**
 * An invite nobody has redeemed yet, not revoked nor expired, as GET /api/invites lists it (admin). `id` names
 * it for DELETE /api/invites/:id: the SHA-256 of its link's token, from which the link cannot be rebuilt.
 */
export const ZPendingInvite = z.object({
  id: z.string(),
  role: ZRole,
  email: z.string().nullable(),
  createdAt: ZTimestamp,
  expiresAt: ZTimestamp,
  createdBy: z.object({ id: ZId, name: z.string() }),
});
export type PendingInvite = z.infer<typeof ZPendingInvite>;
export const ZPendingInviteList = z.object({ items: z.array(ZPendingInvite) });
export type PendingInviteList = z.infer<typeof ZPendingInviteList>;

/** An invite's id in a path: the 64 hex digits of its token's SHA-256. */
export const ZInviteIdParam = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, "This is not an invite's id (64 hexadecimal digits)."),
});

/** GET /api/invites/:token: what the invitation offers, for the accept page. */
export const ZInviteInfo = z.object({ role: ZRole, email: z.string().nullable(), expiresAt: ZTimestamp });
export type InviteInfo = z.infer<typeof ZInviteInfo>;

/** POST /api/invites/:token/accept: `email` is needed only when the invite names none. */
export const ZInviteAccept = z.strictObject({ name: ZPersonName, password: ZNewPassword, email: ZEmail.optional() });
export type InviteAccept = z.infer<typeof ZInviteAccept>;
