import type { Article, Claim, Link, Viewer } from "@factmark/core";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useServerFirstScreenRemoved } from "../../../app/serverFirstScreen";
import { InlineNotice } from "../../../components/InlineNotice";
import { useNotice } from "../../../components/useNotice";
import { ArticleEditor, type ArticleEditorHandle, type SelectionToolbarProps } from "../../../editor/ArticleEditor";
import { ArticlePreview } from "../../../editor/ArticlePreview";
import { errorMessage } from "../../../lib/ApiError";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { ClaimConflictDialog } from "../../claims/components/ClaimConflictDialog";
import { ClaimDetails } from "../../claims/components/ClaimDetails";
import { ClaimSidebar } from "../../claims/components/ClaimSidebar";
import { VerdictToolbar } from "../../claims/components/VerdictToolbar";
import { useClaimActions } from "../../claims/hooks/useClaimActions";
import { useClaimsQuery } from "../../claims/hooks/useClaimsQuery";
import { EditBar } from "../../editing/components/EditBar";
import { OrphanList } from "../../editing/components/OrphanList";
import { StaleSaveDialog } from "../../editing/components/StaleSaveDialog";
import { useArticleEditing } from "../../editing/hooks/useArticleEditing";
import { useReattachClaimMutation } from "../../editing/hooks/useReattachClaimMutation";
import { ContradictionsView } from "../../links/components/ContradictionsView";
import { useLinksQuery } from "../../links/hooks/useLinksQuery";
import { ClaimLiveStatus } from "../../live/components/ClaimLiveStatus";
import { useAnnouncePresence } from "../../live/hooks/useAnnouncePresence";
import { type ArticleLive, NO_LIVE } from "../../live/hooks/useArticleEvents";
import { PublishingPanel } from "../../publishing/components/PublishingPanel";
import { useRequestedClaim } from "../../workflow/hooks/useRequestedClaim";
import { useClaimSelection } from "../hooks/useClaimSelection";
import { useFirstScreenFirst } from "../hooks/useFirstScreenFirst";
import { useUndoShortcut } from "../hooks/useUndoShortcut";

const NO_CLAIMS: Claim[] = [];
const NO_LINKS: Link[] = [];
const NO_VIEWERS: readonly Viewer[] = [];

function renderVerdictToolbar(toolbar: SelectionToolbarProps) {
  return <VerdictToolbar {...toolbar} />;
}

export interface ArticleWorkspaceProps {
  article: Article;
  /** What the article's event stream tells (useArticleEvents): who else is here, on which claims, who changed what. */
  live?: ArticleLive;
}

/**
 * The article's text with its highlights beside the sidebar: claims with their details, the contradictions, or
 * the conclusion and publishing.
 * Its notices show through the `NoticeProvider` above it; Ctrl+Z undoes what the notice showing offers to.
 * The claim selected is announced to the others on the article.
 */
