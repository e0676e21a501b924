import { ZAssigneeList, ZNewsroomSettings, ZNewsroomSettingsUpdate } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { etag, requireIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { listAssignees } from "../services/claims/listAssignees";
import { getNewsroomSettings } from "../services/settings/getNewsroomSettings";
import { updateNewsroomSettings } from "../services/settings/updateNewsroomSettings";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** /api/settings: the newsroom's settings (admins change them), and /api/assignees: who can be assigned a claim. */
export function settingsRoutes({ db }: ApiDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/settings",
        summary: "The newsroom's settings: how many editors approve each claim",
        responses: { 200: jsonAnswer(ZNewsroomSettings, "The settings") },
      }),
      async (c) => {
        const settings = await getNewsroomSettings(db, c.get("actor"));
        c.header("ETag", etag(settings));
        return c.json(settings, 200);
      },
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/settings",
        summary: "Change the newsroom's settings: one approval per claim, or two for a two-person rule (admins)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("required")],
        request: { body: jsonRequest(ZNewsroomSettingsUpdate) },
        responses: {
          200: jsonAnswer(ZNewsroomSettings, "The settings as changed"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "PRECONDITION_FAILED",
            "PRECONDITION_REQUIRED",
            "UNSUPPORTED_MEDIA_TYPE",
          ),
        },
      }),
      async (c) => {
        const version = requireIfMatch(c);
        const settings = await updateNewsroomSettings(db, c.get("actor"), version, c.req.valid("json"));
        c.header("ETag", etag(settings));
        return c.json(settings, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/assignees",
        summary: "Who a claim may be assigned to: every reviewer, editor and admin, by name",
        responses: { 200: jsonAnswer(ZAssigneeList, "The accounts") },
      }),
      async (c) => c.json({ items: await listAssignees(db, c.get("actor")) }, 200),
    );
}
