import { type ApiErrorBody, AppError, type ErrorCode, errorCodeForStatus } from "@factmark/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isDatabaseUnreachable, isEveryConnectionBusy, isWorkGivenUp } from "../db/isDatabaseUnreachable";

/**
 * The one place errors become responses: AppError by its code's status, Hono's own HTTP errors
 * (malformed JSON, body limit) by theirs; a server with no free connection, a request whose database work was given up
 * (past its transaction's time, or cancelled), or a database that cannot be reached as 503 BUSY with Retry-After, each
 * saying which and logged on one line; anything else as a generic 500 logged with the request id.
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof AppError) {
    return respond(c, error.status, error.code, error.message, error.details);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = errorCodeForStatus(error.status) ?? "VALIDATION_FAILED";
    const message = error.message || "The request could not be read.";
    return respond(c, error.status, code, message);
  }
  const busy = databaseBusyAnswer(error, c.req.method);
  if (busy) {
    const { why, retryAfterSeconds, message } = busy;
    // Prisma's messages open with lines naming the call ("Invalid `prisma.$queryRaw()` invocation:") and blank ones.
    const reason =
      error.message
        .split("\n")
        .filter((line) => line.trim() !== "")
        .at(-1) ?? "";
    console.error(`${c.req.method} ${redactPath(c.req.path)}: ${why} (${reason.trim()})`);
    c.header("Retry-After", String(retryAfterSeconds));
    return respond(c, 503, "BUSY", message);
  }
  // Two requests raced for one unique value (an email, say); the loser gets the answer a check would have given.
  if (isUniqueConstraintError(error)) {
    return respond(c, 409, "CONFLICT", "This conflicts with something stored meanwhile. Reload and try again.");
  }
  const requestId = c.get("requestId") as string | undefined;
  console.error(`[${requestId ?? "-"}] ${c.req.method} ${redactPath(c.req.path)} failed:`, error);
  return respond(c, 500, "INTERNAL", `Something went wrong on our side (request ${requestId ?? "unknown"}).`);
}

/**
 * How to answer (503 BUSY) and log a request the database failed for a while: undefined for any other error. The
 * request may go through if sent again, and says so.
 */
function databaseBusyAnswer(
  error: Error,
  method: string,
): { why: string; retryAfterSeconds: number; message: string } | undefined {
  const nothingSaved = method === "GET" || method === "HEAD" ? "" : "; nothing was saved";
  // No connection of the pool came free in time: every one busy with other requests, or waiting on a database slow to
  // answer (PostgreSQL). /healthz says busy, so an orchestrator takes a loaded server out of rotation, not restarts it.
  if (isEveryConnectionBusy(error)) {
    return {
      why: "no database connection came free in time",
      retryAfterSeconds: 1,
      message: `The server is busy right now: no database connection came free in time${nothingSaved}. Try again in a moment.`,
    };
  }
  // The request had its connection, but waited (on a lock other writes held, as a rule) past its transaction's time, or
  // the database cancelled its statement: rolled back.
  if (isWorkGivenUp(error)) {
    return {
      why: "its database work was given up before it finished",
      retryAfterSeconds: 1,
      message: `This request waited too long for other changes and was stopped${nothingSaved}. Try again in a moment.`,
    };
  }
  // The database is restarting or down. (A write whose connection was lost at its COMMIT may have been stored: the
  // message does not say nothing was.)
  if (isDatabaseUnreachable(error)) {
    return {
      why: "the database could not be reached",
      retryAfterSeconds: 5,
      message: "The database cannot be reached right now. Try again in a moment.",
    };
  }
  return undefined;
}

export function respond(c: Context, status: number, code: ErrorCode, message: string, details?: unknown): Response {
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return c.json(body, status as ContentfulStatusCode);
}

function isUniqueConstraintError(error: Error): boolean {
  return (error as { code?: unknown }).code === "P2002";
}

/** An invite's token is a secret that travels in its path: logs get the path without it. */
export function redactPath(path: string): string {
  return path.replace(/^(\/api\/invites\/)[^/]+/, "$1[token]");
}
