import { ZId, ZUserUpdate } from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import type { ApiDeps, AppEnv } from "../env";
import { etag, requireIfMatch } from "../middleware/ifMatch";
import { validate } from "../middleware/validate";
import { listUsers } from "../services/accounts/listUsers";
import { updateUser } from "../services/accounts/updateUser";

const ZUserParam = z.object({ id: ZId });

/** /api/users (admin): every account; change one's role or name with If-Match. */
export function userRoutes({ db }: ApiDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json({ items: await listUsers(db, c.get("actor")) }, 200))
    .patch("/:id", validate("param", ZUserParam), validate("json", ZUserUpdate), async (c) => {
      const version = requireIfMatch(c);
      const user = await updateUser(db, c.get("actor"), c.req.valid("param").id, version, c.req.valid("json"));
      c.header("ETag", etag(user));
      return c.json(user, 200);
    });
}
