import { ZIdParam, ZNoQuery, ZPrecedentList } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../env";
import { findPrecedents } from "../services/precedents/findPrecedents";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";

/** /api/claims/:id/precedents: "checked before", the claims of other articles that say much the same thing. */
export function precedentRoutes({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: "get",
      path: "/{id}/precedents",
      summary:
        "Up to five live claims of other live articles that say much the same as this claim, best first, each with " +
        "its verdict, article (and whether its fact-check is published), a score in 0..1 and why it matched",
      request: { params: ZIdParam, query: ZNoQuery },
      responses: {
        200: jsonAnswer(ZPrecedentList, "The claim's precedents, best first"),
        ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
      },
    }),
    async (c) => c.json(await findPrecedents(db, c.req.valid("param").id), 200),
  );
}
