import { AppError } from "@factmark/core";
import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

/**
 * Every route's validation hook (OpenAPIHono's defaultHook): a request part that fails its schema becomes
 * VALIDATION_FAILED, with each issue's path and message.
 */
export const rejectInvalidRequest: Hook<unknown, AppEnv, string, void> = (result) => {
  if (result.success) return;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const summary = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const part = result.target === "json" ? "body" : result.target;
  throw new AppError("VALIDATION_FAILED", `The ${part} is not valid: ${summary.join("; ")}`, { issues });
};
