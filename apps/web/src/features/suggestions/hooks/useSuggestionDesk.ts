import type { SuggestionsAnswer } from "@factmark/core";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { ApiError, errorMessage } from "../../../lib/ApiError";
import { useCreateClaimMutation } from "../../claims/hooks/useCreateClaimMutation";
import { useCreateLinkMutation } from "../../links/hooks/useCreateLinkMutation";
import { dismissSuggestion } from "../api";
import { suggestionKeys } from "../queryKeys";
import { type SuggestionItem, suggestionItems } from "../suggestionItems";
import { useSuggestionsQuery } from "./useSuggestionsQuery";

const NO_ITEMS: SuggestionItem[] = [];

/** How many check-worthy sentences, and contradiction candidates, are listed (and drawn) at first. */
export const FIRST_CLAIM_ROWS = 100;
export const FIRST_PAIR_ROWS = 50;
/** How many more rows of a kind "Show more" adds. */
export const MORE_ROWS = 100;

/** The claim that a suggestion accepted by someone else became, from the server's 409 (`reason: "already_marked"`). */
export function alreadyMarkedBy(failure: unknown): { claimId: string; by: string } | null {
  if (!(failure instanceof ApiError) || failure.status !== 409) return null;
  const details = failure.details as { reason?: unknown; claimId?: unknown; by?: unknown } | null | undefined;
  if (details?.reason !== "already_marked" || typeof details.claimId !== "string") return null;
  return { claimId: details.claimId, by: typeof details.by === "string" ? details.by : "someone else" };
}

/** What the Suggestions tab works with: its rows, the one the reviewer is on, and what the keys and buttons do. */
export interface SuggestionDesk {
  query: ReturnType<typeof useSuggestionsQuery>;
  /** The rows listed, and drawn in the text: the best FIRST_CLAIM_ROWS spans and FIRST_PAIR_ROWS candidates at first. */
  items: SuggestionItem[];
  /** How many rows of each kind there are in all (the answer's), listed or not. */
  totals: { claim: number; contradiction: number };
  /** Lists MORE_ROWS more rows of a kind. */
  showMore: (kind: SuggestionItem["kind"]) => void;
  /** What happened to the last accept that someone else had done first, in words. */
  notice: string | null;
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
 * When another reviewer accepted the same suggestion first (409 `already_marked`), the row stays off the list and
 * `notice` says "Already marked by …". Only the answer for `articleVersion` is used (see useSuggestionsQuery), and
 * only the best rows are listed and drawn (`items`; `showMore` lists more), so a long article stays quick.
 */
export function useSuggestionDesk(articleId: string, articleVersion: number, isShown: boolean): SuggestionDesk {
  const queryClient = useQueryClient();
  const query = useSuggestionsQuery(articleId, articleVersion, isShown);
  const [limits, setLimits] = useState({ claim: FIRST_CLAIM_ROWS, contradiction: FIRST_PAIR_ROWS });
  // Only an answer for the version shown: another version's offsets sit on other words.
  const data = query.isCurrent ? query.data : undefined;
  const totals = useMemo(
    () => ({ claim: data?.claims.length ?? 0, contradiction: data?.contradictions.length ?? 0 }),
    [data],
  );
  const items = useMemo(
    () =>
      data
        ? suggestionItems({
            claims: data.claims.slice(0, limits.claim),
            contradictions: data.contradictions.slice(0, limits.contradiction),
          })
        : NO_ITEMS,
    [data, limits],
  );
  const [notice, setNotice] = useState<string | null>(null);
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
      const key = suggestionKeys.ofVersion(articleId, articleVersion);
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
    [articleId, articleVersion, queryClient, items, currentKey],
  );

  const run = useCallback(
    async (item: SuggestionItem, work: () => Promise<unknown>) => {
      setBusyKey(item.key);
      setError(null);
      setNotice(null);
      const putBack = removeRow(item);
      try {
        await work();
      } catch (failure) {
        const marked = alreadyMarkedBy(failure);
        if (marked) {
          // Someone accepted it first: it stays off the list, and the reviewer is told by whom.
          setNotice(`Already marked by ${marked.by}.`);
        } else {
          putBack();
          setError(errorMessage(failure));
        }
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

  const showMore = useCallback(
    (kind: SuggestionItem["kind"]) => setLimits((shown) => ({ ...shown, [kind]: shown[kind] + MORE_ROWS })),
    [],
  );

  return {
    query,
    items,
    totals,
    showMore,
    notice,
    currentKey,
    busyKey,
    error,
    select: setChosenKey,
    step,
    accept,
    dismiss,
    clearError: () => {
      setError(null);
      setNotice(null);
    },
  };
}
