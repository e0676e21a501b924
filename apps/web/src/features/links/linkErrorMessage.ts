import { ApiError, errorMessage } from "../../lib/ApiError";

/** The `reason` a 422 answer names in its details, if any. */
function unlinkableReason(details: unknown): unknown {
  return typeof details === "object" && details !== null && "reason" in details ? details.reason : undefined;
}

/** What a reviewer reads when a link cannot be made or restored; chosen by error code, never by message text. */
export function linkErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  switch (error.code) {
    case "CONFLICT":
      return "These claims are already linked that way.";
    case "UNPROCESSABLE": {
      const reason = unlinkableReason(error.details);
      if (reason === "self_link") return "A claim cannot be linked to itself. Pick another claim.";
      if (reason === "claim_deleted") return "One of these claims was deleted. Restore it before linking it.";
      if (reason === "claim_not_in_article") return "Only claims of the same article can be linked.";
      return "These claims cannot be linked. Pick another claim.";
    }
    case "NOT_FOUND":
      return "This article or one of its claims is gone. Reload the page to see what is there now.";
    case "VALIDATION_FAILED":
      return "The link could not be saved: check the note and try again.";
    case "NETWORK":
      return error.message;
    default:
      return "The link could not be saved. Try again in a moment.";
  }
}
