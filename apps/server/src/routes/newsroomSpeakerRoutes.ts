import {
  ZIdParam,
  ZNewsroomSpeakerDetail,
  ZNewsroomSpeakerList,
  ZNewsroomSpeakerMerge,
  ZNewsroomSpeakerUpdate,
} from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { authorizeFirst } from "../middleware/authorizeFirst";
import { BODY_LIMITS } from "../middleware/limitBody";
import { getNewsroomSpeaker } from "../services/speakers/getNewsroomSpeaker";
import { listNewsroomSpeakers } from "../services/speakers/listNewsroomSpeakers";
import { mergeNewsroomSpeaker } from "../services/speakers/mergeNewsroomSpeaker";
import { updateNewsroomSpeaker } from "../services/speakers/updateNewsroomSpeaker";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** GET /api/speakers' query: `q` narrows by name or alias, ignoring case, accents, spacing and hyphens. */
const ZNewsroomSpeakerListQuery = z.strictObject({
  q: z.string().max(200, "q is at most 200 characters.").optional(),
});

/** /api/speakers/…: the newsroom's speakers across articles, their records, aliases and kinds; merged. */
export function newsroomSpeakerRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/",
        summary:
          "The newsroom's speakers that live claims are attributed to, A to Z, each with its aliases, kind and record " +
          "(claims per verdict); q keeps those whose name or an alias contains it, ignoring case and accents",
        request: { query: ZNewsroomSpeakerListQuery },
        responses: {
          200: jsonAnswer(ZNewsroomSpeakerList, "The speakers"),
          ...errorAnswers("VALIDATION_FAILED"),
        },
      }),
      async (c) => c.json({ items: await listNewsroomSpeakers(db, c.req.valid("query").q) }, 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}",
        summary:
          "A speaker's record: claims per verdict and per month, and its live claims of live articles, newest first",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZNewsroomSpeakerDetail, "The speaker and its record"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => c.json(await getNewsroomSpeaker(db, c.req.valid("param").id), 200),
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/{id}",
        summary:
          "Change a speaker's name, kind (ClaimReview's author type where an article gives none) or aliases " +
          "(reviewers and up); the name is always an alias; an alias another speaker has is refused (409): merge them",
        middleware: [authorizeFirst("claim.edit"), acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZNewsroomSpeakerUpdate) },
        responses: {
          200: jsonAnswer(ZNewsroomSpeakerDetail, "The speaker as changed"),
          ...errorAnswers("VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "UNSUPPORTED_MEDIA_TYPE"),
        },
      }),
      async (c) =>
        c.json(await updateNewsroomSpeaker(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/merge",
        summary:
          "Merge this speaker into intoId (reviewers and up): its aliases and claims become the other's, and it is " +
          "deleted; claims keep their spelling",
        middleware: [authorizeFirst("claim.edit"), acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZNewsroomSpeakerMerge) },
        responses: {
          200: jsonAnswer(ZNewsroomSpeakerDetail, "The speaker merged into, with its record"),
          ...errorAnswers("VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND", "UNSUPPORTED_MEDIA_TYPE"),
        },
      }),
      async (c) =>
        c.json(
          await mergeNewsroomSpeaker(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json").intoId),
          200,
        ),
    );
}
