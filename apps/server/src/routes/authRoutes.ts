import { type Principal, ZLoginRequest, ZPasswordChange, ZSetupRequest } from "@factmark/core";
import { Hono } from "hono";
import { clientAddress } from "../auth/clientAddress";
import { clearSessionCookie, writeSessionCookie } from "../auth/sessionCookie";
import type { ApiDeps, AppEnv } from "../env";
import { rateLimit } from "../middleware/rateLimit";
import { validate } from "../middleware/validate";
import { changePassword } from "../services/accounts/changePassword";
import { getAuthState } from "../services/accounts/getAuthState";
import { logIn } from "../services/accounts/logIn";
import { logOut } from "../services/accounts/logOut";
import { setupFirstAdmin } from "../services/accounts/setupFirstAdmin";

/** /api/auth: first-run setup, login, logout, who is signed in, and changing one's password. */
export function authRoutes({ db, guard }: ApiDeps) {
  const { settings } = guard;
  const limitByAddress = rateLimit(guard.loginLimiter, (c) => clientAddress(c, settings.trustProxy));
  return new Hono<AppEnv>()
    .get("/me", async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json(await getAuthState(db, c.get("actor") as Principal | undefined), 200);
    })
    .post("/setup", limitByAddress, validate("json", ZSetupRequest), async (c) => {
      const { user, session } = await setupFirstAdmin(db, c.req.valid("json"), settings.sessionLifetimeMs);
      writeSessionCookie(c, session.token, session.expiresAt, settings.trustProxy);
      return c.json({ user, isSetupRequired: false }, 201);
    })
    .post("/login", limitByAddress, validate("json", ZLoginRequest), async (c) => {
      const { user, session } = await logIn(db, c.req.valid("json"), {
        sessionLifetimeMs: settings.sessionLifetimeMs,
        failureFloorMs: settings.loginFailureMs,
      });
      writeSessionCookie(c, session.token, session.expiresAt, settings.trustProxy);
      return c.json({ user, isSetupRequired: false }, 200);
    })
    .post("/logout", async (c) => {
      await logOut(db, c.get("sessionToken"));
      clearSessionCookie(c, settings.trustProxy);
      return c.body(null, 204);
    })
    .post("/password", validate("json", ZPasswordChange), async (c) => {
      const result = await changePassword(db, c.get("actor"), c.get("sessionToken"), c.req.valid("json"));
      return c.json(result, 200);
    });
}
