import { AppError } from "@factmark/core";
import type { Context } from "hono";

/** The version an If-Match header names: `"3"`, `W/"3"` or `3`. Undefined when absent. */
export function readIfMatch(c: Context): number | undefined {
  const header = c.req.header("if-match");
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new AppError("VALIDATION_FAILED", `If-Match must name a version, like "3" (got ${JSON.stringify(header)}).`);
  }
  return Number(match[1]);
}

/** The version an update read; an update without one is refused with 428. */
export function requireIfMatch(c: Context): number {
  const version = readIfMatch(c);
  if (version === undefined) {
    throw new AppError(
      "PRECONDITION_REQUIRED",
      'Send If-Match with the version you read (the ETag of the row, like "3"), so no one\'s change is overwritten.',
    );
  }
  return version;
}

/** The ETag of a versioned row. */
export function etag(row: { version: number }): string {
  return `"${row.version}"`;
}
