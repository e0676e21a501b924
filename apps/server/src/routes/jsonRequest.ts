import type { ZodType } from "zod";

/** A route's JSON body, checked with `schema` before the handler runs (a missing body is checked as `{}`). */
export function jsonRequest<Schema extends ZodType>(schema: Schema) {
  return { required: true, content: { "application/json": { schema } } };
}
