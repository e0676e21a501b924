import { ZIdParam, ZSpeakerCountList, ZSpeakerRename, ZSpeakerRenamed } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { authorizeFirst } from "../middleware/authorizeFirst";
import { BODY_LIMITS } from "../middleware/limitBody";
import { listSpeakerCounts } from "../services/speakers/listSpeakerCounts";
import { renameSpeaker } from "../services/speakers/renameSpeaker";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** /api/articles/:id/speakers/…: an article's speakers with their claim counts, renamed and merged. */
export function speakerRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/speakers/counts",
        summary: "The speakers named on the article's live claims, A to Z, each with how many claims name them",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZSpeakerCountList, "The speakers and their claim counts"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => c.json({ items: await listSpeakerCounts(db, c.req.valid("param").id) }, 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/speakers/rename",
        summary:
          "Rename a speaker on every live claim of the article (reviewers and up); renaming onto a name some claims " +
          "already have merges the two. One transaction; each claim's history records its change",
        middleware: [authorizeFirst("claim.edit"), acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZSpeakerRename) },
        responses: {
          200: jsonAnswer(ZSpeakerRenamed, "How many claims changed, and the speakers after it"),
          ...errorAnswers("VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND", "UNSUPPORTED_MEDIA_TYPE"),
        },
      }),
      async (c) => c.json(await renameSpeaker(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
    );
}
