import type { z } from "zod";
import { AppError } from "../errors/AppError";
import type { ErrorCode } from "../errors/errorCodes";

/** One thing wrong with an imported document: where (a dotted path) and what. */
export interface ImportIssue {
  path: string;
  message: string;
}

const ISSUES_IN_MESSAGE = 3;
const ISSUES_IN_DETAILS = 50;

/**
 * The error an import fails with: its message names the first few problems ("claims.2.verdict: ..."), its details
 * list up to fifty. VALIDATION_FAILED (400) for a document of the wrong shape, UNPROCESSABLE (422) for one whose
 * parts do not fit together (a quote that is not in the article, a link to a claim that does not exist).
 */
export function importValidationError(
  what: string,
  issues: ImportIssue[],
  code: Extract<ErrorCode, "VALIDATION_FAILED" | "UNPROCESSABLE"> = "VALIDATION_FAILED",
): AppError {
  const named = issues
    .slice(0, ISSUES_IN_MESSAGE)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
  const more = issues.length > ISSUES_IN_MESSAGE ? ` (and ${issues.length - ISSUES_IN_MESSAGE} more)` : "";
  return new AppError(code, `${what}: ${named.join("; ")}${more}`, { issues: issues.slice(0, ISSUES_IN_DETAILS) });
}

/** Zod's issues as import issues. */
export function issuesFromZod(error: z.ZodError): ImportIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
