import { ZId } from "@factmark/core";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../env";
import { etag } from "../middleware/ifMatch";
import { validate } from "../middleware/validate";
import { reportContentDisposition } from "../report/reportFilename";
import { REPORT_FORMATS } from "../report/reportFormats";
import { reportOrganisation } from "../report/reportSettings";
import { exportReport } from "../services/report/exportReport";
import { getReportModel } from "../services/report/getReportModel";
import { importReport } from "../services/report/importReport";

const ZArticleParam = z.object({ id: ZId });

export const ZReportQuery = z.object({
  format: z.enum(REPORT_FORMATS, { error: `format must be one of: ${REPORT_FORMATS.join(", ")}.` }).default("html"),
  disposition: z
    .enum(["attachment", "inline"], { error: "disposition must be attachment or inline." })
    .default("attachment"),
});

/**
 * The HTML report may be shown in a sandboxed iframe of the web app (its preview), so it may be framed by the same
 * origin; it has no scripts, and loads nothing but its inline styles and data: images.
 */
const HTML_REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** /api/articles/:id/report (every export format), /api/articles/:id/report/model, and /api/articles/import. */
export function reportRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .post("/import", validate("json", z.unknown()), async (c) => {
      const article = await importReport(db, c.get("actor"), c.req.valid("json"));
      c.header("ETag", etag(article));
      c.header("Location", `/api/articles/${article.id}`);
      return c.json(article, 201);
    })
    .get("/:id/report/model", validate("param", ZArticleParam), async (c) => {
      const model = await getReportModel(db, c.req.valid("param").id, reportOrganisation(c.req.url));
      c.header("Cache-Control", "no-store");
      return c.json(model, 200);
    })
    .get("/:id/report", validate("param", ZArticleParam), validate("query", ZReportQuery), async (c) => {
      const { format, disposition } = c.req.valid("query");
      const file = await exportReport(db, c.req.valid("param").id, format, reportOrganisation(c.req.url));
      c.header("Content-Type", file.contentType);
      c.header("Content-Disposition", reportContentDisposition(file.title, file.extension, disposition));
      c.header("Cache-Control", "no-store");
      if (format === "html") c.header("Content-Security-Policy", HTML_REPORT_CSP);
      return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body), 200);
    });
}
