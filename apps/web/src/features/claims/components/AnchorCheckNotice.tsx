import type { Claim } from "@factmark/core";
import { errorMessage } from "../../../lib/ApiError";
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
  if (!claim.isAnchorUnconfirmed) return null;
  return (
    <div className="anchor-check" role="note" aria-label="Moved — check it">
      <p>
        <strong>Moved — check it.</strong> An edit changed this claim's words; it now sits on “
        {claim.selectors.quote.exact}”. Check that the verdict still fits them.
      </p>
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
