import type { Claim } from "@factmark/core";
import { errorMessage } from "../../../lib/ApiError";
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
  const history = useClaimHistoryQuery(claim.id);
  if (!claim.isAnchorUnconfirmed) return null;
  const move = history.data?.items.find(
    (event) => event.action === "claim.reanchored" && isRecord(event.to) && event.to.status === "fuzzy",
  );
  const wordsBefore = move && isRecord(move.from) && typeof move.from.exact === "string" ? move.from.exact : null;
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
          disabled={mutation.isPending || claim.id.startsWith("pending-")}
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
