import { test as base, request as newRequest } from "@playwright/test";
import { E2E_ADMIN } from "./e2eAccounts";

type StorageState = Awaited<ReturnType<Awaited<ReturnType<typeof newRequest.newContext>>["storageState"]>>;

/** How many times a sign-in refused for its rate (429) is tried again, each after the Retry-After it was given. */
const RATE_LIMITED_TRIES = 5;

/**
 * The admin's signed-in state, from a sign-in of its own on this run's server. Quick tests in a row can sign in
 * faster than the login's rate limit allows: a 429 is waited out (its Retry-After) and tried again.
 */
export async function signInAdmin(baseURL: string): Promise<StorageState> {
  const context = await newRequest.newContext({ baseURL });
  const signIn = () =>
    context.post("/api/auth/login", { data: { email: E2E_ADMIN.email, password: E2E_ADMIN.password } });
  let response = await signIn();
  for (let tries = 1; response.status() === 429 && tries < RATE_LIMITED_TRIES; tries += 1) {
    const waitSeconds = Number(response.headers()["retry-after"] ?? 1);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, waitSeconds) * 1000));
    response = await signIn();
  }
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
