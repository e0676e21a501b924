import { ZDocNode } from "@factmark/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../env";
import { isPublic } from "../middleware/authenticate";
import { jsonAnswer } from "./jsonAnswer";
import { nameSchema } from "./nameSchema";

// The article document nests itself: named, the generator refers to it instead of unrolling it without end.
nameSchema(ZDocNode, "DocNode");

const API_INFO = { title: "Factmark API", version: "0.1.0", description: "Fact-check annotation of news articles." };

const ZOpenApiDocument = z.object({
  openapi: z.string(),
  info: z.object({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Adds GET /api/openapi.json to `app`: the OpenAPI 3.1 document of every route `app` has been given so far, each
 * described by the route itself. Made on the first request, when every route is in place.
 */
export function addApiDocumentRoute(app: OpenAPIHono<AppEnv>) {
  let document: z.infer<typeof ZOpenApiDocument> | undefined;
  return app.openapi(
    createRoute({
      method: "get",
      path: "/api/openapi.json",
      summary: "This document: every route of the API, with the schemas that check its requests and answers",
      middleware: [isPublic],
      responses: { 200: jsonAnswer(ZOpenApiDocument, "The OpenAPI 3.1 document") },
    }),
    (c) => {
      document ??= app.getOpenAPI31Document({ openapi: "3.1.0", info: API_INFO });
      return c.json(document, 200);
    },
  );
}
