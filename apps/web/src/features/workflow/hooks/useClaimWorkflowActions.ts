import type { Claim, ClaimUpdate, ReviewCreate, SettableClaimStatus } from "@factmark/core";
import { useCallback, useState } from "react";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import { type ClaimConflict, staleClaimOf } from "../../claims/hooks/useClaimActions";
import { useLatestChangeAuthor } from "../../claims/hooks/useLatestChangeAuthor";
import { useUpdateClaimMutation } from "../../claims/hooks/useUpdateClaimMutation";
import { useReviewClaimMutation } from "./useReviewClaimMutation";

/** What an editor or reviewer reads in the card when the server refuses a workflow change; chosen by code. */
export function workflowErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  switch (error.code) {
    // The server says why: "You set this verdict…", "Only the assignee…", "The claim is not ready for review".
    case "FORBIDDEN":
    case "CONFLICT":
    case "VALIDATION_FAILED":
    case "NETWORK":
      return error.message;
    case "PRECONDITION_FAILED":
      return "Someone else changed this claim a moment ago. It now shows their version; make your change again if it still applies.";
    case "NOT_FOUND":
      return "This claim is gone: someone may have deleted it. Reload to see what is there now.";
    default:
      return "The change could not be saved. Try again in a moment.";
  }
}

/**
 * The workflow actions on one claim, for its card: assign, move the status, review. Refusals show in the card
 * (`error`); a change someone else overtook becomes a `conflict` to resolve (ClaimConflictDialog), and a review
 * of a claim changed meanwhile asks the editor to look again, the claim now as it is.
 */
export function useClaimWorkflowActions(claim: Claim) {
  const updateMutation = useUpdateClaimMutation(claim.articleId);
  const reviewMutation = useReviewClaimMutation(claim.articleId);
  const fetchLatestChangeAuthor = useLatestChangeAuthor();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ClaimConflict | null>(null);

  const change = useCallback(
    (target: Claim, update: ClaimUpdate) => {
      setError(null);
      updateMutation.mutate(
        { claim: target, change: update },
        {
          onError: async (failure) => {
            const theirs = staleClaimOf(failure);
            if (!theirs) return setError(workflowErrorMessage(failure));
            // Nothing is lost: both versions show, to choose from.
            const changedBy = await fetchLatestChangeAuthor(theirs);
            setConflict({ theirs, mine: update, changedBy });
          },
        },
      );
    },
    [updateMutation, fetchLatestChangeAuthor],
  );

  const review = useCallback(
    (input: ReviewCreate, options: { onSuccess?: () => void } = {}) => {
      setError(null);
      reviewMutation.mutate(
        { claim, review: input },
        {
          onSuccess: options.onSuccess,
          onError: async (failure) => {
            const current = staleClaimOf(failure);
            if (!current) return setError(workflowErrorMessage(failure));
            const changedBy = (await fetchLatestChangeAuthor(current)) ?? "Someone else";
            setError(
              `${changedBy} changed this claim while you were reviewing it. Check it as it is now, then decide.`,
            );
          },
        },
      );
    },
    [claim, reviewMutation, fetchLatestChangeAuthor],
  );

  const resolveConflict = useCallback(
    (choice: "theirs" | "mine") => {
      if (!conflict) return;
      setConflict(null);
      if (choice === "mine") change(conflict.theirs, conflict.mine);
    },
    [conflict, change],
  );

  return {
    assign: (assigneeId: string | null) => change(claim, { assigneeId }),
    setStatus: (status: SettableClaimStatus) => change(claim, { status }),
    review,
    isReviewing: reviewMutation.isPending,
    error,
    conflict,
    resolveConflict,
  };
}
