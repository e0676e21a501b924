import {
  ZAuthState,
  ZInviteAccept,
  ZInviteCreate,
  ZInviteCreated,
  ZInviteIdParam,
  ZInviteInfo,
  ZInviteToken,
  ZPendingInviteList,
} from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { clientAddress, publicBaseUrl } from "../auth/clientAddress";
import { writeSessionCookie } from "../auth/sessionCookie";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { isPublic } from "../middleware/authenticate";
import { BODY_LIMITS } from "../middleware/limitBody";
import { rateLimit } from "../middleware/rateLimit";
import { acceptInvite, getInvite } from "../services/accounts/acceptInvite";
import { createInvite } from "../services/accounts/createInvite";
import { listPendingInvites } from "../services/accounts/listPendingInvites";
import { revokeInvite } from "../services/accounts/revokeInvite";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

const ZInviteParam = z.object({ token: ZInviteToken });

/**
 * /api/invites: an admin makes an invite link, lists the pending ones and revokes them; whoever holds a link
 * looks at it and redeems it, once.
 */
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
        const origin = publicBaseUrl(c, settings);
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
        path: "/",
        summary: "The invites nobody has redeemed, revoked or let expire (admins)",
        responses: {
          200: jsonAnswer(ZPendingInviteList, "The pending invites, soonest to expire first"),
          ...errorAnswers("UNAUTHENTICATED", "FORBIDDEN"),
        },
      }),
      async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json({ items: await listPendingInvites(db, c.get("actor")) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/{id}",
        middleware: [acceptJson(BODY_LIMITS.default)],
        summary: "Revoke a pending invite: its link answers 404 from now on (admins)",
        request: { params: ZInviteIdParam },
        responses: {
          204: { description: "Revoked" },
          ...errorAnswers("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
        },
      }),
      async (c) => {
        await revokeInvite(db, c.get("actor"), c.req.valid("param").id);
        return c.body(null, 204);
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
