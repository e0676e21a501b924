import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../test/createTestApp";
import { listApiRoutes } from "./listApiRoutes";

const { app, request } = await createTestApp();

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, { summary?: string }>>;
}

async function fetchDocument(): Promise<OpenApiDocument> {
  const response = await request("GET", "/api/openapi.json", undefined, {}, { as: "anonymous" });
  expect(response.status).toBe(200);
  return (await response.json()) as OpenApiDocument;
}

/** Every `$ref` in the document, wherever it sits. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === "$ref" && typeof item === "string" ? [item] : refsIn(item),
  );
}

/** What a local JSON pointer (`#/components/schemas/Error`) points at in the document, or undefined. */
function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>(
      (node, token) =>
        node !== null && typeof node === "object" && Object.hasOwn(node, token)
          ? (node as Record<string, unknown>)[token]
          : undefined,
      document,
    );
}

describe("GET /api/openapi.json", () => {
  it("describes every route the app answers, and no other", async () => {
    const document = await fetchDocument();
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const answered = listApiRoutes(app).map((route) => route.name);
    expect(answered.length).toBeGreaterThan(40);
    expect(documented.sort()).toEqual(answered.sort());
  });

  it("gives every operation a summary, and keeps the API's title", async () => {
    const document = await fetchDocument();
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.info).toEqual({
      title: "Factmark API",
      version: "0.1.0",
      description: "Fact-check annotation of news articles.",
    });
    const unsummarised = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => !operation.summary)
        .map(([method]) => `${method} ${path}`),
    );
    expect(unsummarised).toEqual([]);
  });

  it("says how a client signs in, which routes open without it, and the refusals every other route can give", async () => {
    const document = (await (await request("GET", "/api/openapi.json")).json()) as {
      security: unknown;
      components: { securitySchemes: Record<string, { in: string; name: string }> };
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
    };
    expect(document.components.securitySchemes.session).toMatchObject({ in: "cookie", name: "factmark_session" });
    expect(document.security).toEqual([{ session: [] }]);
    expect(document.paths["/api/auth/login"]?.post?.security).toEqual([]);
    expect(Object.keys(document.paths["/api/claims/{id}"]?.patch?.responses ?? {})).toEqual(
      expect.arrayContaining(["401", "403", "429", "503"]),
    );
    expect(Object.keys(document.paths["/api/articles/{id}/claims"]?.get?.responses ?? {})).toContain("401");
  });

  it("is a valid OpenAPI document", async () => {
    const result = await validate(structuredClone(await fetchDocument()), { resolve: { external: false } });
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("has no $ref that points nowhere", async () => {
    const document = await fetchDocument();
    const refs = [...new Set(refsIn(document))];
    expect(refs).toContain("#/components/schemas/Error");
    expect(refs.filter((ref) => resolvePointer(document, ref) === undefined)).toEqual([]);
  });
});
