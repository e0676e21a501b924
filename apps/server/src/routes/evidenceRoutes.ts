import { ZEvidence, ZEvidenceUpdate, ZIdParam } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { etag, readIfMatch, requireIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { deleteEvidence, restoreEvidence } from "../services/evidence/deleteEvidence";
import { getEvidence } from "../services/evidence/getEvidence";
import { updateEvidence } from "../services/evidence/updateEvidence";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** /api/evidence/:id: read, change (If-Match), remove and restore one piece of evidence. */
export function evidenceRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}",
        summary: "One piece of evidence",
        request: { params: ZIdParam },
        responses: { 200: jsonAnswer(ZEvidence, "The evidence"), ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND") },
      }),
      async (c) => {
        const evidence = await getEvidence(db, c.req.valid("param").id);
        c.header("ETag", etag(evidence));
        return c.json(evidence, 200);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/{id}",
        summary: "Change a piece of evidence",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam, body: jsonRequest(ZEvidenceUpdate) },
        responses: {
          200: jsonAnswer(ZEvidence, "The evidence as changed"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED", "PRECONDITION_REQUIRED"),
        },
      }),
      async (c) => {
        const version = requireIfMatch(c);
        const { id } = c.req.valid("param");
        const evidence = await updateEvidence(db, c.get("actor"), id, version, c.req.valid("json"));
        c.header("ETag", etag(evidence));
        return c.json(evidence, 200);
      },
    )
    .openapi(
      createRoute({
        method: "delete",
        path: "/{id}",
        summary: "Remove a piece of evidence (restorable); answers it as it was",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZEvidence, "The evidence as it was"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "PRECONDITION_FAILED"),
        },
      }),
      async (c) => {
        const evidence = await deleteEvidence(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
        c.header("ETag", etag(evidence));
        return c.json(evidence, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/restore",
        summary: "Restore removed evidence (undo)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("optional")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZEvidence, "The evidence restored"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PRECONDITION_FAILED"),
        },
      }),
      async (c) => {
        const evidence = await restoreEvidence(db, c.get("actor"), c.req.valid("param").id, readIfMatch(c));
        c.header("ETag", etag(evidence));
        return c.json(evidence, 200);
      },
    );
}
