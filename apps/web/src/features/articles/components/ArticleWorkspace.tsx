import type { Article, Claim, Link, Selectors } from "@factmark/core";
import { useCallback, useMemo, useState } from "react";
import { Toast } from "../../../components/Toast";
import { ArticleEditor } from "../../../editor/ArticleEditor";
import { errorMessage } from "../../../lib/ApiError";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { ClaimConflictDialog } from "../../claims/components/ClaimConflictDialog";
import { ClaimDetails } from "../../claims/components/ClaimDetails";
import { ClaimSidebar } from "../../claims/components/ClaimSidebar";
import { useClaimActions } from "../../claims/hooks/useClaimActions";
import { useClaimsQuery } from "../../claims/hooks/useClaimsQuery";
import { EditBar } from "../../editing/components/EditBar";
import { OrphanList } from "../../editing/components/OrphanList";
import { StaleSaveDialog } from "../../editing/components/StaleSaveDialog";
import { useArticleEditing } from "../../editing/hooks/useArticleEditing";
import { useReattachClaimMutation } from "../../editing/hooks/useReattachClaimMutation";
import { ContradictionsView } from "../../links/components/ContradictionsView";
import { useLinksQuery } from "../../links/hooks/useLinksQuery";

const NO_CLAIMS: Claim[] = [];
const NO_LINKS: Link[] = [];

type SidebarView = "claims" | "contradictions";

/** The claims linked to one claim, either way. */
function linkedClaimIds(links: readonly Link[], claimId: string | null): ReadonlySet<string> {
  const ids = new Set<string>();
  if (!claimId) return ids;
  for (const link of links) {
    if (link.fromClaimId === claimId) ids.add(link.toClaimId);
    if (link.toClaimId === claimId) ids.add(link.fromClaimId);
  }
  return ids;
}

