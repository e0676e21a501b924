import { AppError } from "@factmark/core";
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
    } else if (!isPublicRoute(c)) {
      throw new AppError("UNAUTHENTICATED", "Sign in first.");
    }
    await next();
  });
}
