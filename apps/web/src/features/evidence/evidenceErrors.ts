import { ApiError, errorMessage } from "../../lib/ApiError";
import { type EvidenceFieldErrors, fieldErrorsOf } from "./evidenceFormValues";

function serverIssues(details: unknown): { path: string; message: string }[] {
  if (typeof details !== "object" || details === null || !("issues" in details) || !Array.isArray(details.issues)) {
    return [];
  }
  return details.issues.filter(
    (issue): issue is { path: string; message: string } =>
      typeof issue?.path === "string" && typeof issue?.message === "string",
  );
}

/** What a reviewer reads when evidence cannot be saved, by field where the server says which; chosen by code. */
export function evidenceSaveErrors(error: unknown): EvidenceFieldErrors {
  if (!(error instanceof ApiError)) return { form: errorMessage(error) };
  switch (error.code) {
    case "VALIDATION_FAILED": {
      const errors = fieldErrorsOf(serverIssues(error.details));
      return Object.keys(errors).length > 0
        ? errors
        : { form: "Some of this evidence is not valid. Check the fields." };
    }
    case "PRECONDITION_FAILED":
      return {
        form: "Someone else changed this evidence while you were editing it. It now shows their version; edit it again if your change still applies.",
      };
    case "NOT_FOUND":
      return { form: "This claim or evidence is gone: someone may have deleted it. Reload to see what is there now." };
    case "PAYLOAD_TOO_LARGE":
      return { form: "This evidence is too large to save. Shorten the excerpt." };
    case "NETWORK":
      return { form: error.message };
    default:
      return { form: "The evidence could not be saved. Try again in a moment." };
  }
}

/** What a reviewer reads when evidence cannot be removed or brought back. */
export function evidenceRemoveErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === "NOT_FOUND") return "This evidence is gone already.";
  if (error instanceof ApiError && error.code === "CONFLICT")
    return "This evidence was changed meanwhile; reload to see it.";
  if (error instanceof ApiError && error.code === "NETWORK") return error.message;
  return "The evidence could not be changed. Try again in a moment.";
}
