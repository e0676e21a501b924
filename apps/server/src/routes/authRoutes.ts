import { type Principal, ZAuthState, ZLoginRequest, ZPasswordChange, ZSetupRequest } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { clientAddress } from "../auth/clientAddress";
import { clearSessionCookie, writeSessionCookie } from "../auth/sessionCookie";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { isPublic } from "../middleware/authenticate";
import { BODY_LIMITS } from "../middleware/limitBody";
import { rateLimit } from "../middleware/rateLimit";
import { changePassword } from "../services/accounts/changePassword";
import { getAuthState } from "../services/accounts/getAuthState";
import { logIn } from "../services/accounts/logIn";
import { logOut } from "../services/accounts/logOut";
import { setupFirstAdmin } from "../services/accounts/setupFirstAdmin";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** What changing one's password answers. (Not in core yet: only this route sends it, and the web app reads none of it.) */
const ZPasswordChanged = z.object({ revokedSessions: z.number().int() });

/** /api/auth: first-run setup, login, logout, who is signed in, and changing one's password. */
export function authRoutes({ db, guard }: ApiDeps) {
  const { settings } = guard;
  const limitByAddress = rateLimit(guard.loginLimiter, (c) => clientAddress(c, settings.trustProxy));
  // Guesses at the current password count per account, not per session or address: a thief holding
  // stolen sessions, or changing address, gets no more of them than the login allows.
  const limitByAccount = rateLimit(guard.loginLimiter, (c) => `account:${c.get("actor").id}`);
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/me",
        summary: "Who is signed in, and whether the first admin must still be made",
        middleware: [isPublic],
        responses: { 200: jsonAnswer(ZAuthState, "Who is signed in (user is null when no one is)") },
      }),
      async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json(await getAuthState(db, c.get("actor") as Principal | undefined), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/setup",
        summary: "Create the first admin (only while no account exists); signs in",
        middleware: [isPublic, acceptJson(BODY_LIMITS.default), limitByAddress],
        request: { body: jsonRequest(ZSetupRequest) },
        responses: {
          201: jsonAnswer(ZAuthState, "The first admin, signed in"),
          ...errorAnswers("VALIDATION_FAILED", "CONFLICT", "RATE_LIMITED"),
        },
      }),
      async (c) => {
        const { user, session } = await setupFirstAdmin(db, c.req.valid("json"), settings.sessionLifetimeMs);
        writeSessionCookie(c, session.token, session.expiresAt, settings.trustProxy);
        return c.json({ user, isSetupRequired: false }, 201);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/login",
        summary: "Sign in with email and password; sets the session cookie",
        middleware: [isPublic, acceptJson(BODY_LIMITS.default), limitByAddress],
        request: { body: jsonRequest(ZLoginRequest) },
        responses: {
          200: jsonAnswer(ZAuthState, "The account, signed in"),
          ...errorAnswers("VALIDATION_FAILED", "UNAUTHENTICATED", "RATE_LIMITED"),
        },
      }),
      async (c) => {
        const { user, session } = await logIn(db, c.req.valid("json"), {
          sessionLifetimeMs: settings.sessionLifetimeMs,
          failureFloorMs: settings.loginFailureMs,
        });
        writeSessionCookie(c, session.token, session.expiresAt, settings.trustProxy);
        return c.json({ user, isSetupRequired: false }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/logout",
        summary: "Sign out: the session is revoked",
        middleware: [acceptJson(BODY_LIMITS.default)],
        responses: { 204: { description: "Signed out" }, ...errorAnswers("UNAUTHENTICATED") },
      }),
      async (c) => {
        await logOut(db, c.get("sessionToken"));
        clearSessionCookie(c, settings.trustProxy);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/password",
        summary: "Change the password; every other session is revoked",
        middleware: [acceptJson(BODY_LIMITS.default), limitByAccount],
        request: { body: jsonRequest(ZPasswordChange) },
        responses: {
          200: jsonAnswer(ZPasswordChanged, "How many other sessions were revoked"),
          ...errorAnswers("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED"),
        },
      }),
      async (c) => {
        const result = await changePassword(db, c.get("actor"), c.get("sessionToken"), c.req.valid("json"), {
          failureFloorMs: settings.loginFailureMs,
        });
        return c.json(result, 200);
      },
    );
}
