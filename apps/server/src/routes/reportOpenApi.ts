import { ZArticle } from "@factmark/core";
import { z } from "zod";
import type { OpenApiOperation } from "./openApiOperation";

/** The report and import operations, spread into the OpenAPI document's list. */
export const REPORT_OPERATIONS: OpenApiOperation[] = [
  {
    method: "get",
    path: "/api/articles/{id}/report",
    summary:
      "The fact-check report as a file. Query: format=html|md|pdf|json|w3c|claimreview|csv (default html); " +
      "disposition=attachment|inline (default attachment). Answers text/html, text/markdown, application/pdf, " +
      "application/json (native, re-importable), application/ld+json (W3C Web Annotation collection; schema.org " +
      "ClaimReview list) or text/csv, with a Content-Disposition file name made from the title",
    status: 200,
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/articles/{id}/report/model",
    summary: "The report model (header, counts per verdict, contradictions, numbered claims) the report page renders",
    status: 200,
    errors: ["NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/articles/import",
    summary:
      "Create an article from a Factmark JSON export or a W3C Web Annotation collection (up to 8 MB), " +
      "with its claims, evidence and links, in one transaction",
    body: z
      .looseObject({})
      .describe(
        'A report exported as format=json ("format": "factmark.report") or format=w3c ("type": "AnnotationCollection")',
      ),
    response: ZArticle,
    status: 201,
    errors: ["VALIDATION_FAILED", "UNPROCESSABLE", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"],
  },
];
