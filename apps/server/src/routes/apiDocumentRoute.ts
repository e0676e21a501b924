import { ZDocNode } from "@factmark/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { SESSION_COOKIE } from "../auth/sessionCookie";
import type { AppEnv } from "../env";
import { isPublic } from "../middleware/authenticate";
import { jsonAnswer } from "./jsonAnswer";
import { listApiRoutes } from "./listApiRoutes";
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
      document ??= describeAccess(app.getOpenAPI31Document({ openapi: "3.1.0", info: API_INFO }), app);
      return c.json(document, 200);
    },
  );
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What every route shares and need not say itself: how a client signs in, and the answers the app-wide steps give. */
function describeAccess<Document extends z.infer<typeof ZOpenApiDocument>>(
  document: Document,
  app: OpenAPIHono<AppEnv>,
): Document {
  const error = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  const paths = (document.paths ?? {}) as Record<string, Record<string, OperationObject>>;
  for (const route of listApiRoutes(app)) {
    const operation = paths[route.path]?.[route.method.toLowerCase()];
    if (!operation) continue;
    if (route.handlers.includes(isPublic)) {
      operation.security = [];
      continue;
    }
    operation.responses ??= {};
    operation.responses["401"] ??= error("UNAUTHENTICATED: no session, or it ended");
    if (WRITE_METHODS.has(route.method)) {
      operation.responses["403"] ??= error(
        "FORBIDDEN: the account's role may not, or the request came from another site",
      );
      operation.responses["429"] ??= error("RATE_LIMITED: too many writes from this session; see Retry-After");
      operation.responses["503"] ??= error("BUSY: the database could not take the write in time; see Retry-After");
    }
  }
  const withComponents = document as { components?: Record<string, unknown> };
  withComponents.components ??= {};
  const components = withComponents.components;
  components.securitySchemes = { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } };
  (document as { security?: unknown }).security = [{ session: [] }];
  return document;
}

interface OperationObject {
  security?: unknown[];
  responses?: Record<string, unknown>;
}
