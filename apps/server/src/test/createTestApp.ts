import type { Principal, Role } from "@factmark/core";
import { afterAll } from "vitest";
import { createApp } from "../app";
import { hashPassword } from "../auth/password";
import type { SecuritySettings } from "../auth/securitySettings";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import { createDatabase, type Db } from "../db/createDatabase";
import { createThrowawayDatabase, type ThrowawayDatabase } from "../db/throwawayDatabase";
import { startSession } from "../domain/startSession";
import type { AppDeps } from "../env";
import { ensureAccount, SEED_ADMIN } from "../repositories/accountRepository";

/** Whom a test request is sent as: an account of that role, or no session at all. */
export type TestIdentity = Role | "anonymous";

export interface TestRequestOptions {
  /** Defaults to the app's default identity: "admin" once set up, else "anonymous". */
  as?: TestIdentity;
}

type SendRequest = (
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
  options?: TestRequestOptions,
) => Promise<Response>;

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  /** Sends a JSON request through the real app, as the admin by default (see TestRequestOptions). */
  request: SendRequest;
  /** The same, sent as an account of another role, or anonymously: `testApp.as("viewer").request(...)`. */
  as(identity: TestIdentity): { request: SendRequest };
  /** The account a role's requests come from (the admin is the seed's local reviewer). */
  userFor(role: Role): Promise<Principal>;
  /** The Cookie header that signs a request in as that role. */
  cookieFor(role: Role): Promise<string>;
}

export interface TestAppOptions {
  /** false: no account has a password yet (first run), and requests go without a session. */
  isSetUp?: boolean;
  /** Overrides of the test defaults: rate limits high enough that no test meets them, no login delay. */
  security?: Partial<SecuritySettings>;
  /** Article event streams' settings (see AppDeps.live). */
  live?: AppDeps["live"];
}

/** The first admin's sign-in, for tests that log in. */
export const TEST_ADMIN = { email: "admin@factmark.test", password: "correct horse battery staple" };

const GENEROUS = { capacity: 1_000_000, perMinute: 1_000_000 };
const TEST_SECURITY: Partial<SecuritySettings> = {
  loginLimit: GENEROUS,
  inviteLimit: GENEROUS,
  writeLimit: GENEROUS,
  reportLimit: GENEROUS,
  loginFailureMs: 0,
};

/**
 * A fresh, empty database for this test file, removed after it: a SQLite file, or with
 * TEST_DATABASE_URL (a postgres:// URL of a server where we may CREATE DATABASE) a new database there.
 */
export function createTestDatabase(): Promise<ThrowawayDatabase> {
  return createThrowawayDatabase("factmark_test", process.env.TEST_DATABASE_URL?.trim() || undefined);
}

/**
 * A fresh database (see createTestDatabase), migrated, with the local reviewer set up as the first
 * admin (TEST_ADMIN), behind the real Hono app. Requests are the admin's unless they say otherwise.
 * Closed and removed after the test file.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const isSetUp = options.isSetUp ?? true;
  const database = await createTestDatabase();
  const db = await createDatabase(database.url);
  await ensureAccount(db, SEED_ADMIN);
  const passwordHash = await hashPassword(TEST_ADMIN.password);
  if (isSetUp) {
    await db.account.update({ where: { id: SEED_ADMIN.id }, data: { email: TEST_ADMIN.email, passwordHash } });
  }
  const app = createApp({
    db,
    security: { ...TEST_SECURITY, ...options.security },
    ...(options.live ? { live: options.live } : {}),
  });
  const sendUnsigned = app.request.bind(app);
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  const accounts = new Map<Role, Promise<{ user: Principal; cookie: string }>>();
  function accountFor(role: Role) {
    let account = accounts.get(role);
    if (!account) {
      account = (async () => {
        const user: Principal = role === "admin" ? SEED_ADMIN : { id: `test-${role}`, name: `Test ${role}`, role };
        if (role !== "admin") {
          await db.account.create({
            data: { id: user.id, name: user.name, role, email: `${role}@factmark.test`, passwordHash },
          });
        }
        const session = await startSession(db, user.id, 24 * 60 * 60 * 1000);
        return { user, cookie: `${SESSION_COOKIE}=${session.token}` };
      })();
      accounts.set(role, account);
    }
    return account;
  }

  const defaultIdentity: TestIdentity = isSetUp ? "admin" : "anonymous";
  // Tests that call app.request themselves (multipart uploads) are the admin too, unless they send a cookie.
  const adminCookie = isSetUp ? (await accountFor("admin")).cookie : undefined;
  app.request = (input, requestInit, ...rest) => {
    const headers = new Headers(requestInit?.headers);
    if (adminCookie && !headers.has("cookie")) headers.set("cookie", adminCookie);
    return sendUnsigned(input, { ...requestInit, headers }, ...rest);
  };
  const request: SendRequest = async (method, url, body, headers = {}, requestOptions = {}) => {
    const identity = requestOptions.as ?? defaultIdentity;
    const init: RequestInit = { method, headers: { ...headers } };
    const initHeaders = init.headers as Record<string, string>;
    if (identity !== "anonymous" && !Object.keys(headers).some((name) => name.toLowerCase() === "cookie")) {
      initHeaders.cookie = (await accountFor(identity)).cookie;
    }
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      initHeaders["content-type"] ??= "application/json";
    }
    return sendUnsigned(url, init);
  };
  return {
    app,
    db,
    request,
    as: (identity) => ({
      request: (method, url, body, headers, requestOptions) =>
        request(method, url, body, headers, { as: identity, ...requestOptions }),
    }),
    userFor: async (role) => (await accountFor(role)).user,
    cookieFor: async (role) => (await accountFor(role)).cookie,
  };
}
