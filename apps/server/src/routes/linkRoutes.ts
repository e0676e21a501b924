import { ZId } from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../env";
import { validate } from "../middleware/validate";
import { deleteLink, restoreLink } from "../services/links/deleteLink";

const ZLinkParam = z.object({ id: ZId });

/** /api/links/:id: remove a link and bring it back (links are made under their article). */
export function linkRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .delete("/:id", validate("param", ZLinkParam), async (c) =>
      c.json(await deleteLink(db, c.get("actor"), c.req.valid("param").id), 200),
    )
    .post("/:id/restore", validate("param", ZLinkParam), async (c) =>
      c.json(await restoreLink(db, c.get("actor"), c.req.valid("param").id), 200),
    );
}
