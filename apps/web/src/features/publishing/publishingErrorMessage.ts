import { ApiError, errorMessage } from "../../lib/ApiError";

/**
 * What an editor reads when a conclusion, a speaker's kind, a publication or a retraction is refused, chosen by
 * code; `what` names the thing ("The conclusion"). A 412 and a publish's 409 are shown apart, with what they carry.
 */
export function publishingErrorMessage(error: unknown, what: string): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  switch (error.code) {
    case "VALIDATION_FAILED":
      // The server's words name the field at fault ("Say why the fact-check is retracted.").
      return error.message;
    case "PRECONDITION_FAILED":
      return "Someone else changed this article meanwhile. It now shows their version; try again if yours still applies.";
    case "NOT_FOUND":
      return "This article is gone: someone may have deleted it.";
    case "UNAUTHENTICATED":
      return "You are signed out. Sign in again, then try again.";
    case "FORBIDDEN":
      return `Your account may not do this: ${error.message}`;
    case "CONFLICT":
      return error.message;
    case "NETWORK":
      return error.message;
    default:
      return `${what} could not be saved. Try again in a moment.`;
  }
}
