import { NATIVE_REPORT_FORMAT } from "./buildNativeJson";
import type { ImportedReport } from "./ImportedReport";
import { importValidationError } from "./importValidationError";
import { parseNativeJson } from "./parseNativeJson";
import { parseWebAnnotation } from "./parseWebAnnotation";

/**
 * Reads either import format, telling them apart by their marks: a Factmark native export has
 * `"format": "factmark.report"`, a Web Annotation collection `"type": "AnnotationCollection"`.
 */
export function parseReportImport(document: unknown): ImportedReport {
  if (typeof document === "object" && document !== null) {
    const record = document as Record<string, unknown>;
    if (record.format === NATIVE_REPORT_FORMAT) return parseNativeJson(document);
    if (record.type === "AnnotationCollection") return parseWebAnnotation(document);
  }
  throw importValidationError("Not a document Factmark can import", [
    {
      path: "",
      message: `Expected a Factmark JSON export ("format": "${NATIVE_REPORT_FORMAT}") or a W3C Web Annotation collection ("type": "AnnotationCollection").`,
    },
  ]);
}
