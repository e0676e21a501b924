import { type ReportModel, ZArticle, ZIdParam, ZReportModel, ZReportModelQuery, ZReportQuery } from "@factmark/core";
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { publicBaseUrl } from "../auth/clientAddress";
import type { ApiDeps } from "../env";
import { acceptJson } from "../middleware/acceptBody";
import { authorizeFirst } from "../middleware/authorizeFirst";
import { etag } from "../middleware/ifMatch";
import { BODY_LIMITS } from "../middleware/limitBody";
import type { RateLimiter } from "../middleware/RateLimiter";
import { enforceRateLimit } from "../middleware/rateLimit";
import { reportBodyFor } from "../report/keptReportGzip";
import { reportContentDisposition } from "../report/reportFilename";
import { REPORT_FORMAT_SPECS, REPORT_FORMATS } from "../report/reportFormats";
import { reportOrganisation, reportOrganisationFor } from "../report/reportSettings";
import { exportReport, REPORT_MODEL } from "../services/report/exportReport";
import { importReport } from "../services/report/importReport";
import { createRouter } from "./createRouter";
import { errorAnswers } from "./errorAnswers";
import { jsonAnswer } from "./jsonAnswer";
import { jsonRequest } from "./jsonRequest";

/**
 * The HTML report may be shown in a sandboxed iframe of the web app (its preview), so it may be framed by the same
 * origin; it has no scripts, and loads nothing but its inline styles and data: images.
 */
const HTML_REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** The report file's media types, each with the formats answered in it, from the formats' own table. */
const REPORT_CONTENT: Record<string, { schema: { description: string } }> = {};
for (const format of REPORT_FORMATS) {
  const mediaType = REPORT_FORMAT_SPECS[format].contentType.split(";")[0]?.trim() ?? "";
  const formats = REPORT_CONTENT[mediaType]?.schema.description;
  REPORT_CONTENT[mediaType] = {
    schema: { description: formats ? `${formats}, format=${format}` : `format=${format}` },
  };
}

/** Takes one report build from the session's allowance (429 RATE_LIMITED with Retry-After past it). */
function limitReportBuilds(c: Context, limiter: RateLimiter): () => void {
  const key = c.get("sessionToken") ?? `account:${c.get("actor").id}`;
  return () => enforceRateLimit(c, limiter, key);
}

/**
 * /api/articles/:id/report (every export format), /api/articles/:id/report/model, and /api/articles/import.
 * Built report files are kept per app (ReportCache) while their article has not changed; each build (not an answer
 * from the cache) counts against the session's report limit.
 */
export function reportRoutes({ db, guard, reportCache: cache }: ApiDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/import",
        summary:
          "Create an article from a Factmark JSON export or a W3C Web Annotation collection (up to 8 MB), " +
          "with its claims, evidence and links, in one transaction",
        middleware: [authorizeFirst("article.import"), acceptJson(BODY_LIMITS.article)],
        request: {
          // Any JSON passes here: importReport tells the two formats apart and explains what is wrong with either.
          body: jsonRequest(
            z.unknown().openapi({
              type: "object",
              description:
                'A report exported as format=json ("format": "factmark.report") or format=w3c ("type": "AnnotationCollection")',
            }),
          ),
        },
        responses: {
          201: jsonAnswer(ZArticle, "The article made, with its claims"),
          ...errorAnswers("VALIDATION_FAILED", "UNPROCESSABLE", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"),
        },
      }),
      async (c) => {
        const article = await importReport(db, c.get("actor"), c.req.valid("json"));
        c.header("ETag", etag(article));
        c.header("Location", `/api/articles/${article.id}`);
        return c.json(article, 201);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/report/model",
        summary:
          "The report model (header, conclusion, counts per verdict, contradictions, numbered claims) the report page " +
          "renders. Query: history=omit|include (default omit: no working history, as the public exports)",
        request: { params: ZIdParam, query: ZReportModelQuery },
        responses: {
          200: jsonAnswer(ZReportModel, "The report model"),
          ...errorAnswers("VALIDATION_FAILED", "NOT_FOUND", "RATE_LIMITED"),
        },
      }),
      async (c) => {
        const { history } = c.req.valid("query");
        const id = c.req.valid("param").id;
        // Built on the worker pool and kept like a report file: the same model is answered from memory (X-Cache).
        const file = await exportReport(db, id, REPORT_MODEL, reportOrganisation(c.req.url), history, {
          cache,
          beforeBuild: limitReportBuilds(c, guard.reportLimiter),
        });
        c.header("X-Cache", file.isCached ? "hit" : "miss");
        c.header("Content-Type", "application/json");
        const answer = await reportBodyFor(c, file);
        // The bytes are the model's JSON, made on the worker: typed as what they are for the web app's client.
        return c.body(answer.body, 200, answer.headers) as unknown as ReturnType<typeof c.json<ReportModel, 200>>;
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/{id}/report",
        summary:
          "The fact-check report as a file. Query: format=html|md|pdf|json|w3c|claimreview|csv (default html); " +
          "disposition=attachment|inline (default attachment); history=omit|include (default omit: the desk's working " +
          "history only when asked; the native JSON always has it). Answers text/html, text/markdown, application/pdf, " +
          "application/json (native, re-importable), application/ld+json (W3C Web Annotation collection; schema.org " +
          "ClaimReview list) or text/csv, with a Content-Disposition file name made from the title. A file built " +
          "before for the same article state, format and options is answered from memory (X-Cache: hit); each " +
          "build counts against the session's report limit (429 past it). The PDF, HTML and JSON are built on the " +
          "worker pool: 422 past their time, 413 past their memory, 503 when the pool is full, each naming the limit " +
          "in details.limit",
        request: { params: ZIdParam, query: ZReportQuery },
        responses: {
          200: { description: "The report file", content: REPORT_CONTENT },
          ...errorAnswers(
            "VALIDATION_FAILED",
            "NOT_FOUND",
            "PAYLOAD_TOO_LARGE",
            "UNPROCESSABLE",
            "RATE_LIMITED",
            "BUSY",
          ),
        },
      }),
      async (c) => {
        const { format, disposition, history } = c.req.valid("query");
        // The W3C export's ids and context point at this server, which answers them (annotationProtocolRoutes).
        const organisation = reportOrganisationFor(
          format,
          reportOrganisation(c.req.url),
          publicBaseUrl(c, guard.settings),
        );
        const file = await exportReport(db, c.req.valid("param").id, format, organisation, history, {
          cache,
          beforeBuild: limitReportBuilds(c, guard.reportLimiter),
        });
        c.header("X-Cache", file.isCached ? "hit" : "miss");
        c.header("Content-Type", file.contentType);
        c.header("Content-Disposition", reportContentDisposition(file.title, file.extension, disposition));
        if (format === "html") c.header("Content-Security-Policy", HTML_REPORT_CSP);
        // A kept report's gzip is kept with it: a second download compresses nothing (keptReportGzip).
        const answer = await reportBodyFor(c, file);
        return c.body(answer.body, 200, answer.headers);
      },
    );
}
