import { ZInviteAccept, ZInviteCreate, ZInviteToken } from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import { clientAddress } from "../auth/clientAddress";
import { writeSessionCookie } from "../auth/sessionCookie";
import type { ApiDeps, AppEnv } from "../env";
import { rateLimit } from "../middleware/rateLimit";
import { validate } from "../middleware/validate";
import { acceptInvite, getInvite } from "../services/accounts/acceptInvite";
import { createInvite } from "../services/accounts/createInvite";

const ZInviteParam = z.object({ token: ZInviteToken });

/** /api/invites: an admin makes an invite link; whoever holds it looks at it and redeems it, once. */
export function inviteRoutes({ db, guard }: ApiDeps) {
  const { settings } = guard;
  // Guessing a 256-bit token is hopeless; the limit keeps anyone from trying at volume all the same.
  const limitByAddress = rateLimit(guard.inviteLimiter, (c) => clientAddress(c, settings.trustProxy));
  return new Hono<AppEnv>()
    .post("/", validate("json", ZInviteCreate), async (c) => {
      const origin = settings.publicUrl ?? new URL(c.req.url).origin;
      const invite = await createInvite(db, c.get("actor"), c.req.valid("json"), {
        origin,
        lifetimeMs: settings.inviteLifetimeMs,
      });
      c.header("Cache-Control", "no-store");
      return c.json(invite, 201);
    })
    .get("/:token", limitByAddress, validate("param", ZInviteParam), async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json(await getInvite(db, c.req.valid("param").token), 200);
    })
    .post(
      "/:token/accept",
      limitByAddress,
      validate("param", ZInviteParam),
      validate("json", ZInviteAccept),
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
