import type { Claim, ClaimUpdate, Selectors, Verdict } from "@factmark/core";
import { useCallback, useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import { useCreateClaimMutation } from "./useCreateClaimMutation";
import { useDeleteClaimMutation, useRestoreClaimMutation } from "./useDeleteClaimMutation";
import { useUpdateClaimMutation } from "./useUpdateClaimMutation";

export interface Notice {
  id: number;
  message: string;
  tone: "info" | "error";
  undo?: () => void;
}

let noticeCount = 0;

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
    (claim: Claim, change: ClaimUpdate) => updateMutation.mutate({ claim, change }, { onError: showError }),
    [updateMutation, showError],
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

  return { markClaim, changeClaim, changeVerdict, deleteClaim, notice, dismissNotice };
}
