import { ZAnnotationImportQuery, ZAnnotationImportResult, ZIdParam } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { authorizeFirst } from "../middleware/authorizeFirst";
import { BODY_LIMITS } from "../middleware/limitBody";
import { importAnnotations } from "../services/report/importAnnotations";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/**
 * The media types a Web Annotation document comes as, besides application/json: the Web Annotation Protocol's
 * (`application/ld+json`, with or without its anno.jsonld profile) and the one Factmark's own exports are served as.
 */
const WEB_ANNOTATION_MEDIA_TYPES = ["application/ld+json", "application/anno+json"] as const;

/**
 * Importing foreign Web Annotations onto an existing article (issue 17): `POST /api/articles/:id/annotations/import`.
 * Answers 200 whatever became of the items (the import ran; which claims it made is in the answer, item by item),
 * never 201: there is no one new resource to point at.
 */
export function annotationImportRoutes({ db }: ApiDeps) {
  return createRouter().openapi(
    createRoute({
      method: "post",
      path: "/{id}/annotations/import",
      summary:
        "Add the annotations of any W3C Web Annotation document (one annotation, an array, an AnnotationCollection " +
        "with embedded pages, an AnnotationPage, a Hypothesis search answer; up to 8 MB; as application/json, " +
        "application/ld+json or application/anno+json) to this article as claims and links, " +
        "placed by their TextQuoteSelector / TextPositionSelector (code points; the quote wins when they disagree), " +
        "also inside an XPathSelector or RangeSelector's refinedBy. Answers 200 with every item in the document's " +
        "order: anchored (with the claim's id), orphaned (kept as an orphaned claim), linked (a link annotation whose " +
        "two ends are anchored annotations of the document or claims of this article by their exported id " +
        "…/annotations/claims/<claimId>; with the link's id) or skipped, with the reason. Large documents are placed " +
        "off the event loop (422 past ANNOTATION_PLAN_TIME_MS, 413 past the worker's memory, 503 when the pool is " +
        "full); an article saved meanwhile is placed on anew once, and 409 when saved again. strict=true: any item " +
        "not anchored or linked refuses the whole document (422 naming each), nothing stored",
      middleware: [
        authorizeFirst("claim.create"),
        acceptJson(BODY_LIMITS.article, { mediaTypes: WEB_ANNOTATION_MEDIA_TYPES }),
      ],
      request: {
        params: ZIdParam,
        query: ZAnnotationImportQuery,
        // Any JSON passes here: the service reads every shape of Web Annotation document and names what is wrong.
        body: jsonRequest(
          z.unknown().openapi({
            type: "object",
            description:
              "A W3C Web Annotation document: an Annotation, an array of them, an AnnotationCollection or an AnnotationPage",
          }),
        ),
      },
      responses: {
        200: jsonAnswer(ZAnnotationImportResult, "What became of each item, in the document's order"),
        ...errorAnswers(
          "VALIDATION_FAILED",
          "FORBIDDEN",
          "NOT_FOUND",
          "CONFLICT",
          "UNPROCESSABLE",
          "PAYLOAD_TOO_LARGE",
          "UNSUPPORTED_MEDIA_TYPE",
          "BUSY",
        ),
      },
    }),
    async (c) => {
      const result = await importAnnotations(db, c.get("actor"), c.req.valid("param").id, c.req.valid("json"), {
        isStrict: c.req.valid("query").strict === "true",
      });
      return c.json(result, 200);
    },
  );
}
