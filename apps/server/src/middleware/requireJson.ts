import { AppError } from "@factmark/core";
import { createMiddleware } from "hono/factory";

/**
 * Refuses a request body that is not JSON with 415, so a cross-site HTML form (which can only
 * send form or text bodies) never reaches a JSON route. A body-less POST (restore, undo) passes.
 */
export const requireJson = createMiddleware(async (c, next) => {
  const hasBody = c.req.header("transfer-encoding") !== undefined || Number(c.req.header("content-length") ?? "0") > 0;
  if (hasBody || c.req.header("content-type") !== undefined) {
    const mediaType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") {
      throw notJson();
    }
  }
  await next();
});

/** The refusal of a body that is not JSON: 415 UNSUPPORTED_MEDIA_TYPE, saying what to send. */
export function notJson(): AppError {
  return new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON (Content-Type: application/json).");
}
