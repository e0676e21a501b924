import { ApiError } from "../../lib/ApiError";

/** A refused import as the page says it: a heading, the server's message, and the items it named. */
export interface AnnotationImportError {
  title: string;
  message: string;
  /** Where in the document and what, as the server named them (a strict refusal lists every failing item). */
  issues: { path: string; message: string }[];
}

/** The issues an import refusal's details name ({ issues: [{ path, message }] }), or none. */
function issuesOf(details: unknown): AnnotationImportError["issues"] {
  if (typeof details !== "object" || details === null || !("issues" in details)) return [];
  const { issues } = details as { issues: unknown };
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue) =>
    typeof issue === "object" &&
    issue !== null &&
    typeof (issue as { message?: unknown }).message === "string" &&
    typeof (issue as { path?: unknown }).path === "string"
      ? [{ path: (issue as { path: string }).path, message: (issue as { message: string }).message }]
      : [],
  );
}

/** Why nothing was imported, by the answer's code; the server's own message says what exactly. */
export function annotationImportError(error: unknown): AnnotationImportError {
  if (!(error instanceof ApiError)) {
    return { title: "Nothing was imported", message: "Something went wrong. Try again in a moment.", issues: [] };
  }
  const issues = issuesOf(error.details);
  switch (error.code) {
    // With the items named, the list says what the server's message would repeat.
    case "VALIDATION_FAILED":
      return {
        title: "This is not a Web Annotation document Factmark can read",
        message: issues.length > 0 ? "Nothing was imported. What is wrong, item by item:" : error.message,
        issues,
      };
    case "UNPROCESSABLE":
      return {
        title: "Nothing was imported",
        message:
          issues.length > 0
            ? "“Refuse all if any item does not anchor” was ticked, and these items would not be anchored or linked:"
            : error.message,
        issues,
      };
    case "PAYLOAD_TOO_LARGE":
      return { title: "The document is too large", message: error.message, issues };
    case "UNSUPPORTED_MEDIA_TYPE":
      return { title: "The document was not sent as JSON", message: error.message, issues };
    case "FORBIDDEN":
      return {
        title: "Your account cannot import annotations",
        message: "Importing annotations needs reviewer access. Ask an admin.",
        issues: [],
      };
    case "NOT_FOUND":
      return { title: "This article is gone", message: error.message, issues: [] };
    case "CONFLICT":
      return { title: "The article changed meanwhile", message: error.message, issues: [] };
    case "BUSY":
      return { title: "The server is busy", message: `${error.message} Try again in a moment.`, issues: [] };
    default:
      return { title: "Nothing was imported", message: error.message, issues };
  }
}
