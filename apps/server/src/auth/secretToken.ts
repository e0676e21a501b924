import { createHash, randomBytes } from "node:crypto";

/** A new secret for a session cookie or an invite link: 32 random bytes, base64url (43 characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database stores for a token: its SHA-256, hex. A token has 256 random bits, so a fast hash is
 * enough (nothing to brute-force), and a leaked database or backup holds no usable session or invite.
 */
export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
