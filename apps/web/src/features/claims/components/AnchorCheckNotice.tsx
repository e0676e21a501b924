import type { ChangeEventOf, Claim, HistoryEvent } from "@factmark/core";
import { errorMessage } from "../../../lib/ApiError";
import { isPendingId } from "../../../lib/pendingId";
import { useClaimHistoryQuery } from "../../history/hooks/useClaimHistoryQuery";
import { useConfirmAnchorMutation } from "../hooks/useConfirmAnchorMutation";

export interface AnchorCheckNoticeProps {
  claim: Claim;
  /** Whether the signed-in reviewer may confirm the place; viewers only read the notice. */
  canEdit?: boolean;
}

/**
 * What a claim a save moved onto edited words shows until a reviewer confirms it: the words it is
 * on now, and "The new place is right" (or re-attach it elsewhere, or change the verdict).
 */
export function AnchorCheckNotice({ claim, canEdit = true }: AnchorCheckNoticeProps) {
  const mutation = useConfirmAnchorMutation(claim.articleId);
  // The details show the history too: the same query, so the words it was on cost no request of their own.
  const history = useClaimHistoryQuery(claim);
  if (!claim.isAnchorUnconfirmed) return null;
  const move = history.data?.items.find(isFuzzyMove);
  const wordsBefore = move?.from.exact ?? null;
  return (
    <div className="anchor-check" role="note" aria-label="Moved — check it">
      <p>
        <strong>Moved — check it.</strong> An edit changed this claim's words; it now sits on “
        {claim.selectors.quote.exact}”. Check that the verdict still fits them.
      </p>
      {wordsBefore !== null && (
        <p className="anchor-check__before">
          Before the edit: <del>“{wordsBefore}”</del>
        </p>
      )}
      {canEdit && (
        <button
          type="button"
          className="button button--small"
          disabled={mutation.isPending || isPendingId(claim.id)}
          onClick={() => mutation.mutate(claim)}
        >
          The new place is right
        </button>
      )}
      {mutation.error && (
        <p className="field__error" role="alert">
          {errorMessage(mutation.error)}
        </p>
      )}
    </div>
  );
}

/** A save's move of the claim onto edited words: the change this notice asks a reviewer to check. */
function isFuzzyMove(event: HistoryEvent): event is ChangeEventOf<"claim.reanchored"> {
  return event.action === "claim.reanchored" && event.to.status === "fuzzy";
}
