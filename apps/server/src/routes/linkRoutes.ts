import { ZIdParam, ZLink } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { BODY_LIMITS } from "../middleware/limitBody";
import { deleteLink, restoreLink } from "../services/links/deleteLink";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";

/** /api/links/:id: remove a link and bring it back (links are made under their article). */
export function linkRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "delete",
        path: "/{id}",
        summary: "Remove a link (restorable); answers the link",
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZLink, "The link as it was"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "CONFLICT"),
        },
      }),
      async (c) => c.json(await deleteLink(db, c.get("actor"), c.req.valid("param").id), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/restore",
        summary: "Restore a removed link (undo)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZLink, "The link restored"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "UNPROCESSABLE"),
        },
      }),
      async (c) => c.json(await restoreLink(db, c.get("actor"), c.req.valid("param").id), 200),
    );
}
