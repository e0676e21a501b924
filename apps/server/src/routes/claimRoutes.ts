import { ZClaimReattach, ZClaimUpdate, ZEvidenceCreate, ZId, ZUndoRequest } from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../env";
import { etag, readIfMatch, requireIfMatch } from "../middleware/ifMatch";
import { validate } from "../middleware/validate";
import { confirmClaimAnchor } from "../services/claims/confirmClaimAnchor";
import { deleteClaim, restoreClaim } from "../services/claims/deleteClaim";
import { findClaimNearestMatch } from "../services/claims/findClaimNearestMatch";
import { getClaim } from "../services/claims/getClaim";
import { getClaimHistory } from "../services/claims/getClaimHistory";
import { reattachClaim } from "../services/claims/reattachClaim";
import { undoClaimChange } from "../services/claims/undoClaimChange";
import { updateClaim } from "../services/claims/updateClaim";
import { createEvidence } from "../services/evidence/createEvidence";
import { listEvidence } from "../services/evidence/listEvidence";

const ZClaimParam = z.object({ id: ZId });

/** /api/claims/:id: read, change (If-Match), delete and restore one claim; its evidence and history. */
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
    })
    .post("/:id/reattach", validate("param", ZClaimParam), validate("json", ZClaimReattach), async (c) => {
      const { id } = c.req.valid("param");
      const claim = await reattachClaim(db, c.get("actor"), id, c.req.valid("json"), readIfMatch(c));
      c.header("ETag", etag(claim));
      return c.json(claim, 200);
    })
    .post("/:id/anchor-confirmation", validate("param", ZClaimParam), async (c) => {
      const claim = await confirmClaimAnchor(db, c.get("actor"), c.req.valid("param").id, requireIfMatch(c));
      c.header("ETag", etag(claim));
      return c.json(claim, 200);
    })
    .get("/:id/nearest-match", validate("param", ZClaimParam), async (c) =>
      c.json(await findClaimNearestMatch(db, c.req.valid("param").id), 200),
    )
    .get("/:id/evidence", validate("param", ZClaimParam), async (c) =>
      c.json({ items: await listEvidence(db, c.req.valid("param").id) }, 200),
    )
    .post("/:id/evidence", validate("param", ZClaimParam), validate("json", ZEvidenceCreate), async (c) => {
      const evidence = await createEvidence(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json"));
      c.header("ETag", etag(evidence));
      c.header("Location", `/api/evidence/${evidence.id}`);
      return c.json(evidence, 201);
    })
    .get("/:id/history", validate("param", ZClaimParam), async (c) =>
      c.json(await getClaimHistory(db, c.req.valid("param").id), 200),
    )
    .post("/:id/history/undo", validate("param", ZClaimParam), validate("json", ZUndoRequest), async (c) => {
      const { id } = c.req.valid("param");
      const result = await undoClaimChange(db, c.get("actor"), id, c.req.valid("json"), readIfMatch(c));
      c.header("ETag", etag(result.claim));
      return c.json(result, 200);
    });
}
