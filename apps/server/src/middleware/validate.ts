import { AppError } from "@factmark/core";
import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { z } from "zod";

/** Validates one part of a request with a core schema; failures become VALIDATION_FAILED with each issue. */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join("."),
        message: issue.message,
      }));
      const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
      throw new AppError(
        "VALIDATION_FAILED",
        `The ${target === "json" ? "body" : target} is not valid: ${summary.join("; ")}`,
        {
          issues,
        },
      );
    }
  });
}
