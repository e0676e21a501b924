import type { Article, Claim, Link, Viewer } from "@factmark/core";
import type { Editor } from "@tiptap/core";
import {
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useServerFirstScreenRemoved } from "../../../app/serverFirstScreen";
import { InlineNotice } from "../../../components/InlineNotice";
import { ShortcutSheet } from "../../../components/ShortcutSheet";
import { useNotice } from "../../../components/useNotice";
import { ArticleEditor, type ArticleEditorHandle, type SelectionToolbarProps } from "../../../editor/ArticleEditor";
import { ArticlePreview } from "../../../editor/ArticlePreview";
import { errorMessage } from "../../../lib/ApiError";
import { afterNextPaint, useAfterNextPaint } from "../../../lib/afterNextPaint";
import { useInertOutside } from "../../../lib/useInertOutside";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { ClaimConflictDialog } from "../../claims/components/ClaimConflictDialog";
import { ClaimDetails } from "../../claims/components/ClaimDetails";
import { ClaimSidebar } from "../../claims/components/ClaimSidebar";
import { READ_ONLY_NOTICE, VerdictToolbar } from "../../claims/components/VerdictToolbar";
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
import { SpeakersManager } from "../../speakers/components/SpeakersManager";
import { SuggestionsPanel } from "../../suggestions/components/SuggestionsPanel";
import { useSuggestionDesk } from "../../suggestions/hooks/useSuggestionDesk";
import { useSuggestionHighlights } from "../../suggestions/hooks/useSuggestionHighlights";
import { useRequestedClaim } from "../../workflow/hooks/useRequestedClaim";
import { useClaimSelection } from "../hooks/useClaimSelection";
import { DESK_SHORTCUTS, keyLabel, useDeskShortcuts } from "../hooks/useDeskShortcuts";
import { useFirstScreenFirst } from "../hooks/useFirstScreenFirst";
import { useIsNarrowDesk } from "../hooks/useIsNarrowDesk";
import { SIDEBAR_WIDTH, useSidebarWidth } from "../hooks/useSidebarWidth";
import { useUndoShortcut } from "../hooks/useUndoShortcut";

const NO_CLAIMS: Claim[] = [];
const NO_LINKS: Link[] = [];
const NO_VIEWERS: readonly Viewer[] = [];

function renderVerdictToolbar(toolbar: SelectionToolbarProps) {
  return <VerdictToolbar {...toolbar} />;
}

/** The shortcut sheet's rows: the desk's table, its keys as they read. */
const SHORTCUT_ROWS = DESK_SHORTCUTS.map((shortcut) => ({
  keys: shortcut.keys.map((sequence) => sequence.map(keyLabel)),
  description: shortcut.description,
}));

/** A field of the selected claim a key asked to open, focused; `serial` makes each ask new. */
interface FieldRequest {
  claimId: string;
  field: "rationale" | "evidence";
  serial: number;
}

/** The answers to a key that needs something selected, pressed with nothing selected. */
const SELECT_CLAIM_NOTICE = "Select a claim first";
const SELECT_TEXT_NOTICE = "Select text to mark it";

/**
 * Where the focus goes to show the claim selected in the sidebar: its card's quote, or the orphan's old quote
 * (an orphan is selected like any claim: by its address, a link, a search). Null when neither is drawn.
 */
function selectedClaimFocusTarget(sidebar: HTMLElement | null): HTMLElement | null {
  return (
    sidebar?.querySelector<HTMLElement>(".claim-card--selected .claim-card__quote") ??
    sidebar?.querySelector<HTMLElement>(".orphan--selected .orphan__quote") ??
    null
  );
}

