import { z } from "@hono/zod-openapi";
import type { ZodType } from "zod";

/**
 * The schema as a named component of the OpenAPI document (`#/components/schemas/<name>`), which answers refer to
 * instead of repeating it. A recursive (lazy) schema must be named, and naming one names the original too.
 * Core's schemas are made before @hono/zod-openapi adds `.openapi()` to zod, so they lack it: it is taken from
 * the prototype.
 */
export function nameSchema<Schema extends ZodType>(schema: Schema, name: string): Schema {
  return z.ZodType.prototype.openapi.call(schema, name) as Schema;
}
