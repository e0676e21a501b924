import { mkdirSync } from "node:fs";
import path from "node:path";
import { request } from "@playwright/test";
import { ADMIN_STORAGE_STATE, E2E_ADMIN, E2E_PORT } from "./e2eAccounts";

/**
 * Creates the first admin through the API on the fresh database, as a newsroom's first visit would, and
 * saves the signed-in state every journey starts from (playwright.config.ts: use.storageState).
 */
export default async function globalSetup(): Promise<void> {
  const context = await request.newContext({ baseURL: `http://127.0.0.1:${E2E_PORT}` });
  const response = await context.post("/api/auth/setup", { data: E2E_ADMIN });
  if (response.status() !== 201) {
    throw new Error(`Creating the first admin failed: ${response.status()} ${await response.text()}`);
  }
  mkdirSync(path.dirname(ADMIN_STORAGE_STATE), { recursive: true });
  await context.storageState({ path: ADMIN_STORAGE_STATE });
  await context.dispose();
}
