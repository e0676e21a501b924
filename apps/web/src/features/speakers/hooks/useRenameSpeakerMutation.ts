import type { SpeakerRename } from "@factmark/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { claimKeys } from "../../claims/queryKeys";
import { renameSpeaker } from "../api";
import { speakerKeys } from "../queryKeys";

/**
 * Renames (or merges) a speaker of an article. The answer's counts go straight into the cache; the claims (read
 * `?since=` their cursor, so only those renamed), the speakers and each claim's history are read again.
 */
export function useRenameSpeakerMutation(articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rename: SpeakerRename) => renameSpeaker(articleId, rename),
    onSuccess: (renamed) => queryClient.setQueryData(speakerKeys.counts(articleId), renamed.items),
    onSettled: () =>
      Promise.all(
        [claimKeys.ofArticle(articleId), claimKeys.speakers(articleId), claimKeys.everyClaim(articleId)].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
