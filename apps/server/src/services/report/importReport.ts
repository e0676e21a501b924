import { type Article, NATIVE_REPORT_FORMAT, type Principal, parseReportImport } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { authorize } from "../../policy/authorize";
import { insertImportedReport } from "../../repositories/importRepository";

/** Large imports write thousands of rows; the default five seconds is too tight for them on a slow disk. */
const IMPORT_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Creates a new article from a Factmark JSON export or a W3C Web Annotation collection, with its claims, evidence
 * and links (and, from a native export, reviews and the whole history), in one transaction. Who originally did each
 * thing and when are kept as "originally by"; `actor` is recorded as the importer (see insertImportedReport). The
 * document is checked whole before anything is written (parseReportImport throws VALIDATION_FAILED or UNPROCESSABLE
 * naming each problem), so a bad one changes nothing.
 */
export async function importReport(db: Db, actor: Principal, document: unknown): Promise<Article> {
  authorize(actor, "article.import");
  const imported = parseReportImport(document);
  const source =
    typeof document === "object" &&
    document !== null &&
    "format" in document &&
    document.format === NATIVE_REPORT_FORMAT
      ? "factmark-json"
      : "w3c-web-annotation";
  return db.$transaction((tx) => insertImportedReport(tx, imported, actor, new Date(), source), {
    timeout: IMPORT_TRANSACTION_TIMEOUT_MS,
    maxWait: IMPORT_TRANSACTION_TIMEOUT_MS,
  });
}
