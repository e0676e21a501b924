import { useMutation } from "@tanstack/react-query";
import { retractPublication } from "../api";
import { useRefreshPublication } from "./useRefreshPublication";

/** Retracts an article's published fact-check with a note (admins); the article and its versions are read again. */
export function useRetractMutation() {
  const refresh = useRefreshPublication();
  return useMutation({
    mutationFn: ({ articleId, note }: { articleId: string; note: string }) => retractPublication(articleId, note),
    onSettled: (_publication, _error, { articleId }) => refresh(articleId),
  });
}
