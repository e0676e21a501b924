import type { Link, LinkCreate } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { createLink } from "../api";
import { useLinkCache } from "./useLinkCache";

let pendingCount = 0;

/** Links two claims; the link shows at once and goes away again if the server refuses it. */
export function useCreateLinkMutation(articleId: string) {
  const cache = useLinkCache(articleId);
  return useMutation({
    mutationFn: (input: LinkCreate) => createLink(articleId, input),
    onMutate: async (input) => {
      const previous = cache.snapshot();
      pendingCount += 1;
      const pending: Link = {
        id: `pending-link-${pendingCount}`,
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
      cache.set((links) => links.map((link) => (link.id === context?.pendingId ? created : link)));
    },
    onError: (_error, _input, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
