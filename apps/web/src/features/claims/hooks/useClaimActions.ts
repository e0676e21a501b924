import { type Claim, type ClaimUpdate, type Selectors, type Verdict, ZClaim } from "@factmark/core";
import { useCallback, useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import { fetchHistory } from "../../history/api";
import { useCreateClaimMutation } from "./useCreateClaimMutation";
import { useDeleteClaimMutation, useRestoreClaimMutation } from "./useDeleteClaimMutation";
import { useUpdateClaimMutation } from "./useUpdateClaimMutation";

export interface Notice {
  id: number;
  message: string;
  tone: "info" | "error";
  undo?: () => void;
}

/** A change the server refused because someone else changed the claim first: theirs, and what this reviewer meant. */
export interface ClaimConflict {
  theirs: Claim;
  mine: ClaimUpdate;
  /** Who made the newer change, from the claim's history; null when it cannot be told. */
  changedBy: string | null;
}

let noticeCount = 0;

/** The current claim a 412 carries, or null when the error is something else. */
function staleClaimOf(error: unknown): Claim | null {
  if (!(error instanceof ApiError) || error.code !== "PRECONDITION_FAILED") return null;
  const parsed = ZClaim.safeParse((error.details as { current?: unknown } | undefined)?.current);
  return parsed.success ? parsed.data : null;
}

/**
 * What a reviewer can do to the claims of one article, with the notices they see:
 * mark, change a verdict, speaker or rationale, delete with undo (the Undo button or Ctrl+Z while it shows).
 */
export function useClaimActions(articleId: string) {
  const createMutation = useCreateClaimMutation(articleId);
  const updateMutation = useUpdateClaimMutation(articleId);
  const deleteMutation = useDeleteClaimMutation(articleId);
  const restoreMutation = useRestoreClaimMutation(articleId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<ClaimConflict | null>(null);

  const notify = useCallback((message: string, tone: Notice["tone"], undo?: () => void) => {
    noticeCount += 1;
    setNotice({ id: noticeCount, message, tone, undo });
  }, []);
  const showError = useCallback(
    (error: unknown) => {
      const message =
        error instanceof ApiError && error.code === "PRECONDITION_FAILED"
          ? "Someone else changed this claim a moment ago. You now see their version; make your change again if it still applies."
          : errorMessage(error);
      notify(message, "error");
    },
    [notify],
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
            const history = await fetchHistory(theirs.id).catch(() => null);
            setConflict({ theirs, mine: change, changedBy: history?.items[0]?.by.name ?? null });
          },
        },
      ),
    [updateMutation, showError],
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
          notify("Claim deleted.", "info", () => {
            restoreMutation.mutate(deleted, {
              onError: showError,
              onSuccess: () => notify("Claim restored.", "info"),
            });
          }),
      }),
    [deleteMutation, restoreMutation, notify, showError],
  );

  const undo = notice?.undo;
  useEffect(() => {
    if (!undo) return;
    function handleKeyDown(event: KeyboardEvent) {
      const isUndo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z";
      const target = event.target as HTMLElement | null;
      const isTyping = target?.closest("input, textarea, select, [contenteditable='true']:not(.article-text)");
      if (!isUndo || isTyping) return;
      event.preventDefault();
      setNotice(null);
      undo?.();
    }
    window.addEventListener("keydown", handleKeyDown);
    return () => window.removeEventListener("keydown", handleKeyDown);
  }, [undo]);

  const dismissNotice = useCallback(() => setNotice(null), []);

  return { markClaim, changeClaim, changeVerdict, deleteClaim, notice, dismissNotice, conflict, resolveConflict };
}
