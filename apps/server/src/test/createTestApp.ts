import { afterAll } from "vitest";
import { createApp } from "../app";
import { createDatabase, type Db } from "../db/createDatabase";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../db/throwawayDatabase";
import { ensureReviewer, LOCAL_REVIEWER } from "../repositories/reviewerRepository";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  /** Sends a JSON request through the real app. */
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/**
 * A fresh, empty database for this test file, removed after it: a SQLite file, or with
 * TEST_DATABASE_URL (a postgres:// URL of a server where we may CREATE DATABASE) a new database there.
 */
export function createTestDatabase(): Promise<ThrowawayDatabase> {
  return createThrowawayDatabase("factmark_test", process.env.TEST_DATABASE_URL?.trim() || undefined);
}

/**
 * A fresh database (see createTestDatabase), migrated, with the local reviewer, behind the real Hono app.
 * Closed and removed after the test file.
 */
export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const db = await createDatabase(database.url);
  await ensureReviewer(db, LOCAL_REVIEWER);
  const app = createApp({ db });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });
  return {
    app,
    db,
    request(method, url, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === "string" ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)["content-type"] ??= "application/json";
      }
      return Promise.resolve(app.request(url, init));
    },
  };
}
