import { ZIdParam, ZUser, ZUserList, ZUserUpdate } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { etag, requireIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { listUsers } from "../services/accounts/listUsers";
import { updateUser } from "../services/accounts/updateUser";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** /api/users (admin): every account; change one's role or name with If-Match. */
export function userRoutes({ db }: ApiDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/",
        summary: "Every account (admins)",
        responses: { 200: jsonAnswer(ZUserList, "The accounts"), ...errorAnswers("UNAUTHENTICATED", "FORBIDDEN") },
      }),
      async (c) => c.json({ items: await listUsers(db, c.get("actor")) }, 200),
    )
    .openapi(
      createRoute({
        method: "patch",
        path: "/{id}",
        summary: "Change an account's role or name (admins)",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam, body: jsonRequest(ZUserUpdate) },
        responses: {
          200: jsonAnswer(ZUser, "The account as changed"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "UNAUTHENTICATED",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "PRECONDITION_FAILED",
            "PRECONDITION_REQUIRED",
          ),
        },
      }),
      async (c) => {
        const version = requireIfMatch(c);
        const user = await updateUser(db, c.get("actor"), c.req.valid("param").id, version, c.req.valid("json"));
        c.header("ETag", etag(user));
        return c.json(user, 200);
      },
    );
}