/** The article's text with its highlights beside the sidebar: claims with their details, or the contradictions. */
export function ArticleWorkspace({ article }: { article: Article }) {
  const claimsQuery = useClaimsQuery(article.id);
  const linksQuery = useLinksQuery(article.id);
  const allClaims = claimsQuery.data ?? NO_CLAIMS;
  const claims = useMemo(() => allClaims.filter((claim) => !claim.isOrphaned), [allClaims]);
  const orphans = useMemo(() => allClaims.filter((claim) => claim.isOrphaned), [allClaims]);
  const editing = useArticleEditing(article);
  const { can } = useCurrentUser();
  const reattachMutation = useReattachClaimMutation(article.id);
  const [selection, setSelection] = useState<Selectors | null>(null);
  const links = linksQuery.data ?? NO_LINKS;
  const [view, setView] = useState<SidebarView>("claims");
  const [selectedClaimId, setSelectedClaimId] = useState<string | null>(null);
  const [hoveredClaimId, setHoveredClaimId] = useState<string | null>(null);
  const [linkingFromClaimId, setLinkingFromClaimId] = useState<string | null>(null);
  const [pickedClaimId, setPickedClaimId] = useState<string | null>(null);
  const { markClaim, changeClaim, changeVerdict, deleteClaim, notice, dismissNotice, conflict, resolveConflict } =
    useClaimActions(article.id);
  const emphasisedClaimIds = useMemo(
    () => linkedClaimIds(links, hoveredClaimId ?? selectedClaimId),
    [links, hoveredClaimId, selectedClaimId],
  );

  const selectClaim = useCallback((claimId: string) => {
    setView("claims");
    setSelectedClaimId(claimId);
    const highlight = document.querySelector(`.article-text [data-claim-ids~="${CSS.escape(claimId)}"]`);
    highlight?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  // While the link picker is open, clicking a highlight picks the claim to link to.
  const handleHighlightClick = useCallback(
    (claimId: string) => {
      if (linkingFromClaimId) {
        if (claimId !== linkingFromClaimId) setPickedClaimId(claimId);
        return;
      }
      setView("claims");
      setSelectedClaimId(claimId);
    },
    [linkingFromClaimId],
  );

  const stopLinking = useCallback(() => {
    setLinkingFromClaimId(null);
    setPickedClaimId(null);
  }, []);

  return (
    <div className="workspace">
      <section className="workspace__text" aria-label="Article">
        {can("article.edit") && (
          <EditBar
            isEditing={editing.isEditing}
            isSaving={editing.isSaving}
            status={editing.status}
            onStart={editing.startEditing}
            onSave={editing.saveEdits}
            onCancel={editing.cancelEditing}
          />
        )}
        <ArticleEditor
          key={editing.editorKey}
          doc={editing.doc}
          isEditing={editing.isEditing}
          onEditorReady={editing.setEditor}
          onSelectionChange={setSelection}
          canMark={can("claim.create")}
          claims={claims}
          selectedClaimId={selectedClaimId}
          emphasisedClaimIds={emphasisedClaimIds}
          onSelectClaim={handleHighlightClick}
          onMarkClaim={markClaim}
        />
      </section>
      <aside className="claim-sidebar" aria-label="Claims and contradictions">
        <div className="sidebar-tabs" role="tablist" aria-label="Sidebar">
          <button
            type="button"
            role="tab"
            id="tab-claims"
            aria-selected={view === "claims"}
            aria-controls="panel-claims"
            onClick={() => setView("claims")}
          >
            Claims <span className="filter-chip__count">{claims.length}</span>
          </button>
          <button
            type="button"
            role="tab"
            id="tab-contradictions"
            aria-selected={view === "contradictions"}
            aria-controls="panel-contradictions"
            onClick={() => setView("contradictions")}
          >
            Contradictions{" "}
            <span className="filter-chip__count">{links.filter((link) => link.kind === "contradicts").length}</span>
          </button>
        </div>
        {view === "contradictions" ? (
          <div role="tabpanel" id="panel-contradictions" aria-labelledby="tab-contradictions">
            <ContradictionsView articleId={article.id} onSelectClaim={selectClaim} />
          </div>
        ) : (
          <div role="tabpanel" id="panel-claims" aria-labelledby="tab-claims">
            {claimsQuery.isPending ? (
              <p className="loading" aria-busy="true">
                Loading claims…
              </p>
            ) : claimsQuery.isError ? (
              <div role="alert">
                <p>Could not load the claims: {errorMessage(claimsQuery.error)}</p>
                <button type="button" className="button" onClick={() => claimsQuery.refetch()}>
                  Try again
                </button>
              </div>
            ) : (
              <>
                <OrphanList
                  canEdit={can("claim.edit")}
                  orphans={orphans}
                  articleVersion={article.version}
                  selection={selection}
                  onReattach={(claim, selectors) =>
                    reattachMutation.mutate(
                      { claim, selectors },
                      { onSuccess: (reattached) => selectClaim(reattached.id) },
                    )
                  }
                  onDelete={deleteClaim}
                  error={reattachMutation.error ? errorMessage(reattachMutation.error) : null}
                />
                <ClaimSidebar
                  claims={claims}
                  selectedClaimId={selectedClaimId}
                  emphasisedClaimIds={emphasisedClaimIds}
                  onSelect={(claim) => selectClaim(claim.id)}
                  onHover={(claim) => setHoveredClaimId(claim?.id ?? null)}
                  onVerdictChange={changeVerdict}
                  onDelete={deleteClaim}
                  canEdit={can("claim.edit")}
                  canDelete={can("claim.delete")}
                  renderDetails={(claim) => (
                    <ClaimDetails
                      claim={claim}
                      claims={claims}
                      links={links}
                      isLinking={linkingFromClaimId === claim.id}
                      pickedClaimId={pickedClaimId}
                      onPickClaim={setPickedClaimId}
                      onStartLinking={() => {
                        setLinkingFromClaimId(claim.id);
                        setPickedClaimId(null);
                      }}
                      onStopLinking={stopLinking}
                      onSelectClaim={selectClaim}
                      onChange={changeClaim}
                      canEdit={can("claim.edit")}
                      canLink={can("link.create")}
                    />
                  )}
                />
              </>
            )}
          </div>
        )}
      </aside>
      {editing.staleSave && (
        <StaleSaveDialog
          theirs={editing.staleSave.theirs}
          mine={editing.staleSave.mine}
          onReapplyMine={editing.reapplyMine}
          onKeepMine={editing.keepMine}
          onCancel={editing.dismissStaleSave}
        />
      )}
      {conflict && <ClaimConflictDialog conflict={conflict} onResolve={resolveConflict} />}
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
