import { ZEvidenceUpdate, ZId } from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../env";
import { etag, readIfMatch, requireIfMatch } from "../middleware/ifMatch";
import { validate } from "../middleware/validate";
import { deleteEvidence, restoreEvidence } from "../services/evidence/deleteEvidence";
import { getEvidence } from "../services/evidence/getEvidence";
import { updateEvidence } from "../services/evidence/updateEvidence";

const ZEvidenceParam = z.object({ id: ZId });

/** /api/evidence/:id: read, change (If-Match), remove and restore one piece of evidence. */
export function evidenceRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/:id", validate("param", ZEvidenceParam), async (c) => {
      const evidence = await getEvidence(db, c.req.valid("param").id);
      c.header("ETag", etag(evidence));
      return c.json(evidence, 200);
    })
    .patch("/:id", validate("param", ZEvidenceParam), validate("json", ZEvidenceUpdate), async (c) => {
      const version = requireIfMatch(c);
      const { id } = c.req.valid("param");
      const evidence = await updateEvidence(db, c.get("actor"), id, version, c.req.valid("json"));
      c.header("ETag", etag(evidence));
      return c.json(evidence, 200);
    })
    .delete("/:id", validate("param", ZEvidenceParam), async (c) => {
      const evidence = await deleteEvidence(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
      c.header("ETag", etag(evidence));
      return c.json(evidence, 200);
    })
    .post("/:id/restore", validate("param", ZEvidenceParam), async (c) => {
      const evidence = await restoreEvidence(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
      c.header("ETag", etag(evidence));
      return c.json(evidence, 200);
    });
}
