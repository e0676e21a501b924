import { hashPassword } from "../apps/server/src/auth/password";
import { SESSION_COOKIE } from "../apps/server/src/auth/sessionCookie";
import type { Db } from "../apps/server/src/db/createDatabase";
import { startSession } from "../apps/server/src/domain/startSession";
import { SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";

const HOUR_MS = 60 * 60 * 1000;

/** Makes the local reviewer an admin who can sign in and answers a Cookie header with a session of theirs. */
export async function signInBenchAdmin(db: Db): Promise<string> {
  await db.account.update({
    where: { id: SEED_ADMIN.id },
    data: { email: "bench-admin@factmark.test", passwordHash: await hashPassword("bench admin password") },
  });
  return `${SESSION_COOKIE}=${(await startSession(db, SEED_ADMIN.id, HOUR_MS)).token}`;
}

/** `count` reviewer accounts, each with a session: answers their Cookie headers. */
export async function signInBenchReviewers(db: Db, count: number): Promise<string[]> {
  const passwordHash = await hashPassword("bench reviewer password");
  const cookies: string[] = [];
  for (let index = 0; index < count; index++) {
    const reviewer = await db.account.create({
      data: {
        id: `bench-reviewer-${index}`,
        name: `Bench reviewer ${index}`,
        email: `reviewer-${index}@factmark.test`,
        role: "reviewer",
        passwordHash,
      },
    });
    cookies.push(`${SESSION_COOKIE}=${(await startSession(db, reviewer.id, HOUR_MS)).token}`);
  }
  return cookies;
}
