import { AppError } from "@factmark/core";

/** The 412 answer to a stale If-Match: it carries the current row, so the client can show what changed. */
export function preconditionFailed(kind: string, current: { version: number }): AppError {
  return new AppError(
    "PRECONDITION_FAILED",
    `This ${kind} was changed by someone else (now at version ${current.version}). Reload it and try again.`,
    { current },
  );
}
