import { useMutation, useQueryClient } from "@tanstack/react-query";
import { articleKeys } from "../../articles/queryKeys";
import { claimKeys } from "../../claims/queryKeys";
import { evidenceKeys } from "../../evidence/queryKeys";
import { linkKeys } from "../../links/queryKeys";
import { undoLastChange } from "../api";
import { historyKeys } from "../queryKeys";

/**
 * Undoes a claim's last change. An undo can touch the claim, its links (on both claims) or its
 * evidence, so everything those show is read again afterwards, whatever the answer.
 */
export function useUndoLastChangeMutation(claimId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (eventId: string | undefined) => undoLastChange(claimId, eventId),
    onSettled: () =>
      Promise.all(
        [claimKeys.all, articleKeys.list(), linkKeys.all, evidenceKeys.all, historyKeys.all].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
