import { type Claim, type ClaimUpdate, type Selectors, type Verdict, ZClaim } from "@factmark/core";
import { useCallback, useState } from "react";
import { useNotice } from "../../../components/useNotice";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import { useAfterNextPaint } from "../../../lib/afterNextPaint";
import { findClaimQuote } from "../findClaimQuote";
import { useCreateClaimMutation } from "./useCreateClaimMutation";
import { useDeleteClaimMutation, useRestoreClaimMutation } from "./useDeleteClaimMutation";
import { useLatestChangeAuthor } from "./useLatestChangeAuthor";
import { useUpdateClaimMutation } from "./useUpdateClaimMutation";

/** A change the server refused because someone else changed the claim first: theirs, and what this reviewer meant. */
export interface ClaimConflict {
  theirs: Claim;
  mine: ClaimUpdate;
  /** Who made the newer change, from the claim's history; null when it cannot be told. */
  changedBy: string | null;
}

/** The current claim a 412 carries, or null when the error is something else. */
export function staleClaimOf(error: unknown): Claim | null {
  if (!(error instanceof ApiError) || error.code !== "PRECONDITION_FAILED") return null;
  const parsed = ZClaim.safeParse((error.details as { current?: unknown } | undefined)?.current);
  return parsed.success ? parsed.data : null;
}

/**
 * After an undo has brought claim `claimId` back (Ctrl+Z, or the notice's Undo button, which goes with the notice)
 * and its card is painted, the card takes focus, if focus is nowhere or on another claim in the list.
 */
function focusRestoredClaim(claimId: string) {
  const active = document.activeElement;
  const isFocusFree = !active || active === document.body || !active.isConnected || active.closest(".claim-list");
  if (isFocusFree) findClaimQuote(claimId)?.focus();
}

/**
 * What a reviewer can do to the claims of one article: mark, change a verdict, speaker or rationale,
 * delete with undo. Failures and deletes show as notices (a `NoticeProvider` above); a change someone
 * else overtook becomes a `conflict` to resolve.
 */
export function useClaimActions(articleId: string) {
  const createMutation = useCreateClaimMutation(articleId);
  const updateMutation = useUpdateClaimMutation(articleId);
  const deleteMutation = useDeleteClaimMutation(articleId);
  const restoreMutation = useRestoreClaimMutation(articleId);
  const fetchLatestChangeAuthor = useLatestChangeAuthor();
  const { showNotice } = useNotice();
  const scheduleAfterPaint = useAfterNextPaint();
  const [conflict, setConflict] = useState<ClaimConflict | null>(null);

  const showError = useCallback(
    (error: unknown) => {
      const message =
        error instanceof ApiError && error.code === "PRECONDITION_FAILED"
          ? "Someone else changed this claim a moment ago. You now see their version; make your change again if it still applies."
          : errorMessage(error);
      showNotice({ message, tone: "error" });
    },
    [showNotice],
  );

  const markClaim = useCallback(
    (verdict: Verdict, selectors: Selectors) => createMutation.mutate({ selectors, verdict }, { onError: showError }),
    [createMutation, showError],
  );

  const changeClaim = useCallback(
    (claim: Claim, change: ClaimUpdate) =>
      updateMutation.mutate(
        { claim, change },
        {
          onError: async (error) => {
            const theirs = staleClaimOf(error);
            if (!theirs) return showError(error);
            // Nothing is lost: the reviewer sees both versions and chooses.
            const changedBy = await fetchLatestChangeAuthor(theirs);
            setConflict({ theirs, mine: change, changedBy });
          },
        },
      ),
    [updateMutation, showError, fetchLatestChangeAuthor],
  );

  const resolveConflict = useCallback(
    (choice: "theirs" | "mine") => {
      if (!conflict) return;
      setConflict(null);
      if (choice === "mine") changeClaim(conflict.theirs, conflict.mine);
    },
    [conflict, changeClaim],
  );
  const changeVerdict = useCallback((claim: Claim, verdict: Verdict) => changeClaim(claim, { verdict }), [changeClaim]);

  const deleteClaim = useCallback(
    (claim: Claim) =>
      deleteMutation.mutate(claim, {
        onError: showError,
        onSuccess: (deleted) =>
          showNotice({
            message: "Claim deleted.",
            tone: "info",
            undo: () => {
              restoreMutation.mutate(deleted, {
                onError: showError,
                onSuccess: () => {
                  showNotice({ message: "Claim restored.", tone: "info" });
                  scheduleAfterPaint(() => focusRestoredClaim(deleted.id));
                },
              });
              scheduleAfterPaint(() => focusRestoredClaim(deleted.id));
            },
          }),
      }),
    [deleteMutation, restoreMutation, showNotice, showError, scheduleAfterPaint],
  );

  return { markClaim, changeClaim, changeVerdict, deleteClaim, conflict, resolveConflict };
}
