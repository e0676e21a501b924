import type { ZodType } from "zod";

/** A JSON answer of a route: its schema (core's) and what it is. */
export function jsonAnswer<Schema extends ZodType>(schema: Schema, description: string) {
  return { description, content: { "application/json": { schema } } };
}