/** How far one arrow key moves the panel's edge, in CSS pixels. */
const RESIZE_STEP = 24;

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
  const { undoNotice, showNotice, dismissNotice } = useNotice();
  useUndoShortcut(undoNotice);
  // An undo offered before Edit text mode (a claim deleted, say) does not follow the reviewer into it.
  const hasUndoNotice = undoNotice !== null;
  const hasUndoNoticeRef = useRef(hasUndoNotice);
  hasUndoNoticeRef.current = hasUndoNotice;
  useEffect(() => {
    if (editing.isEditing && hasUndoNoticeRef.current) dismissNotice();
  }, [editing.isEditing, dismissNotice]);
  const editorRef = useRef<ArticleEditorHandle>(null);
  const firstScreen = useFirstScreenFirst(article.doc, !claimsQuery.isPending || editing.isEditing);
  // The page's own first screen (the preview, or the editor) takes the server's place in one frame.
  useServerFirstScreenRemoved();
  // The publishing and suggestions tabs stand apart from the claim selection's views: choosing a claim anywhere
  // leaves them.
  const [sidePanel, setSidePanel] = useState<"publishing" | "suggestions" | null>(null);
  const view = sidePanel ?? selection.view;
  // Suggestions are for those who mark claims (reviewers and up), drawn in the text only while their tab is open.
  const canSuggest = can("claim.create");
  const isSuggestionsShown = view === "suggestions" && canSuggest;
  const suggestionDesk = useSuggestionDesk(article.id, article.version, isSuggestionsShown);
  const [editorInstance, setEditorInstance] = useState<Editor | null>(null);
  const { setEditor } = editing;
  const handleEditorReady = useCallback(
    (editor: Editor | null) => {
      setEditor(editor);
      setEditorInstance(editor);
    },
    [setEditor],
  );
  useSuggestionHighlights(
    editorInstance,
    suggestionDesk.items,
    suggestionDesk.currentKey,
    isSuggestionsShown && !editing.isEditing,
    suggestionDesk.select,
  );
  useAnnouncePresence(article.id, live.connectionId, selection.selectedClaimId);
  const lookersByClaimId = useMemo(() => {
    const lookers = new Map<string, Viewer[]>();
    for (const viewer of live.others) {
      for (const claimId of viewer.claimIds) lookers.set(claimId, [...(lookers.get(claimId) ?? []), viewer]);
    }
    return lookers;
  }, [live.others]);

  const { changesByOthers } = live;
  /** What others are doing with a claim, on its card: the same function until they do something else. */
  const renderLiveStatus = useCallback(
    (claim: Claim, isSelected: boolean) => (
      <ClaimLiveStatus
        lookers={lookersByClaimId.get(claim.id) ?? NO_VIEWERS}
        // Said on the claim the reviewer has open only: elsewhere the highlight's new colour says it.
        change={isSelected ? changesByOthers.get(claim.id) : undefined}
      />
    ),
    [lookersByClaimId, changesByOthers],
  );

  // A claim chosen outside the text (sidebar, contradictions, a link) is selected and scrolled to in the text.
  const { selectClaim } = selection;
  // Asked for before its words were drawn in the editor (a "My work" link, before the editor replaced the first
  // screen's preview or drew the claims): scrolled to once they are.
  const pendingRevealRef = useRef<string | null>(null);
  /** Scrolls the text to a claim's words if the editor has drawn them; answers whether it had. */
  const scrollTextToClaim = useCallback(
    (claimId: string, scroll?: { isInstant?: boolean }) => editorRef.current?.scrollToClaim(claimId, scroll) ?? false,
    [],
  );
  /** The claim `revealClaim` chose and how to scroll to it, until the render that selects it is in the page. */
  const scrollRequestRef = useRef<{ claimId: string; scroll?: { isInstant?: boolean } } | null>(null);
  const revealClaim = useCallback(
    (claimId: string, scroll?: { isInstant?: boolean }) => {
      setSidePanel(null);
      selectClaim(claimId);
      scrollRequestRef.current = { claimId, scroll };
    },
    [selectClaim],
  );
  // The text is scrolled once the render that selects the claim is in the page (its highlight drawn as selected, its
  // card open), not in the click before it: laying the page out for the scroll then serves the frame too, where
  // scrolling first laid it out once more before those changes.
  useLayoutEffect(() => {
    const request = scrollRequestRef.current;
    if (request === null) return;
    scrollRequestRef.current = null;
    pendingRevealRef.current = scrollTextToClaim(request.claimId, request.scroll) ? null : request.claimId;
  });
  const currentSuggestion = suggestionDesk.items.find((item) => item.key === suggestionDesk.currentKey) ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: tried again whenever the editor or its claims change.
  useEffect(() => {
    const claimId = pendingRevealRef.current;
    if (firstScreen.isPreviewShown || claimId === null) return;
    if (scrollTextToClaim(claimId, { isInstant: true })) pendingRevealRef.current = null;
  }, [firstScreen.isPreviewShown, editorInstance, claims, scrollTextToClaim]);
  // Room to work: a panel as wide as the reviewer left it; below 1024 px a drawer over the text.
  const sidebarWidth = useSidebarWidth();
  const isNarrow = useIsNarrowDesk();
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  // Raised when the list is shown anew (the drawer opened, the desk narrowed or widened): the list, whose scroll
  // position the browser dropped while it was hidden, brings the selected claim's card into view again.
  const [listShownCount, setListShownCount] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of layout is the event.
  useEffect(() => setListShownCount((count) => count + 1), [isNarrow]);

  // "My work", a search result and "Checked before" link to the article with `?claim=`: open that claim once the
  // claims are in, its words scrolled to in the text and its details shown (below 1024 px, in the drawer opened).
  // Scrolled to at once, not smoothly: on Back or Forward the browser restores the page's old scroll position as the
  // text is drawn, and a smooth scroll aims at where the words were before the text above them was drawn.
  /** The claim opened by the address whose details take the focus once drawn in the open drawer (a phone's). */
  const [claimIdToFocus, setClaimIdToFocus] = useState<string | null>(null);
  // Below 1024 px the drawer opened on its details takes the focus, for keyboard and screen reader to start there.
  const openRequestedClaim = useCallback(
    (claimId: string) => {
      revealClaim(claimId, { isInstant: true });
      if (!isNarrow) return;
      setIsDrawerOpen(true);
      setClaimIdToFocus(claimId);
    },
    [revealClaim, isNarrow],
  );
  // The address names the selected claim from the frame after the selection is drawn: writing it (replaceState, and
  // the render the new address brings) waits until the reviewer sees the claim they chose.
  const [addressedClaimId, setAddressedClaimId] = useState(selection.selectedClaimId);
  useEffect(() => afterNextPaint(() => setAddressedClaimId(selection.selectedClaimId)), [selection.selectedClaimId]);
  const { missingClaimId } = useRequestedClaim(claimsQuery.data, openRequestedClaim, addressedClaimId);
  const [dismissedMissingClaimId, setDismissedMissingClaimId] = useState<string | null>(null);
  // Below 1024 px the notice that the claim asked for is not here is in the drawer: open it, so it is seen.
  useEffect(() => {
    if (missingClaimId !== null && isNarrow) setIsDrawerOpen(true);
  }, [missingClaimId, isNarrow]);
  const [isSheetOpen, setIsSheetOpen] = useState(false);
  const [fieldRequest, setFieldRequest] = useState<FieldRequest | null>(null);
  const sidebarRef = useRef<HTMLElement>(null);
  /** The claims the list's filters show (ClaimSidebar says), null before it first does. */
  const visibleClaimIdsRef = useRef<readonly string[] | null>(null);
  const drawerToggleRef = useRef<HTMLButtonElement>(null);
  // An orphan selected is the claim the keys act on too: its details show in the list of orphans.
  const selectedClaim = allClaims.find((claim) => claim.id === selection.selectedClaimId) ?? null;
  const scheduleAfterPaint = useAfterNextPaint();
  // Tried after each render until the claim's card (or orphan) is drawn: the cards come after the first screen.
  // Taken from <body> only (a reviewer who has moved on keeps their place), and without scrolling the page: the text
  // is scrolled to the claim's words already, and the drawer to its card.
  useEffect(() => {
    if (claimIdToFocus === null) return;
    if (!isDrawerOpen || selection.selectedClaimId !== claimIdToFocus) {
      setClaimIdToFocus(null);
      return;
    }
    scheduleAfterPaint(() => {
      const target = selectedClaimFocusTarget(sidebarRef.current);
      if (!target) return;
      setClaimIdToFocus(null);
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      target.focus({ preventScroll: true });
    });
  });

  // A field asked for belongs to the claim selected then: another claim opens with its fields closed.
  useEffect(() => {
    setFieldRequest((request) => (request && request.claimId !== selection.selectedClaimId ? null : request));
  }, [selection.selectedClaimId]);

  /** Shows the selected claim's details: in the drawer, opened, on a narrow window. */
  const showDetails = useCallback(() => {
    setSidePanel(null);
    if (isNarrow) setIsDrawerOpen(true);
  }, [isNarrow]);

  const openDrawer = () => {
    setIsDrawerOpen(true);
    setListShownCount((count) => count + 1);
    // Focus goes into the drawer: the selected claim, or the first thing there.
    requestAnimationFrame(() => {
      const sidebar = sidebarRef.current;
      const target =
        selectedClaimFocusTarget(sidebar) ?? sidebar?.querySelector<HTMLElement>("[role='tab'][aria-selected='true']");
      target?.focus();
    });
  };
  const closeDrawer = () => {
    setIsDrawerOpen(false);
    const active = document.activeElement;
    if (!active || active === document.body || sidebarRef.current?.contains(active)) {
      drawerToggleRef.current?.focus();
      // Once what is behind is in reach again (the effect below), back to what opened it, when not this button.
      isFocusReturnedRef.current = true;
    }
  };

  // Below 1024 px the open drawer is modal: what is behind it is inert, out of reach of Tab, pointer and screen
  // reader, until it closes. It is not an aria-modal dialog: the desk's keys work in it, and its Close button sits
  // at its foot, outside it.
  const isDrawerModal = isNarrow && isDrawerOpen;
  /** What had the focus when the drawer opened over it (a highlight in the text, say): it gets it back on close. */
  const drawerOpenerRef = useRef<HTMLElement | null>(null);
  const isFocusReturnedRef = useRef(false);
  useEffect(() => {
    if (!isDrawerModal) return;
    const active = document.activeElement;
    const isInDrawer = (element: Element | null) =>
      element !== null && (sidebarRef.current?.contains(element) || element === drawerToggleRef.current);
    drawerOpenerRef.current =
      active instanceof HTMLElement && active !== document.body && !isInDrawer(active) ? active : null;
    // Opened by something behind it (a highlight chosen): the focus follows into the drawer, unless a field there
    // has taken it meanwhile.
    if (drawerOpenerRef.current) {
      scheduleAfterPaint(() => {
        if (isInDrawer(document.activeElement)) return;
        const sidebar = sidebarRef.current;
        const target =
          selectedClaimFocusTarget(sidebar) ??
          sidebar?.querySelector<HTMLElement>("[role='tab'][aria-selected='true']");
        target?.focus({ preventScroll: true });
      });
    }
    return () => {
      const opener = drawerOpenerRef.current;
      if (!isFocusReturnedRef.current) return;
      isFocusReturnedRef.current = false;
      // After the inert attributes have gone (a layout effect's cleanup, before this one's).
      requestAnimationFrame(() => {
        if (opener?.isConnected && document.activeElement === drawerToggleRef.current)
          opener.focus({ preventScroll: true });
      });
    };
  }, [isDrawerModal, scheduleAfterPaint]);
  useInertOutside(isDrawerModal, [sidebarRef, drawerToggleRef]);

  const chooseHighlightedClaim = useCallback(
    (claimId: string) => {
      selection.chooseHighlightedClaim(claimId);
      // A highlight chosen opens its claim's details, unless it only picks the claim to link to.
      if (!selection.linkingFromClaimId) showDetails();
    },
    [selection.chooseHighlightedClaim, selection.linkingFromClaimId, showDetails],
  );

  const refuseReadOnly = () => showNotice({ message: READ_ONLY_NOTICE, tone: "info" });
  /** j/k: the next or previous claim the list's filters show (all of them until the list says otherwise). */
  const stepClaim = (step: 1 | -1) => {
    const ids = visibleClaimIdsRef.current ?? claims.map((claim) => claim.id);
    if (ids.length === 0) return false;
    const at = selection.selectedClaimId === null ? -1 : ids.indexOf(selection.selectedClaimId);
    const next = at === -1 ? (step === 1 ? 0 : ids.length - 1) : Math.max(0, Math.min(ids.length - 1, at + step));
    revealClaim(ids[next] as string);
  };
  /** A key that acts on the selected claim, pressed with none selected, is answered rather than ignored. */
  const askForClaim = () => showNotice({ message: SELECT_CLAIM_NOTICE, tone: "info" });
  const askForField = (field: FieldRequest["field"], action: "claim.edit" | "evidence.create") => {
    if (!can(action)) return refuseReadOnly();
    if (!selectedClaim) return askForClaim();
    showDetails();
    selection.selectClaim(selectedClaim.id);
    setFieldRequest((request) => ({ claimId: selectedClaim.id, field, serial: (request?.serial ?? 0) + 1 }));
  };
  useDeskShortcuts({
    showShortcuts: () => setIsSheetOpen(true),
    goToText: () => {
      if (isNarrow) setIsDrawerOpen(false);
      editorRef.current?.focusText(selection.selectedClaimId);
    },
    nextClaim: () => (isSuggestionsShown ? suggestionDesk.step(1) : stepClaim(1)),
    previousClaim: () => (isSuggestionsShown ? suggestionDesk.step(-1) : stepClaim(-1)),
    acceptSuggestion: () => {
      if (!isSuggestionsShown || !currentSuggestion || suggestionDesk.busyKey !== null) return false;
      void suggestionDesk.accept(currentSuggestion);
    },
    dismissSuggestion: () => {
      if (!isSuggestionsShown || !currentSuggestion || suggestionDesk.busyKey !== null) return false;
      void suggestionDesk.dismiss(currentSuggestion);
    },
    openClaim: () => {
      if (!selectedClaim) return false;
      setSidePanel(null);
      selection.selectClaim(selectedClaim.id);
      openDrawer();
    },
    linkClaim: () => {
      if (!can("link.create")) return refuseReadOnly();
      if (!selectedClaim) return askForClaim();
      showDetails();
      selection.selectClaim(selectedClaim.id);
      selection.startLinking(selectedClaim.id);
    },
    editRationale: () => askForField("rationale", "claim.edit"),
    addEvidence: () => askForField("evidence", "evidence.create"),
    "verdict:supported": () => setSelectedVerdict("supported"),
    "verdict:contradicted": () => setSelectedVerdict("contradicted"),
    "verdict:unverified": () => setSelectedVerdict("unverified"),
    stepBack: () => {
      if (selection.linkingFromClaimId) return selection.stopLinking();
      if (isNarrow && isDrawerOpen) return closeDrawer();
      if (!selection.selectedClaimId) return false;
      const wasInSidebar = sidebarRef.current?.contains(document.activeElement);
      selection.clearSelection();
      if (wasInSidebar) editorRef.current?.focusText(null);
    },
  });
  function setSelectedVerdict(verdict: Claim["verdict"]) {
    if (!selectedClaim) {
      // In the article text the key is the editor's to mark with (AnnotationMode, which answers a viewer there
      // itself); elsewhere, with nothing selected at all, it is answered.
      if (document.activeElement?.closest(".article-text") || window.getSelection()?.isCollapsed === false) {
        return false;
      }
      if (!can("claim.create")) return refuseReadOnly();
      return showNotice({ message: SELECT_TEXT_NOTICE, tone: "info" });
    }
    if (!can("claim.edit")) return refuseReadOnly();
    if (selectedClaim.verdict !== verdict) changeVerdict(selectedClaim, verdict);
  }

  /** Drags or arrows the panel's left edge: wider to the left. */
  const handleResizePointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const startX = event.clientX;
    const startWidth = sidebarWidth.width;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const handleMove = (move: PointerEvent) => sidebarWidth.setWidth(startWidth + (startX - move.clientX));
    const handleUp = () => {
      handle.removeEventListener("pointermove", handleMove);
      handle.removeEventListener("pointerup", handleUp);
    };
    handle.addEventListener("pointermove", handleMove);
    handle.addEventListener("pointerup", handleUp);
  };
  const handleResizeKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const widths: Record<string, number> = {
      ArrowLeft: sidebarWidth.width + RESIZE_STEP,
      ArrowRight: sidebarWidth.width - RESIZE_STEP,
      // As a separator's value (its aria-valuenow, the panel's width) goes: Home the least, End the most.
      Home: SIDEBAR_WIDTH.min,
      End: SIDEBAR_WIDTH.max,
    };
    const width = widths[event.key];
    if (width === undefined) return;
    event.preventDefault();
    sidebarWidth.setWidth(width);
  };

  /** What a selected claim shows beneath it: in the list's card, or in the list of orphans for an orphan. */
  const renderClaimDetails = (claim: Claim) => (
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
      rationaleRequest={
        fieldRequest?.claimId === claim.id && fieldRequest.field === "rationale" ? fieldRequest.serial : 0
      }
      evidenceRequest={
        fieldRequest?.claimId === claim.id && fieldRequest.field === "evidence" ? fieldRequest.serial : 0
      }
    />
  );

  return (
    <div
      className={`workspace${isNarrow ? " workspace--narrow" : ""}${isDrawerOpen ? " workspace--drawer-open" : ""}`}
      style={{ "--sidebar-width": `${sidebarWidth.width}px` } as CSSProperties}
    >
      <section className="workspace__text" aria-label="Article">
        <div className="workspace__tools">
          {can("article.edit") && (
            <EditBar
              isEditing={editing.isEditing}
              isSaving={editing.isSaving}
              status={editing.status}
              orphanCount={orphans.length}
              onStart={editing.startEditing}
              onSave={editing.saveEdits}
              onCancel={editing.cancelEditing}
            />
          )}
          {!can("claim.create") && <p className="workspace__read-only">{READ_ONLY_NOTICE}</p>}
          <button
            type="button"
            className="button button--quiet"
            aria-keyshortcuts="?"
            onClick={() => setIsSheetOpen(true)}
          >
            Shortcuts <kbd>?</kbd>
          </button>
        </div>
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
            onEditorReady={handleEditorReady}
            onSelectionChange={selection.selectText}
            canMark={can("claim.create")}
            claims={claims}
            selectedClaimId={selection.selectedClaimId}
            emphasisedClaimIds={selection.emphasisedClaimIds}
            onSelectClaim={chooseHighlightedClaim}
            onMarkClaim={markClaim}
            renderSelectionToolbar={renderVerdictToolbar}
          />
        )}
      </section>
      {/* biome-ignore lint/a11y/useSemanticElements: a draggable edge, with the keys of a window splitter */}
      <div
        className="workspace__resize"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the claims panel"
        aria-controls="claim-sidebar"
        aria-valuemin={SIDEBAR_WIDTH.min}
        aria-valuemax={SIDEBAR_WIDTH.max}
        aria-valuenow={sidebarWidth.width}
        tabIndex={0}
        onPointerDown={handleResizePointerDown}
        onKeyDown={handleResizeKeyDown}
      />
      <button
        ref={drawerToggleRef}
        type="button"
        className="button button--primary workspace__drawer-toggle"
        aria-expanded={isDrawerOpen}
        aria-controls="claim-sidebar"
        onClick={() => (isDrawerOpen ? closeDrawer() : openDrawer())}
      >
        {isDrawerOpen ? "Close claims" : `Claims (${claims.length})`}
      </button>
      <aside
        ref={sidebarRef}
        id="claim-sidebar"
        className="claim-sidebar"
        aria-label="Claims and contradictions"
        onKeyDown={(event) => {
          // Escape from anywhere in the open drawer closes it (after whatever inside took its own Escape).
          if (event.key === "Escape" && isNarrow && isDrawerOpen && !event.defaultPrevented) {
            event.stopPropagation();
            if (selection.linkingFromClaimId) selection.stopLinking();
            else closeDrawer();
          }
        }}
      >
        <div className="sidebar-tabs" role="tablist" aria-label="Sidebar">
          <button
            type="button"
            role="tab"
            id="tab-claims"
            aria-selected={view === "claims"}
            aria-controls="panel-claims"
            onClick={() => {
              setSidePanel(null);
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
              setSidePanel(null);
              selection.showView("contradictions");
            }}
          >
            Contradictions{" "}
            <span className="filter-chip__count">{links.filter((link) => link.kind === "contradicts").length}</span>
          </button>
          {canSuggest && (
            <button
              type="button"
              role="tab"
              id="tab-suggestions"
              aria-selected={view === "suggestions"}
              aria-controls="panel-suggestions"
              onClick={() => setSidePanel("suggestions")}
            >
              Suggestions
              {suggestionDesk.query.isCurrent && (
                <>
                  {" "}
                  <span className="filter-chip__count">
                    {suggestionDesk.totals.claim + suggestionDesk.totals.contradiction}
                  </span>
                </>
              )}
            </button>
          )}
          <button
            type="button"
            role="tab"
            id="tab-publishing"
            aria-selected={view === "publishing"}
            aria-controls="panel-publishing"
            onClick={() => setSidePanel("publishing")}
          >
            Publish
          </button>
        </div>
        {isSuggestionsShown ? (
          <div role="tabpanel" id="panel-suggestions" aria-labelledby="tab-suggestions">
            <SuggestionsPanel desk={suggestionDesk} onSelectClaim={revealClaim} />
          </div>
        ) : view === "publishing" ? (
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
                    message="The claim you opened is not in this article (it may have been deleted)."
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
                  links={links}
                  claims={allClaims}
                  selectedClaimId={selection.selectedClaimId}
                  renderDetails={renderClaimDetails}
                />
                <ClaimSidebar
                  claims={claims}
                  selectedClaimId={selection.selectedClaimId}
                  revealRequest={selection.selectRequest + listShownCount}
                  emphasisedClaimIds={selection.emphasisedClaimIds}
                  onSelect={(claim) => revealClaim(claim.id)}
                  onVisibleChange={(ids) => {
                    visibleClaimIdsRef.current = ids;
                  }}
                  onHover={(claim) => selection.hoverClaim(claim?.id ?? null)}
                  onVerdictChange={changeVerdict}
                  onDelete={deleteClaim}
                  canEdit={can("claim.edit")}
                  canDelete={can("claim.delete")}
                  speakersManager={can("claim.edit") ? <SpeakersManager articleId={article.id} /> : undefined}
                  renderLiveStatus={renderLiveStatus}
                  renderDetails={renderClaimDetails}
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
      {isSheetOpen && <ShortcutSheet rows={SHORTCUT_ROWS} onClose={() => setIsSheetOpen(false)} />}
    </div>
  );
}