export function ArticleWorkspace({ article, live = NO_LIVE }: ArticleWorkspaceProps) {
  const claimsQuery = useClaimsQuery(article.id);
  const linksQuery = useLinksQuery(article.id);
  const allClaims = claimsQuery.data ?? NO_CLAIMS;
  const claims = useMemo(() => allClaims.filter((claim) => !claim.isOrphaned), [allClaims]);
  const orphans = useMemo(() => allClaims.filter((claim) => claim.isOrphaned), [allClaims]);
  const editing = useArticleEditing(article);
  const { can } = useCurrentUser();
  const reattachMutation = useReattachClaimMutation(article.id);
  const links = linksQuery.data ?? NO_LINKS;
  const selection = useClaimSelection(links);
  const { markClaim, changeClaim, changeVerdict, deleteClaim, conflict, resolveConflict } = useClaimActions(article.id);
  const { undoNotice } = useNotice();
  useUndoShortcut(undoNotice);
  const editorRef = useRef<ArticleEditorHandle>(null);
  const firstScreen = useFirstScreenFirst(article.doc, !claimsQuery.isPending || editing.isEditing);
  // The page's own first screen (the preview, or the editor) takes the server's place in one frame.
  useServerFirstScreenRemoved();
  // The publishing tab stands apart from the claim selection's views: choosing a claim anywhere leaves it.
  const [isPublishingShown, setIsPublishingShown] = useState(false);
  const view = isPublishingShown ? "publishing" : selection.view;
  useAnnouncePresence(article.id, live.connectionId, selection.selectedClaimId);
  const lookersByClaimId = useMemo(() => {
    const lookers = new Map<string, Viewer[]>();
    for (const viewer of live.others) {
      for (const claimId of viewer.claimIds) lookers.set(claimId, [...(lookers.get(claimId) ?? []), viewer]);
    }
    return lookers;
  }, [live.others]);

  // A claim chosen outside the text (sidebar, contradictions, a link) is selected and scrolled to in the text.
  const { selectClaim } = selection;
  // Asked for before the editor replaced the first screen's preview (a "My work" link): scrolled to once it has.
  const pendingRevealRef = useRef<string | null>(null);
  const revealClaim = useCallback(
    (claimId: string) => {
      setIsPublishingShown(false);
      selectClaim(claimId);
      if (editorRef.current) editorRef.current.scrollToClaim(claimId);
      else pendingRevealRef.current = claimId;
    },
    [selectClaim],
  );
  useEffect(() => {
    const claimId = pendingRevealRef.current;
    if (firstScreen.isPreviewShown || claimId === null) return;
    pendingRevealRef.current = null;
    editorRef.current?.scrollToClaim(claimId);
  }, [firstScreen.isPreviewShown]);
  // "My work" links to the article with `?claim=`: open that claim once the claims are in.
  const { missingClaimId } = useRequestedClaim(claimsQuery.data, revealClaim);
  const [dismissedMissingClaimId, setDismissedMissingClaimId] = useState<string | null>(null);

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
        {firstScreen.isPreviewShown ? (
          <div ref={firstScreen.previewRef}>
            <ArticlePreview
              doc={article.doc}
              highlights={{
                claims,
                selectedClaimId: selection.selectedClaimId,
                emphasisedClaimIds: selection.emphasisedClaimIds,
              }}
            />
          </div>
        ) : (
          <ArticleEditor
            initialTextSelection={firstScreen.carriedSelection}
            key={editing.editorKey}
            ref={editorRef}
            doc={editing.doc}
            isEditing={editing.isEditing}
            onEditorReady={editing.setEditor}
            onSelectionChange={selection.selectText}
            canMark={can("claim.create")}
            claims={claims}
            selectedClaimId={selection.selectedClaimId}
            emphasisedClaimIds={selection.emphasisedClaimIds}
            onSelectClaim={selection.chooseHighlightedClaim}
            onMarkClaim={markClaim}
            renderSelectionToolbar={renderVerdictToolbar}
          />
        )}
      </section>
      <aside className="claim-sidebar" aria-label="Claims and contradictions">
        <div className="sidebar-tabs" role="tablist" aria-label="Sidebar">
          <button
            type="button"
            role="tab"
            id="tab-claims"
            aria-selected={view === "claims"}
            aria-controls="panel-claims"
            onClick={() => {
              setIsPublishingShown(false);
              selection.showView("claims");
            }}
          >
            Claims <span className="filter-chip__count">{claims.length}</span>
          </button>
          <button
            type="button"
            role="tab"
            id="tab-contradictions"
            aria-selected={view === "contradictions"}
            aria-controls="panel-contradictions"
            onClick={() => {
              setIsPublishingShown(false);
              selection.showView("contradictions");
            }}
          >
            Contradictions{" "}
            <span className="filter-chip__count">{links.filter((link) => link.kind === "contradicts").length}</span>
          </button>
          <button
            type="button"
            role="tab"
            id="tab-publishing"
            aria-selected={view === "publishing"}
            aria-controls="panel-publishing"
            onClick={() => setIsPublishingShown(true)}
          >
            Publish
          </button>
        </div>
        {view === "publishing" ? (
          <div role="tabpanel" id="panel-publishing" aria-labelledby="tab-publishing">
            <PublishingPanel article={article} onSelectClaim={revealClaim} />
          </div>
        ) : view === "contradictions" ? (
          <div role="tabpanel" id="panel-contradictions" aria-labelledby="tab-contradictions">
            <ContradictionsView articleId={article.id} onSelectClaim={revealClaim} />
          </div>
        ) : (
          <div role="tabpanel" id="panel-claims" aria-labelledby="tab-claims">
            {/* The cards come with the editor: the first frame is the text's, with its highlights. */}
            {claimsQuery.isPending || firstScreen.isPreviewShown ? (
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
                {missingClaimId !== null && missingClaimId !== dismissedMissingClaimId && (
                  <InlineNotice
                    message="The claim you opened is no longer in this article: it was deleted."
                    onDismiss={() => setDismissedMissingClaimId(missingClaimId)}
                  />
                )}
                <OrphanList
                  canEdit={can("claim.edit")}
                  orphans={orphans}
                  articleVersion={article.version}
                  selection={selection.textSelection}
                  onReattach={(claim, selectors) =>
                    reattachMutation.mutate(
                      { claim, selectors },
                      { onSuccess: (reattached) => revealClaim(reattached.id) },
                    )
                  }
                  onDelete={deleteClaim}
                  error={reattachMutation.error ? errorMessage(reattachMutation.error) : null}
                />
                <ClaimSidebar
                  claims={claims}
                  selectedClaimId={selection.selectedClaimId}
                  emphasisedClaimIds={selection.emphasisedClaimIds}
                  onSelect={(claim) => revealClaim(claim.id)}
                  onHover={(claim) => selection.hoverClaim(claim?.id ?? null)}
                  onVerdictChange={changeVerdict}
                  onDelete={deleteClaim}
                  canEdit={can("claim.edit")}
                  canDelete={can("claim.delete")}
                  renderLiveStatus={(claim) => (
                    <ClaimLiveStatus
                      lookers={lookersByClaimId.get(claim.id) ?? NO_VIEWERS}
                      // Said on the claim the reviewer has open only: elsewhere the highlight's new colour says it.
                      change={claim.id === selection.selectedClaimId ? live.changesByOthers.get(claim.id) : undefined}
                    />
                  )}
                  renderDetails={(claim) => (
                    <ClaimDetails
                      claim={claim}
                      claims={claims}
                      links={links}
                      isLinking={selection.linkingFromClaimId === claim.id}
                      pickedClaimId={selection.pickedClaimId}
                      onPickClaim={selection.pickClaim}
                      onStartLinking={() => selection.startLinking(claim.id)}
                      onStopLinking={selection.stopLinking}
                      onSelectClaim={revealClaim}
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
    </div>
  );
}
