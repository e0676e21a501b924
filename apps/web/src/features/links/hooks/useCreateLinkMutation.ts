import type { Link, LinkCreate } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { pendingId } from "../../../lib/pendingId";
import { createLink } from "../api";
import { useLinkCache } from "./useLinkCache";

/** Links two claims; the link shows at once and goes away again if the server refuses it. */
export function useCreateLinkMutation(articleId: string) {
  const cache = useLinkCache(articleId);
  return useMutation({
    mutationFn: (input: LinkCreate) => createLink(articleId, input),
    onMutate: async (input) => {
      const previous = cache.snapshot();
      const pending: Link = {
        id: pendingId("link"),
        articleId,
        fromClaimId: input.fromClaimId,
        toClaimId: input.toClaimId,
        kind: input.kind,
        note: input.note?.trim() || null,
        createdAt: new Date().toISOString(),
        createdBy: { id: "", name: "You" },
      };
      cache.set((links) => [...links, pending]);
      return { previous, pendingId: pending.id };
    },
    onSuccess: (created, _input, context) => {
      // A refresh may have brought the stored link in already: keep one of it.
      cache.set((links) =>
        links.filter((link) => link.id !== created.id).map((link) => (link.id === context?.pendingId ? created : link)),
      );
    },
    onError: (_error, _input, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
