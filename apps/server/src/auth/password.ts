import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

/**
 * scrypt, memory-hard: N = 2^15, r = 8 (32 MiB and some 50-100 ms per hash here), a 16-byte salt of
 * its own per password, a 32-byte key. The parameters are stored with the hash, so they can be raised
 * later without invalidating old hashes.
 */
const PARAMETERS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const PREFIX = "scrypt";

function deriveKey(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above 128 * N * r, which Node's default (32 MiB) does not leave room for.
    scrypt(password.normalize("NFC"), salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, PARAMETERS, KEY_LENGTH);
  const { N, r, p } = PARAMETERS;
  return [PREFIX, N, r, p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Whether a password matches a stored hash, compared in constant time. A malformed hash matches nothing. */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  const [prefix, n, r, p, saltText, keyText] = storedHash.split("$");
  if (prefix !== PREFIX || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, "base64");
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (![options.N, options.r, options.p].every(Number.isSafeInteger) || expected.length === 0) return false;
  const actual = await deriveKey(password, Buffer.from(saltText, "base64"), options, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash no password was ever given for: a login with an unknown email verifies against it, so it costs
 * the same time as a wrong password for a real account.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(24).toString("base64"));
  return decoyHash;
}
