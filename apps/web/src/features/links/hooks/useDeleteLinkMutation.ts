import type { Link } from "@factmark/core";
import { useMutation } from "@tanstack/react-query";
import { deleteLink, restoreLink } from "../api";
import { useLinkCache } from "./useLinkCache";

/** Removes a link at once in the UI; the server keeps it so it can be restored. */
export function useDeleteLinkMutation(articleId: string) {
  const cache = useLinkCache(articleId);
  return useMutation({
    mutationFn: (link: Link) => deleteLink(link),
    onMutate: async (link) => {
      const previous = cache.snapshot();
      cache.set((links) => links.filter((item) => item.id !== link.id));
      return { previous };
    },
    onError: (_error, _link, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}

/** Undoes a removal: the link comes back, unless the pair was linked that way again meanwhile (409). */
export function useRestoreLinkMutation(articleId: string) {
  const cache = useLinkCache(articleId);
  return useMutation({
    mutationFn: (link: Link) => restoreLink(link),
    onMutate: async (link) => {
      const previous = cache.snapshot();
      cache.set((links) => [...links.filter((item) => item.id !== link.id), link]);
      return { previous };
    },
    onError: (_error, _link, context) => cache.restore(context?.previous),
    onSettled: () => cache.settle(),
  });
}
