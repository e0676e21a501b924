import { test as base, request as newRequest } from "@playwright/test";
import { E2E_ADMIN } from "./e2eAccounts";

type StorageState = Awaited<ReturnType<Awaited<ReturnType<typeof newRequest.newContext>>["storageState"]>>;

/** The admin's signed-in state, from a sign-in of its own on this run's server. */
export async function signInAdmin(baseURL: string): Promise<StorageState> {
  const context = await newRequest.newContext({ baseURL });
  const response = await context.post("/api/auth/login", {
    data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password },
  });
  if (!response.ok()) throw new Error(`Signing in the admin failed: ${response.status()} ${await response.text()}`);
  const state = await context.storageState();
  await context.dispose();
  return state;
}

/**
 * `test` whose pages and requests are the admin's, signed in afresh rather than read from the file the global setup
 * saved: several runs on one machine share that file, and a session cookie names no port.
 */
export const test = base.extend({
  storageState: async ({ baseURL }, use) => {
    await use(await signInAdmin(baseURL ?? ""));
  },
});
