import { ZSearchQuery, ZSearchResults } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { AppDeps } from "../env";
import { searchArchive } from "../services/search/searchArchive";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";

/** /api/search: one box over the whole archive (any signed-in role). */
export function searchRoutes({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: "get",
      path: "/",
      summary:
        "Search the archive's live article titles and texts, claim quotes, rationales and speakers, and evidence " +
        'titles, best first by the database\'s full-text rank: words, "phrases", prefix*, OR, -excluded (anything ' +
        "else is read as words). Filters: kind, verdict, speaker (any alias), status, from/to (UTC days of the " +
        "article's addition), articleId; an empty q lists what the filters keep, newest first. Highlights are " +
        "UTF-16 ranges in each matched field (an excerpt for long ones); `cursor` fetches the next page",
      request: { query: ZSearchQuery },
      responses: {
        200: jsonAnswer(ZSearchResults, "A page of results, best first"),
        ...errorAnswers("VALIDATION_FAILED", "UNAUTHENTICATED"),
      },
    }),
    async (c) => c.json(await searchArchive(db, c.get("actor"), c.req.valid("query")), 200),
  );
}
