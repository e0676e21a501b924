import { AppError, ZIdParam, ZPresenceUpdate, ZSinceQuery } from "@factmark/core";
import { createRoute, z } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import { hashSecretToken } from "../auth/secretToken";
import type { AppDeps } from "../env";
import { announcePresence } from "../live/announcePresence";
import { findConnection } from "../live/presence";
import { streamArticleEvents } from "../live/streamArticleEvents";
import { acceptJson } from "../middleware/acceptBody";
import { BODY_LIMITS } from "../middleware/limitBody";
import { findClaim } from "../repositories/claimRepository";
import { findLastChangeNumber } from "../repositories/eventRepository";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonRequest } from "./jsonRequest";

/** /api/articles/:id/events and /presence: reviewers who see each other's work, and each other, live. */
export function liveRoutes({ db, live }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/events",
        summary:
          "The article's changes and who has it open, live (Server-Sent Events: hello, change, presence, " +
          "signed-out). Resumes after the change number in Last-Event-ID (or since=) with every change missed.",
        request: { params: ZIdParam, query: ZSinceQuery },
        responses: {
          200: { description: "The event stream", content: { "text/event-stream": { schema: z.string() } } },
          ...errorAnswers("NOT_FOUND", "VALIDATION_FAILED"),
        },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const last = await findLastChangeNumber(db, id);
        if (last === null) throw new AppError("NOT_FOUND", `No article with id "${id}".`);
        const resumeFrom = readLastEventId(c.req.header("Last-Event-ID")) ?? c.req.valid("query").since;
        // A number from the future (another database, a typo) would hide changes: start from now instead.
        const since = resumeFrom !== undefined && resumeFrom <= last ? resumeFrom : last;
        // No proxy may buffer it; the app's gzip leaves text/event-stream alone.
        c.header("Cache-Control", "no-store");
        c.header("X-Accel-Buffering", "no");
        return streamSSE(c, (stream) =>
          streamArticleEvents(stream, {
            db,
            articleId: id,
            actor: c.get("actor"),
            sessionId: hashSecretToken(c.get("sessionToken")),
            since,
            ...(live?.refreshMs === undefined ? {} : { refreshMs: live.refreshMs }),
          }),
        );
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/presence",
        summary: "Tell the others which claim this tab (its event stream's connectionId) is on, or none",
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZPresenceUpdate) },
        responses: { 204: { description: "Told" }, ...errorAnswers("NOT_FOUND", "VALIDATION_FAILED") },
      }),
      async (c) => {
        const { id } = c.req.valid("param");
        const { connectionId, claimId } = c.req.valid("json");
        const connection = findConnection(id, connectionId);
        // Only the tab's own account may speak for it.
        if (!connection || connection.account.id !== c.get("actor").id) {
          throw new AppError("NOT_FOUND", "No open event stream of yours with that connectionId on this article.");
        }
        if (claimId !== null && (await findClaim(db, claimId))?.articleId !== id) {
          throw new AppError("NOT_FOUND", `No claim with id "${claimId}" on this article.`);
        }
        await announcePresence(db, { ...connection, claimId, isGone: false });
        return c.body(null, 204);
      },
    );
}

function readLastEventId(header: string | undefined): number | undefined {
  return header && /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : undefined;
}
