import { useMutation, useQueryClient } from "@tanstack/react-query";
import { articleKeys } from "../../articles/queryKeys";
import { importAnnotations } from "../api";

export interface ImportAnnotationsRequest {
  /** The Web Annotation document, parsed. */
  document: unknown;
  isStrict: boolean;
}

/**
 * Imports a Web Annotation document onto one article. Afterwards everything about the article (its claims, links,
 * speakers, each claim's evidence and history) and the article list's counts are read again, refused or not: a
 * refusal stores nothing, but a 409 or a timeout may come after another reviewer's change.
 */
export function useImportAnnotationsMutation(articleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, isStrict }: ImportAnnotationsRequest) =>
      importAnnotations(articleId, document, { isStrict }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: articleKeys.ofArticle(articleId) }),
        queryClient.invalidateQueries({ queryKey: articleKeys.list() }),
      ]),
  });
}
