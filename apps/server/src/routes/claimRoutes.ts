import { ZClaimUpdate, ZId } from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../env";
import { etag, readIfMatch, requireIfMatch } from "../middleware/ifMatch";
import { validate } from "../middleware/validate";
import { deleteClaim, restoreClaim } from "../services/deleteClaim";
import { getClaim } from "../services/getClaim";
import { updateClaim } from "../services/updateClaim";

const ZClaimParam = z.object({ id: ZId });

/** /api/claims/:id: read, change (If-Match), delete and restore one claim. */
export function claimRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/:id", validate("param", ZClaimParam), async (c) => {
      const claim = await getClaim(db, c.req.valid("param").id);
      c.header("ETag", etag(claim));
      return c.json(claim, 200);
    })
    .patch("/:id", validate("param", ZClaimParam), validate("json", ZClaimUpdate), async (c) => {
      const version = requireIfMatch(c);
      const claim = await updateClaim(db, c.get("actor"), c.req.valid("param").id, version, c.req.valid("json"));
      c.header("ETag", etag(claim));
      return c.json(claim, 200);
    })
    .delete("/:id", validate("param", ZClaimParam), async (c) => {
      const claim = await deleteClaim(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
      c.header("ETag", etag(claim));
      return c.json(claim, 200);
    })
    .post("/:id/restore", validate("param", ZClaimParam), async (c) => {
      const claim = await restoreClaim(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
      c.header("ETag", etag(claim));
      return c.json(claim, 200);
    });
}
