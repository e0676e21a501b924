import { ZAuthState, ZInviteAccept, ZInviteCreate, ZInviteCreated, ZInviteInfo, ZInviteToken } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { clientAddress } from "../auth/clientAddress";
import { writeSessionCookie } from "../auth/sessionCookie";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { isPublic } from "../middleware/authenticate";
import { BODY_LIMITS } from "../middleware/limitBody";
import { rateLimit } from "../middleware/rateLimit";
import { acceptInvite, getInvite } from "../services/accounts/acceptInvite";
import { createInvite } from "../services/accounts/createInvite";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

const ZInviteParam = z.object({ token: ZInviteToken });

/** /api/invites: an admin makes an invite link; whoever holds it looks at it and redeems it, once. */
export function inviteRoutes({ db, guard }: ApiDeps) {
  const { settings } = guard;
  // Guessing a 256-bit token is hopeless; the limit keeps anyone from trying at volume all the same.
  const limitByAddress = rateLimit(guard.inviteLimiter, (c) => clientAddress(c, settings.trustProxy));
  return createRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/",
        summary: "Invite someone with a role: an expiring, single-use link (admins)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { body: jsonRequest(ZInviteCreate) },
        responses: {
          201: jsonAnswer(ZInviteCreated, "The invite and its link (shown once)"),
          ...errorAnswers("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
        },
      }),
      async (c) => {
        const origin = settings.publicUrl ?? new URL(c.req.url).origin;
        const invite = await createInvite(db, c.get("actor"), c.req.valid("json"), {
          origin,
          lifetimeMs: settings.inviteLifetimeMs,
        });
        c.header("Cache-Control", "no-store");
        return c.json(invite, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{token}",
        summary: "What an invite offers",
        middleware: [isPublic, limitByAddress],
        request: { params: ZInviteParam },
        responses: {
          200: jsonAnswer(ZInviteInfo, "The invite's role and who sent it"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "RATE_LIMITED"),
        },
      }),
      async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json(await getInvite(db, c.req.valid("param").token), 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{token}/accept",
        summary: "Accept an invite: creates the account and signs in",
        middleware: [isPublic, acceptJson(BODY_LIMITS.default), limitByAddress],
        request: { params: ZInviteParam, body: jsonRequest(ZInviteAccept) },
        responses: {
          201: jsonAnswer(ZAuthState, "The new account, signed in"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "RATE_LIMITED"),
        },
      }),
      async (c) => {
        const { user, session } = await acceptInvite(
          db,
          c.req.valid("param").token,
          c.req.valid("json"),
          settings.sessionLifetimeMs,
        );
        writeSessionCookie(c, session.token, session.expiresAt, settings.trustProxy);
        return c.json({ user, isSetupRequired: false }, 201);
      },
    );
}
