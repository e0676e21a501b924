import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createApp } from "../app";
import { createDatabase, type Db } from "../db/createDatabase";
import { ensureReviewer, LOCAL_REVIEWER } from "../repositories/reviewerRepository";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  /** Sends a JSON request through the real app. */
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/**
 * A fresh SQLite file, migrated, with the local reviewer, behind the real Hono app.
 * Closed and removed after the test file.
 */
export async function createTestApp(): Promise<TestApp> {
  const dir = mkdtempSync(path.join(tmpdir(), "factmark-test-"));
  const db = await createDatabase(`file:${path.join(dir, "test.db")}`);
  await ensureReviewer(db, LOCAL_REVIEWER);
  const app = createApp({ db });
  afterAll(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
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
