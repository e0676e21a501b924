import type { SuggestionsAnswer } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { errorMessage } from "../../../lib/ApiError";
import { useCreateClaimMutation } from "../../claims/hooks/useCreateClaimMutation";
import { useCreateLinkMutation } from "../../links/hooks/useCreateLinkMutation";
import { dismissSuggestion } from "../api";
import { suggestionKeys } from "../queryKeys";
import { type SuggestionItem, suggestionItems } from "../suggestionItems";
import { useSuggestionsQuery } from "./useSuggestionsQuery";

const NO_ITEMS: SuggestionItem[] = [];

/** What the Suggestions tab works with: its rows, the one the reviewer is on, and what the keys and buttons do. */
export interface SuggestionDesk {
  query: ReturnType<typeof useSuggestionsQuery>;
  items: SuggestionItem[];
  currentKey: string | null;
  /** The row whose accept or dismissal is on its way. */
  busyKey: string | null;
  /** What went wrong with the last accept or dismissal, in words. */
  error: string | null;
  select: (key: string) => void;
  /** Moves to the next (1) or previous (-1) row; false when there is none. */
  step: (direction: 1 | -1) => boolean;
  /** Marks the row's span(s) as unverified claims with their speakers, and links a pair as contradicting. */
  accept: (item: SuggestionItem) => Promise<void>;
  /** Sets the row aside on this version of the article. */
  dismiss: (item: SuggestionItem) => Promise<void>;
  clearError: () => void;
}

/**
 * The Suggestions tab's state and actions (its data in the query cache, never in the components). Accepting a
 * span makes an unverified claim with the suggested speaker; accepting a candidate marks whichever side is not a
 * claim yet and links the two as contradicting, each request saying `fromSuggestion` so the history says so.
 * The row leaves the list at once and the next one becomes current; the list is asked for again afterwards.
 */
export function useSuggestionDesk(articleId: string, articleVersion: number, isShown: boolean): SuggestionDesk {
  const queryClient = useQueryClient();
  const query = useSuggestionsQuery(articleId, isShown);
  const items = useMemo(() => (query.data ? suggestionItems(query.data) : NO_ITEMS), [query.data]);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const createClaim = useCreateClaimMutation(articleId);
  const createLink = useCreateLinkMutation(articleId);
  const currentKey = items.some((item) => item.key === chosenKey) ? chosenKey : (items[0]?.key ?? null);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (items.length === 0) return false;
      const at = items.findIndex((item) => item.key === currentKey);
      const next = Math.max(0, Math.min(items.length - 1, at + direction));
      setChosenKey((items[next] as SuggestionItem).key);
      return true;
    },
    [items, currentKey],
  );

  /** Takes a row out of the list in the cache, the one after it becoming current; answers how to put it back. */
  const removeRow = useCallback(
    (item: SuggestionItem) => {
      const key = suggestionKeys.ofArticle(articleId);
      const previous = queryClient.getQueryData<SuggestionsAnswer>(key);
      const at = items.findIndex((each) => each.key === item.key);
      const neighbour = items[at + 1] ?? items[at - 1];
      if (item.key === currentKey) setChosenKey(neighbour?.key ?? null);
      queryClient.setQueryData<SuggestionsAnswer>(key, (answer) =>
        answer
          ? {
              ...answer,
              claims: item.kind === "claim" ? answer.claims.filter((claim) => claim !== item.claim) : answer.claims,
              contradictions:
                item.kind === "contradiction"
                  ? answer.contradictions.filter((candidate) => candidate !== item.candidate)
                  : answer.contradictions,
            }
          : answer,
      );
      return () => queryClient.setQueryData(key, previous);
    },
    [articleId, queryClient, items, currentKey],
  );

  const run = useCallback(
    async (item: SuggestionItem, work: () => Promise<unknown>) => {
      setBusyKey(item.key);
      setError(null);
      const putBack = removeRow(item);
      try {
        await work();
      } catch (failure) {
        putBack();
        setError(errorMessage(failure));
      } finally {
        setBusyKey(null);
        // What is suggested moves with every claim and link: asked for again (by ETag, a 304 when nothing did).
        void queryClient.invalidateQueries({ queryKey: suggestionKeys.ofArticle(articleId) });
      }
    },
    [articleId, queryClient, removeRow],
  );

  const accept = useCallback(
    (item: SuggestionItem) =>
      run(item, async () => {
        if (item.kind === "claim") {
          await createClaim.mutateAsync({
            selectors: item.claim.selectors,
            verdict: "unverified",
            ...(item.claim.speaker ? { speaker: item.claim.speaker.name } : {}),
            fromSuggestion: true,
          });
          return;
        }
        const ids: string[] = [];
        for (const side of [item.candidate.a, item.candidate.b]) {
          if (side.claimId) {
            ids.push(side.claimId);
            continue;
          }
          const claim = await createClaim.mutateAsync({
            selectors: side.selectors,
            verdict: "unverified",
            ...(side.speaker ? { speaker: side.speaker.name } : {}),
            fromSuggestion: true,
          });
          ids.push(claim.id);
        }
        await createLink.mutateAsync({
          fromClaimId: ids[0] as string,
          toClaimId: ids[1] as string,
          kind: "contradicts",
          fromSuggestion: true,
        });
      }),
    [run, createClaim, createLink],
  );

  const dismiss = useCallback(
    (item: SuggestionItem) =>
      run(item, () =>
        dismissSuggestion(
          articleId,
          query.data?.version ?? articleVersion,
          item.kind === "claim"
            ? { selectors: item.claim.selectors }
            : { selectors: item.candidate.a.selectors, pairedWith: item.candidate.b.selectors },
        ),
      ),
    [run, articleId, articleVersion, query.data?.version],
  );

  return {
    query,
    items,
    currentKey,
    busyKey,
    error,
    select: setChosenKey,
    step,
    accept,
    dismiss,
    clearError: () => setError(null),
  };
}
