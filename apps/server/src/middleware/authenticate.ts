import { AppError } from "@factmark/core";
import { createMiddleware } from "hono/factory";
import { hashSecretToken } from "../auth/secretToken";
import { readSessionCookie } from "../auth/sessionCookie";
import type { Db } from "../db/createDatabase";
import type { AppEnv } from "../env";
import { findSessionPrincipal } from "../repositories/sessionRepository";

/** The API's doors open without a session: first-run setup, login, invites, who-am-I, and the API's description. */
const PUBLIC_ROUTES: { method: string; path: RegExp }[] = [
  { method: "POST", path: /^\/api\/auth\/(setup|login)$/ },
  { method: "GET", path: /^\/api\/auth\/me$/ },
  { method: "GET", path: /^\/api\/invites\/[^/]+$/ },
  { method: "POST", path: /^\/api\/invites\/[^/]+\/accept$/ },
  { method: "GET", path: /^\/api\/openapi\.json$/ },
];

export function isPublicRoute(method: string, path: string): boolean {
  return PUBLIC_ROUTES.some((route) => route.method === method && route.path.test(path));
}

/**
 * Sets `actor` to the account of the request's session (one query: the session, live, with its account's
 * current role), and refuses any other API request without one with 401.
 */
export function authenticate(db: Db) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = readSessionCookie(c);
    // A token is 43 base64url characters; anything else is not worth a query.
    const actor =
      token && /^[A-Za-z0-9_-]{43}$/.test(token)
        ? await findSessionPrincipal(db, hashSecretToken(token), new Date())
        : undefined;
    if (actor && token) {
      c.set("actor", actor);
      c.set("sessionToken", token);
    } else if (!isPublicRoute(c.req.method, c.req.path)) {
      throw new AppError("UNAUTHENTICATED", "Sign in first.");
    }
    await next();
  });
}
