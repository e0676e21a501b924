import type { Article, Claim } from "@factmark/core";
import { useCallback, useMemo, useState } from "react";
import { Toast } from "../../../components/Toast";
import { ArticleEditor } from "../../../editor/ArticleEditor";
import { errorMessage } from "../../../lib/ApiError";
import { ClaimSidebar } from "../../claims/components/ClaimSidebar";
import { useClaimActions } from "../../claims/hooks/useClaimActions";
import { useClaimsQuery } from "../../claims/hooks/useClaimsQuery";

const NO_CLAIMS: Claim[] = [];

/** The article's text with its highlights beside the claim sidebar. */
export function ArticleWorkspace({ article }: { article: Article }) {
  const claimsQuery = useClaimsQuery(article.id);
  const claims = claimsQuery.data ?? NO_CLAIMS;
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null);
  const { markClaim, changeVerdict, deleteClaim, notice, dismissNotice } = useClaimActions(article.id);
  const emphasisedClaimIds = useMemo(() => new Set<string>(), []);

  const handleSidebarSelect = useCallback((claim: Claim) => {
    setSelectedClaimId(claim.id);
    const highlight = document.querySelector(`.article-text [data-claim-id="${CSS.escape(claim.id)}"]`);
    highlight?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  return (
    <div className="workspace">
      <section className="workspace__text" aria-label="Article">
        <ArticleEditor
          doc={article.doc}
          claims={claims}
          selectedClaimId={selectedClaimId}
          emphasisedClaimIds={emphasisedClaimIds}
          onSelectClaim={setSelectedClaimId}
          onMarkClaim={markClaim}
        />
      </section>
      {claimsQuery.isPending ? (
        <aside className="claim-sidebar" aria-busy="true">
          <p className="loading">Loading claims…</p>
        </aside>
      ) : claimsQuery.isError ? (
        <aside className="claim-sidebar">
          <p role="alert">Could not load the claims: {errorMessage(claimsQuery.error)}</p>
          <button type="button" className="button" onClick={() => claimsQuery.refetch()}>
            Try again
          </button>
        </aside>
      ) : (
        <ClaimSidebar
          claims={claims}
          selectedClaimId={selectedClaimId}
          onSelect={handleSidebarSelect}
          onVerdictChange={changeVerdict}
          onDelete={deleteClaim}
        />
      )}
      {notice && (
        <Toast
          key={notice.id}
          message={notice.message}
          tone={notice.tone}
          actionLabel={notice.undo ? "Undo" : undefined}
          onAction={
            notice.undo
              ? () => {
                  dismissNotice();
                  notice.undo?.();
                }
              : undefined
          }
          onDismiss={dismissNotice}
        />
      )}
    </div>
  );
}
