import type { Claim } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { articleKeys } from "../../articles/queryKeys";
import { undoLastChange } from "../api";

/**
 * Undoes a claim's last change. An undo can touch the claim, its links (on both claims) or its
 * evidence, so everything about its article is read again afterwards, whatever the answer.
 */
export function useUndoLastChangeMutation(claim: Pick<Claim, "id" | "articleId">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (eventId: string | undefined) => undoLastChange(claim.id, eventId),
    onSettled: () =>
      Promise.all(
        [articleKeys.ofArticle(claim.articleId), articleKeys.list()].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
