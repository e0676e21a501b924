import type { Claim, Link } from "@factmark/core";
import { useState } from "react";
import { InlineNotice } from "../../../components/InlineNotice";
import { ApiError } from "../../../lib/ApiError";
import { isPendingId } from "../../../lib/pendingId";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { CreditLine } from "../../history/components/CreditLine";
import { useDeleteLinkMutation, useRestoreLinkMutation } from "../hooks/useDeleteLinkMutation";
import { linkErrorMessage } from "../linkErrorMessage";
import { linkKindWording } from "../linkKindWording";
import { quotePreview } from "../quotePreview";

export interface ClaimLinksProps {
  claim: Claim;
  /** The article's claims, to show the other end of each link. */
  claims: readonly Claim[];
  /** The article's links; those of `claim`, in either direction, are shown. */
  links: readonly Link[];
  onSelectClaim: (claimId: string) => void;
}

interface Notice {
  message: string;
  tone: "info" | "error";
  removedLink?: Link;
}

function removeErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === "NOT_FOUND") return "This link was already removed.";
  if (error instanceof ApiError && error.code === "NETWORK") return error.message;
  return "The link could not be removed. Try again in a moment.";
}

/** The links of one claim, both ways, each with the other claim's quote (to jump to it) and a Remove button with Undo. */
export function ClaimLinks({ claim, claims, links, onSelectClaim }: ClaimLinksProps) {
  const { can } = useCurrentUser();
  const deleteMutation = useDeleteLinkMutation(claim.articleId);
  const restoreMutation = useRestoreLinkMutation(claim.articleId);
  const [notice, setNotice] = useState<Notice | null>(null);

  const claimsById = new Map(claims.map((item) => [item.id, item]));
  const rows = links.flatMap((link) => {
    if (link.fromClaimId !== claim.id && link.toClaimId !== claim.id) return [];
    const other = claimsById.get(link.fromClaimId === claim.id ? link.toClaimId : link.fromClaimId);
    // The other claim is out of view (deleted a moment ago): its links go with it.
    return other ? [{ link, other }] : [];
  });

  function handleRemove(link: Link) {
    deleteMutation.mutate(link, {
      onSuccess: () => setNotice({ message: "Link removed.", tone: "info", removedLink: link }),
      onError: (error) => setNotice({ message: removeErrorMessage(error), tone: "error" }),
    });
  }

  function handleUndo(link: Link) {
    setNotice(null);
    restoreMutation.mutate(link, {
      onSuccess: () => setNotice({ message: "Link restored.", tone: "info" }),
      onError: (error) => setNotice({ message: linkErrorMessage(error), tone: "error" }),
    });
  }

  if (rows.length === 0 && !notice) return null;
  const removedLink = notice?.removedLink;
  return (
    <div className="claim-links">
      {rows.length > 0 && (
        <ul className="claim-links__list" aria-label="Linked claims">
          {rows.map(({ link, other }) => {
            const preview = quotePreview(other.selectors.quote.exact);
            return (
              <li key={link.id} className={`claim-links__item claim-links__item--${link.kind}`}>
                <span className="claim-links__kind">{linkKindWording(link, claim.id)}:</span>{" "}
                <button type="button" className="claim-links__quote" onClick={() => onSelectClaim(other.id)}>
                  “{preview}”
                </button>
                {other.speaker && <span className="claim-links__speaker"> — {other.speaker}</span>}
                {link.note && <p className="claim-links__note">{link.note}</p>}
                <CreditLine
                  verb="Linked by"
                  account={link.createdBy}
                  originalName={link.originalAuthorName}
                  className="claim-links__credit"
                />
                {can("link.delete") && (
                  <button
                    type="button"
                    className="button button--quiet claim-links__remove"
                    disabled={isPendingId(link.id)}
                    onClick={() => handleRemove(link)}
                    aria-label={`Remove link to “${quotePreview(other.selectors.quote.exact, 60)}”`}
                  >
                    Remove link
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {notice && (
        <InlineNotice
          message={notice.message}
          tone={notice.tone}
          onUndo={removedLink ? () => handleUndo(removedLink) : undefined}
          onDismiss={() => setNotice(null)}
        />
      )}
    </div>
  );
}
