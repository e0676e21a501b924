import { AppError, type Principal } from "@factmark/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import { hashSecretToken } from "../auth/secretToken";
import { readSessionCookie } from "../auth/sessionCookie";
import type { Db } from "../db/createDatabase";
import type { AppEnv } from "../env";
import { findSessionPrincipal } from "../repositories/sessionRepository";

/**
 * Marks a route open without a session (first-run setup, login, invites, who-am-I, the API's description):
 * put it first in the route's `middleware`. It does nothing itself; `authenticate` looks for it.
 */
export const isPublic = createMiddleware<AppEnv>((_c, next) => next());

/**
 * Whether the route that answers this request is marked isPublic. App-wide middleware are registered for every
 * method ("ALL"); the first handler registered for the request's method belongs to the route that answers, and a
 * public route's first one is the marker.
 */
export function isPublicRoute(c: Context): boolean {
  const route = matchedRoutes(c).find((matched) => matched.method !== "ALL");
  return route?.handler === isPublic;
}

/**
 * The account of the request's session cookie, with its current role: one query (the session, live, not expired,
 * its account active), none for a cookie that is not a token (43 base64url characters). Undefined without one.
 * Answers the token too, which the write limits count by.
 */
export async function findRequestPrincipal(
  db: Db,
  c: Context,
): Promise<{ principal: Principal; token: string } | undefined> {
  const token = readSessionCookie(c);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const principal = await findSessionPrincipal(db, hashSecretToken(token), new Date());
  return principal ? { principal, token } : undefined;
}

/**
 * Sets `actor` to the account of the request's session (one query: the session, live, with its account's
 * current role), and refuses any other API request without one with 401.
 */
export function authenticate(db: Db) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const session = await findRequestPrincipal(db, c);
    if (session) {
      c.set("actor", session.principal);
      c.set("sessionToken", session.token);
    } else if (!isPublicRoute(c)) {
      throw new AppError("UNAUTHENTICATED", "Sign in first.");
    }
    await next();
  });
}
