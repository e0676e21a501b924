import { ZIdParam, ZPublication, ZPublicationCreate, ZPublicationList, ZPublicationRetract } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { requireIfMatch } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import { reportOrganisation } from "../report/reportSettings";
import { listArticlePublications } from "../services/publications/listArticlePublications";
import { publishArticle } from "../services/publications/publishArticle";
import { retractArticlePublication } from "../services/publications/retractPublication";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { ifMatchHeader } from "./ifMatchHeader";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/** /api/articles/:id/publications: publish the fact-check (or a correction), list its versions, retract it. */
export function publicationRoutes({ db }: ApiDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/publications",
        summary: "Every published version of the article's fact-check, newest first",
        request: { params: ZIdParam },
        responses: {
          200: jsonAnswer(ZPublicationList, "The versions"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND"),
        },
      }),
      async (c) => {
        const items = await listArticlePublications(db, c.get("actor"), c.req.valid("param").id);
        return c.json({ items }, 200);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/publications",
        summary:
          "Publish the fact-check as it stands (editors; If-Match: the article's version, which publishing moves on): " +
          "version 1 takes no note, every later version is a correction and needs correctionNote; 409 with " +
          "details.blockers when a claim with a verdict is not approved or the article lacks what is published",
        middleware: [acceptJson(BODY_LIMITS.default)],
        parameters: [ifMatchHeader("required")],
        request: { params: ZIdParam, body: jsonRequest(ZPublicationCreate) },
        responses: {
          201: jsonAnswer(ZPublication, "The version published, with its public address"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "PRECONDITION_FAILED",
            "PRECONDITION_REQUIRED",
            "UNSUPPORTED_MEDIA_TYPE",
            "PAYLOAD_TOO_LARGE",
          ),
        },
      }),
      async (c) => {
        const version = requireIfMatch(c);
        const publication = await publishArticle(
          db,
          c.get("actor"),
          c.req.valid("param").id,
          version,
          c.req.valid("json"),
          // Frozen into the published markup: the configured organisation (or PUBLIC_URL's origin), never the Host's.
          reportOrganisation(process.env.PUBLIC_URL),
        );
        c.header("Location", publication.url);
        return c.json(publication, 201);
      },
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/{id}/publications/retract",
        summary:
          "Retract the published fact-check, saying why (admins): its public pages, every version's, then say so; " +
          "409 when it was never published or is already retracted",
        middleware: [acceptJson(BODY_LIMITS.default)],
        request: { params: ZIdParam, body: jsonRequest(ZPublicationRetract) },
        responses: {
          200: jsonAnswer(ZPublication, "The version retracted"),
          ...errorAnswers(
            "VALIDATION_FAILED",
            "FORBIDDEN",
            "NOT_FOUND",
            "CONFLICT",
            "UNSUPPORTED_MEDIA_TYPE",
            "PAYLOAD_TOO_LARGE",
          ),
        },
      }),
      async (c) => {
        const publication = await retractArticlePublication(
          db,
          c.get("actor"),
          c.req.valid("param").id,
          c.req.valid("json"),
        );
        return c.json(publication, 200);
      },
    );
}
