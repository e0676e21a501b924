import { ZIdParam } from "@factmark/core";
import { ZSuggestionDismissal, ZSuggestionDismissalCreate, ZSuggestions } from "@factmark/core/suggestions";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { authorizeFirst } from "../middleware/authorizeFirst";
import { readIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { dismissSuggestion } from "../services/suggestions/dismissSuggestion";
import { getSuggestions } from "../services/suggestions/getSuggestions";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** /api/articles/:id/suggestions/…: suggested claims and contradiction candidates (issue 19), and setting them aside. */
export function suggestionRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/suggestions",
        summary:
          "Suggested claims (check-worthy spans with their reasons and likely speaker) and contradiction candidates " +
          "(pairs of statements that cannot both be true, with the values behind it), best first, for reviewers and " +
          "up. Kept per state of the article: If-None-Match with the ETag answers 304. Changes nothing",
        middleware: [authorizeFirst("claim.create")],
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZSuggestions, "The suggestions for the article's current version"),
          304: { description: "The suggestions as the client has them (If-None-Match named their ETag)" },
          ...errorAnswers("VALIDATION_FAILED", "FORBIDDEN", "NOT_FOUND", "UNPROCESSABLE", "PAYLOAD_TOO_LARGE", "BUSY"),
        },
      }),
      async (c) => {
        const reply = await getSuggestions(db, c.get("actor"), c.req.valid("param").id, c.req.header("if-none-match"));
        c.header("ETag", reply.etag);
        c.header("Cache-Control", "private, no-cache");
        if (reply.isUnchanged) return c.body(null, 304);
        return c.json(reply.body, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/suggestions/dismissals",
        summary:
          "Set a suggestion aside on the article's current version (reviewers and up): a suggested span by its " +
          "selectors, or a contradiction candidate with pairedWith. 201 when stored, 200 when it was set aside already",
        description:
          "Send If-Match with the article's ETag the selectors' offsets were read from: another version is refused with 412.",
        parameters: [ifMatchHeader("optional")],
        middleware: [authorizeFirst("claim.create"), acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZSuggestionDismissalCreate) },
        responses: {
          201: jsonAnswer(ZSuggestionDismissal, "The dismissal stored"),
          200: jsonAnswer(ZSuggestionDismissal, "The same dismissal, stored earlier"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "NOT_FOUND",
            "PRECONDITION_FAILED",
            "UNPROCESSABLE",
            "UNSUPPORTED_MEDIA_TYPE",
            "PAYLOAD_TOO_LARGE",
          ),
        },
      }),
      async (c) => {
        const { dismissal, isNew } = await dismissSuggestion(
          db,
          c.get("actor"),
          c.req.valid("param").id,
          c.req.valid("json"),
          readIfMatch(c),
        );
        return isNew ? c.json(dismissal, 201) : c.json(dismissal, 200);
      },
    );
}
