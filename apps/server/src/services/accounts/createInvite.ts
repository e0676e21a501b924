import { AppError, type InviteCreate, type InviteCreated, type Principal } from "@factmark/core";
import { hashSecretToken, newSecretToken } from "../../auth/secretToken";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { findAccountByEmail } from "../../repositories/accountRepository";
import { createInvite as storeInvite } from "../../repositories/inviteRepository";

/**
 * An invitation to join with a role (admin): a link with a random token, redeemable once before it
 * expires. The token is in this answer only; the database keeps its hash. `options.origin` is where the
 * link starts: PUBLIC_URL, else the address the request was sent to (`publicBaseUrl`), never a guess.
 */
export async function createInvite(
  db: Db,
  actor: Principal,
  request: InviteCreate,
  options: { origin: string; lifetimeMs: number },
): Promise<InviteCreated> {
  authorize(actor, "invite.create");
  const { role, email } = request;
  if (email && (await findAccountByEmail(db, email))) {
    throw new AppError("CONFLICT", "Someone already has an account with this email.");
  }
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + options.lifetimeMs);
  await storeInvite(db, { id: hashSecretToken(token), role, email: email ?? null, createdById: actor.id, expiresAt });
  return {
    token,
    url: `${options.origin}/invite/${token}`,
    expiresAt: expiresAt.toISOString(),
    role,
    email: email ?? null,
  };
}
