import type { ERROR_STATUS } from "@factmark/core";
import type { z } from "zod";

/** One operation of the OpenAPI document, described by the core schemas that validate it. */
export interface OpenApiOperation {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  /** Query parameters: each key of the object, described by its schema. */
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A multipart/form-data body instead of JSON: the form's fields, and the name of its file field. */
  form?: { fields: z.ZodType; file: string };
  response?: z.ZodType;
  status: number;
  ifMatch?: "required" | "optional";
  errors: (keyof typeof ERROR_STATUS)[];
}
