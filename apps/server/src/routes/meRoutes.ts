import { ZWorkList } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiDeps } from "../env";
import { listMyWork } from "../services/me/listMyWork";
import { createRouter } from "./createRouter";
import { jsonAnswer } from "./jsonAnswer";

/** /api/me: what is assigned to the signed-in account across articles. */
export function meRoutes({ db }: ApiDeps) {
  return createRouter().openapi(
    createRoute({
      method: "get",
      path: "/work",
      summary:
        "My work: the live claims assigned to me and not approved, across articles, most recently changed first (at most 500)",
      responses: { 200: jsonAnswer(ZWorkList, "The claims, each with its article") },
    }),
    async (c) => c.json({ items: await listMyWork(db, c.get("actor")) }, 200),
  );
}
