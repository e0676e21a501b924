import type { ERROR_STATUS } from "@factmark/core";
import type { z } from "zod";

/** An operation as openApiDocument.ts lists it (the same shape, kept here so this file owns its entries). */
interface ReportOperation {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  summary: string;
  body?: z.ZodType;
  response?: z.ZodType;
  status: number;
  ifMatch?: "required" | "optional";
  errors: (keyof typeof ERROR_STATUS)[];
}

/** The report and import operations, spread into the OpenAPI document's list. */
export const REPORT_OPERATIONS: ReportOperation[] = [];
