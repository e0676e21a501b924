import { ZIdParam, ZUser, ZUserList, ZUserUpdate } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { etag, requireIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { deactivateUser } from "../services/accounts/deactivateUser";
import { listUsers } from "../services/accounts/listUsers";
import { reactivateUser } from "../services/accounts/reactivateUser";
import { updateUser } from "../services/accounts/updateUser";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/**
 * /api/users (admin): every account; change one's role or name, deactivate or reactivate it, each with If-Match.
 */
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
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/deactivate",
        middleware: [acceptJson(BODY_LIMITS.default)],
        summary: "Deactivate an account: its sessions end, it cannot sign in, its history keeps its name (admins)",
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZUser, "The account, deactivated"),
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
        const user = await deactivateUser(db, c.get("actor"), c.req.valid("param").id, version);
        c.header("ETag", etag(user));
        return c.json(user, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/reactivate",
        middleware: [acceptJson(BODY_LIMITS.default)],
        summary: "Reactivate a deactivated account: it may sign in again (admins)",
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZUser, "The account, active again"),
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
        const user = await reactivateUser(db, c.get("actor"), c.req.valid("param").id, version);
        c.header("ETag", etag(user));
        return c.json(user, 200);
      },
    );
}
