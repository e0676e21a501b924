import { type Claim, type ClaimStatus, emptyVerdictCounts, UNNAMED_SPEAKER, type Verdict } from "@factmark/core";
import {
  type KeyboardEvent,
  memo,
  type ReactNode,
  type Ref,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { focusFirstFound, useAfterNextPaint } from "../../../lib/afterNextPaint";
import { useCurrentUser } from "../../auth/hooks/useCurrentUser";
import { findClaimQuote } from "../findClaimQuote";
import { ClaimCard } from "./ClaimCard";
import { ClaimWorkflowFilters, matchesAssigneeFilter } from "./ClaimWorkflowFilters";
import { VerdictFilter } from "./VerdictFilter";

/** The speaker filter's value for claims attributed to no one. */
export const UNATTRIBUTED = "\u0000unattributed";

export interface ClaimSidebarProps {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  /**
   * Raised (a new number) each time the selected claim is asked for again — chosen anew in the text or the list, or
   * the sidebar shown again (a phone's drawer opened): its card is brought into view even if the selection is the same.
   */
  revealRequest?: number;
  emphasisedClaimIds?: ReadonlySet<string>;
  onSelect: (claim: Claim) => void;
  onHover?: (claim: Claim | null) => void;
  onVerdictChange: (claim: Claim, verdict: Verdict) => void;
  onDelete: (claim: Claim) => void;
  canEdit?: boolean;
  canDelete?: boolean;
  /** The details shown under the selected claim. */
  renderDetails?: (claim: Claim) => ReactNode;
  /**
   * What others are doing with a claim now, shown on its card; told whether the claim is the one selected. Called
   * again for a card only when this function, the claim or its selection changes: keep it stable (useCallback).
   */
  renderLiveStatus?: (claim: Claim, isSelected: boolean) => ReactNode;
  /**
   * Told the ids of the claims the filters show, in document order, whenever they change (j/k step along these,
   * never to a hidden claim).
   */
  onVisibleChange?: (visibleIds: readonly string[]) => void;
  /** Renames and merges the article's speakers, folded under the speaker filter (reviewers and up). */
  speakersManager?: ReactNode;
}

const NO_IDS: ReadonlySet<string> = new Set();

/** Up to this many cards are all rendered; past it, only those near the sidebar's view (2,000 cards take ~1 s to lay out). */
export const WINDOWING_THRESHOLD = 100;
/** A card's height before it has been measured, and how far beyond the view cards are rendered (for Tab to reach the next). */
const ESTIMATED_CARD_HEIGHT = 110;
const OVERSCAN_PX = 800;
/** How many times bringing a card into view may scroll again as the cards on the way are measured. */
const MAX_REVEAL_SCROLLS = 10;
/** Events on the sidebar that only a reviewer scrolling it makes (pointerdown counts on the sidebar itself: its scroll bar). */
const REVIEWER_SCROLL_EVENTS = ["wheel", "touchstart", "pointerdown"] as const;

interface ListWindow {
  start: number;
  end: number;
  paddingTop: number;
  paddingBottom: number;
  /**
   * The selected card when it is outside the window: drawn anyway, at its place, with a spacer standing for the cards
   * between it and the window (CSS pixels, its row gaps taken off), so focus in it, or a rationale being written in its
   * details, is never dropped by a scroll of the list.
   */
  pinned?: { index: number; isBefore: boolean; spacer: number };
}

/**
 * The nearest ancestor that scrolls vertically (the sidebar), with its computed style (a live object: its
 * scroll-padding says how much of the top and bottom of its view something sticky or fixed covers). Walks up with
 * getComputedStyle: ask once, keep it.
 */
function findScrollParent(element: HTMLElement): { element: HTMLElement; style: CSSStyleDeclaration } | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const style = getComputedStyle(parent);
    if (style.overflowY === "auto" || style.overflowY === "scroll") return { element: parent, style };
  }
  return null;
}

/** A scroll-padding length in CSS pixels ("auto" is none). */
function scrollPadding(value: string): number {
  return Number.parseFloat(value) || 0;
}

/**
 * How far to scroll (CSS pixels, negative up) so the span from `top` to `bottom` shows between `viewTop` and
 * `viewBottom`, all in one coordinate space: wholly when it fits, else from its top, so a card taller than the view
 * shows its heading and quote. 0 when it is there already.
 */
export function scrollToShow(top: number, bottom: number, viewTop: number, viewBottom: number): number {
  if (top < viewTop) return top - viewTop;
  if (bottom > viewBottom) return Math.min(bottom - viewBottom, top - viewTop);
  return 0;
}

/** A card's height in CSS pixels as the observer saw it (its border box), without asking for layout. */
function observedHeight(entry: ResizeObserverEntry): number {
  return entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
}

/**
 * Which of `ids` to render so the list looks whole from its scroll container: the ones in and near the
 * view, with padding standing in for the others at their measured (or estimated) heights. `isActive`
 * false renders them all. `revealId` (the selected card, drawn even outside the window: ListWindow.pinned), when it
 * changes to a card's id or `revealRequest` changes (the same card asked for again, the list shown anew or filtered),
 * scrolls the container alone (never the page) until that card is wholly in its view below anything that covers the
 * view's edges (the container's scroll-padding), or from its top when taller than the view, even if the card is not
 * rendered yet; once, so the reviewer's scrolling afterwards is left alone.
 *
 * A card's height is learnt from a ResizeObserver, told after the browser's own layout and only for the cards
 * whose size changed (a card drawn for the first time, one opened on its details, one whose details finished
 * loading): nothing here reads layout while rendering, and a render that changes no card's size measures none.
 * Without ResizeObserver (jsdom) the cards keep the estimate.
 */
function useListWindow(
  listRef: RefObject<HTMLOListElement | null>,
  ids: readonly string[],
  isActive: boolean,
  revealId: string | null,
  revealRequest: string,
): ListWindow {
  const heights = useRef(new Map<string, number>());
  const [view, setView] = useState({ top: 0, bottom: 0 });
  const [measured, setMeasured] = useState(0);
  const gapRef = useRef(0);
  /** The sidebar, found once per list element (finding it walks up the tree with getComputedStyle). */
  const scrollerRef = useRef<{ list: HTMLElement; found: ReturnType<typeof findScrollParent> } | null>(null);
  const findScroller = useCallback(() => {
    const list = listRef.current;
    if (!list) return null;
    if (scrollerRef.current?.list !== list) scrollerRef.current = { list, found: findScrollParent(list) };
    return scrollerRef.current.found;
  }, [listRef]);
  const getScroller = useCallback(() => findScroller()?.element ?? null, [findScroller]);

  const offsets = useMemo(() => {
    // Offsets of each card's top in the list, and the list's full height, at the heights known now.
    // The estimate stays fixed: were it an average of the cards measured so far, every measurement would
    // move all the cards after them, and the ones in view with them.
    void measured;
    const gap = gapRef.current;
    const tops = new Float64Array(ids.length + 1);
    for (let index = 0; index < ids.length; index++) {
      tops[index + 1] =
        (tops[index] as number) + (heights.current.get(ids[index] as string) ?? ESTIMATED_CARD_HEIGHT) + gap;
    }
    return tops;
  }, [ids, measured]);

  /**
   * The card last asked to be brought into view (see below), how many scrolls it has taken, and whether that is over:
   * a reveal that is over stays over until another card is asked for, or the reviewer's scrolling would bring it back.
   */
  const revealRef = useRef({ id: null as string | null, request: "", tries: 0, isOver: true });

  const readView = useCallback(() => {
    const list = listRef.current;
    const scroller = getScroller();
    if (!list || !scroller) return;
    const listTop = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    const top = scroller.scrollTop - listTop;
    setView((previous) =>
      previous.top === top && previous.bottom === top + scroller.clientHeight
        ? previous
        : { top, bottom: top + scroller.clientHeight },
    );
  }, [listRef, getScroller]);

  useLayoutEffect(() => {
    if (!isActive) return;
    const list = listRef.current;
    const scroller = getScroller();
    if (!list || !scroller) return;
    gapRef.current = Number.parseFloat(getComputedStyle(list).rowGap) || 0;
    readView();
    let frame = 0;
    const handleScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(readView);
    };
    // The reviewer's own scroll (a wheel, a touch, the scroll bar) ends a reveal still under way: where the list goes
    // from there is theirs.
    const handleReviewerScroll = (event: Event) => {
      if (event.type !== "pointerdown" || event.target === scroller) revealRef.current.isOver = true;
    };
    scroller.addEventListener("scroll", handleScroll, { passive: true });
    for (const type of REVIEWER_SCROLL_EVENTS) scroller.addEventListener(type, handleReviewerScroll, { passive: true });
    window.addEventListener("resize", handleScroll);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener("scroll", handleScroll);
      for (const type of REVIEWER_SCROLL_EVENTS) scroller.removeEventListener(type, handleReviewerScroll);
      window.removeEventListener("resize", handleScroll);
    };
  }, [isActive, listRef, readView, getScroller]);

  // Bring the card into the view: when it is drawn, by where the browser has it; when not (End, Home, a far jump in
  // a long list), scroll to where it will be, then render it there. The cards on the way may prove taller or shorter
  // than estimated as they are drawn and measured, which moves it: it is followed until it is in the view at its
  // measured height. Once per request (another card, or `revealRequest` raised): scrolling away from it afterwards is
  // the reviewer's choice, and their wheel, touch or scroll bar ends a reveal still under way. Only the sidebar scrolls: scrollIntoView would scroll the page too, and with "nearest" line up the foot
  // of a card taller than the view whose top is above it, leaving its heading and quote hidden.
  useLayoutEffect(() => {
    void view;
    void offsets;
    if (revealRef.current.id !== revealId || revealRef.current.request !== revealRequest) {
      revealRef.current = { id: revealId, request: revealRequest, tries: 0, isOver: revealId === null };
    }
    const reveal = revealRef.current;
    if (reveal.id === null || reveal.isOver) return;
    const list = listRef.current;
    const found = findScroller();
    if (!list || !found) return;
    const { element: scroller, style } = found;
    const coveredTop = scrollPadding(style.scrollPaddingTop);
    const coveredBottom = scrollPadding(style.scrollPaddingBottom);
    let card: HTMLElement | null = null;
    for (const element of list.children) {
      if ((element as HTMLElement).dataset.claimId === reveal.id) card = element as HTMLElement;
    }
    let delta: number;
    if (card) {
      const box = scroller.getBoundingClientRect();
      const viewTop = box.top + scroller.clientTop;
      const { top, bottom } = card.getBoundingClientRect();
      delta = scrollToShow(top, bottom, viewTop + coveredTop, viewTop + scroller.clientHeight - coveredBottom);
    } else {
      const index = isActive ? ids.indexOf(reveal.id) : -1;
      if (index === -1) {
        reveal.isOver = true;
        return;
      }
      // Where the list is now, read from the layout: a list shown again (a phone's drawer) may not be where `view`
      // last saw it.
      const listTop = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      const viewTop = scroller.scrollTop - listTop;
      delta = scrollToShow(
        offsets[index] as number,
        (offsets[index + 1] as number) - gapRef.current,
        viewTop + coveredTop,
        viewTop + scroller.clientHeight - coveredBottom,
      );
    }
    // There already: nothing to lay out. Done once it is drawn at its own height (in a short list, at once), or
    // after a few corrections (heights that keep changing must not scroll the list for ever).
    if (Math.abs(delta) < 1) {
      if (card && (!isActive || heights.current.has(reveal.id) || typeof ResizeObserver === "undefined")) {
        reveal.isOver = true;
      }
      return;
    }
    if (reveal.tries >= MAX_REVEAL_SCROLLS) {
      reveal.isOver = true;
      return;
    }
    reveal.tries += 1;
    const scrolledFrom = scroller.scrollTop;
    scroller.scrollTop = scrolledFrom + delta;
    // At an end of the list, or less than a device pixel away: scrolling cannot bring the card closer. Left pending,
    // the reveal would pull the list back to the card the next time the reviewer scrolled it elsewhere.
    if (card && Math.abs(scroller.scrollTop - scrolledFrom) < 1) {
      reveal.isOver = true;
      return;
    }
    if (isActive) readView();
  }, [isActive, revealId, revealRequest, ids, offsets, view, listRef, findScroller, readView]);

  const rendered = useMemo((): ListWindow => {
    if (!isActive) return { start: 0, end: ids.length, paddingTop: 0, paddingBottom: 0 };
    const from = view.top - OVERSCAN_PX;
    const to = view.bottom + OVERSCAN_PX;
    let start = 0;
    let low = 0;
    let high = ids.length;
    // The first card whose bottom is below `from`.
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((offsets[middle + 1] as number) < from) low = middle + 1;
      else high = middle;
    }
    start = low;
    let end = start;
    while (end < ids.length && (offsets[end] as number) < to) end++;
    const total = offsets[ids.length] as number;
    const at = (index: number) => offsets[index] as number;
    const pinnedIndex = revealId === null ? -1 : ids.indexOf(revealId);
    if (pinnedIndex !== -1 && pinnedIndex === start - 1) start = pinnedIndex;
    if (pinnedIndex !== -1 && pinnedIndex === end) end = pinnedIndex + 1;
    const gap = gapRef.current;
    if (pinnedIndex !== -1 && pinnedIndex < start) {
      return {
        start,
        end,
        paddingTop: at(pinnedIndex),
        paddingBottom: Math.max(0, total - at(end)),
        pinned: { index: pinnedIndex, isBefore: true, spacer: Math.max(0, at(start) - at(pinnedIndex + 1) - gap) },
      };
    }
    if (pinnedIndex !== -1 && pinnedIndex >= end) {
      return {
        start,
        end,
        paddingTop: at(start),
        paddingBottom: Math.max(0, total - at(pinnedIndex + 1)),
        pinned: { index: pinnedIndex, isBefore: false, spacer: Math.max(0, at(pinnedIndex) - at(end) - gap) },
      };
    }
    return { start, end, paddingTop: at(start), paddingBottom: Math.max(0, total - at(end)) };
  }, [isActive, ids, offsets, view, revealId]);

  // Learn the heights of the cards rendered as the browser lays them out; redraw the padding when they differ
  // from what was assumed. A card that leaves the list is no longer observed (its last height is kept).
  const observerRef = useRef<ResizeObserver | null>(null);
  const observedRef = useRef(new Set<Element>());
  /** Observes the cards drawn since the last call and lets go of those gone: no layout read (the observer says). */
  const observeCards = useCallback(() => {
    const list = listRef.current;
    const observer = observerRef.current;
    if (!list || !observer) return;
    const observed = observedRef.current;
    for (const element of observed) {
      if (element.parentNode !== list) {
        observer.unobserve(element);
        observed.delete(element);
      }
    }
    for (const element of list.children) {
      if (!observed.has(element) && (element as HTMLElement).dataset.claimId) {
        observer.observe(element);
        observed.add(element);
      }
    }
  }, [listRef]);
  useLayoutEffect(() => {
    if (!isActive || typeof ResizeObserver === "undefined") return;
    const observed = observedRef.current;
    const observer = new ResizeObserver((entries) => {
      let hasChanged = false;
      for (const entry of entries) {
        const element = entry.target as HTMLElement;
        const id = element.dataset.claimId;
        // A card taken out of the list measures 0: its height is the one it had.
        if (!element.isConnected || !id) continue;
        const height = observedHeight(entry);
        if (Math.abs((heights.current.get(id) ?? -1) - height) > 0.5) {
          heights.current.set(id, height);
          hasChanged = true;
        }
      }
      if (hasChanged) setMeasured((count) => count + 1);
    });
    observerRef.current = observer;
    observeCards();
    return () => {
      observer.disconnect();
      observed.clear();
      observerRef.current = null;
    };
  }, [isActive, observeCards]);
  useLayoutEffect(observeCards);

  return rendered;
}

/** What every card of the list is handed, the same functions from render to render (see useStableHandlers). */
interface CardHandlers {
  onSelect: (claim: Claim) => void;
  onHover: ((claim: Claim | null) => void) | undefined;
  onVerdictChange: (claim: Claim, verdict: Verdict) => void;
  onDelete: (claim: Claim) => void;
}

interface ClaimListItemProps {
  claim: Claim;
  /** Where the card is in the whole filtered list, when only some cards are rendered. */
  index: number | null;
  total: number;
  isSelected: boolean;
  isEmphasised: boolean;
  isTabStop: boolean;
  canEdit: boolean;
  canDelete: boolean;
  handlers: CardHandlers;
  renderLiveStatus: ClaimSidebarProps["renderLiveStatus"];
  /** Given to the selected card only: the others do not render again when the details change. */
  renderDetails: ClaimSidebarProps["renderDetails"] | undefined;
  ref?: Ref<HTMLLIElement>;
}

/**
 * One card of the list, rendered again only when what it shows changes: its claim, its selection, emphasis or
 * Tab stop, its place, or the live status or details it is given. Selecting a claim renders two cards.
 */
const ClaimListItem = memo(function ClaimListItem({
  claim,
  index,
  total,
  isSelected,
  isEmphasised,
  isTabStop,
  canEdit,
  canDelete,
  handlers,
  renderLiveStatus,
  renderDetails,
  ref,
}: ClaimListItemProps) {
  return (
    <ClaimCard
      ref={ref}
      position={index === null ? undefined : { index, total }}
      claim={claim}
      isSelected={isSelected}
      isEmphasised={isEmphasised}
      onSelect={handlers.onSelect}
      onHover={handlers.onHover}
      onVerdictChange={handlers.onVerdictChange}
      onDelete={handlers.onDelete}
      canEdit={canEdit}
      canDelete={canDelete}
      liveStatus={renderLiveStatus?.(claim, isSelected)}
      isTabStop={isTabStop}
    >
      {isSelected && renderDetails?.(claim)}
    </ClaimCard>
  );
});

/**
 * The claims of the article in document order, with counts per verdict and filters by verdict, speaker, status
 * and assignee.
 */
export function ClaimSidebar({
  claims,
  selectedClaimId,
  revealRequest = 0,
  emphasisedClaimIds = NO_IDS,
  onSelect,
  onHover,
  onVerdictChange,
  onDelete,
  renderDetails,
  renderLiveStatus,
  speakersManager,
  onVisibleChange,
  canEdit = true,
  canDelete = true,
}: ClaimSidebarProps) {
  const speakerFilterId = useId();
  const [verdictFilter, setVerdictFilter] = useState<Verdict | null>(null);
  const [speakerFilter, setSpeakerFilter] = useState<string | null>(null);
  const [statusFilter, setStatusFilter] = useState<ClaimStatus | null>(null);
  const [assigneeFilter, setAssigneeFilter] = useState<string | null>(null);
  const myId = useCurrentUser().user?.id ?? null;
  const counts = useMemo(() => {
    const result = emptyVerdictCounts();
    for (const claim of claims) result[claim.verdict] += 1;
    return result;
  }, [claims]);
  const speakers = useMemo(
    () =>
      [...new Set(claims.flatMap((claim) => (claim.speaker ? [claim.speaker] : [])))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [claims],
  );
  const visible = useMemo(
    () =>
      claims.filter(
        (claim) =>
          (verdictFilter === null || claim.verdict === verdictFilter) &&
          (speakerFilter === null || (claim.speaker ?? UNATTRIBUTED) === speakerFilter) &&
          (statusFilter === null || claim.status === statusFilter) &&
          matchesAssigneeFilter(claim, assigneeFilter, myId),
      ),
    [claims, verdictFilter, speakerFilter, statusFilter, assigneeFilter, myId],
  );
  const selectedRef = useRef<HTMLLIElement>(null);
  const hintId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const isWindowed = visible.length > WINDOWING_THRESHOLD;
  const visibleIds = useMemo(() => visible.map((claim) => claim.id), [visible]);
  const onVisibleChangeRef = useRef(onVisibleChange);
  onVisibleChangeRef.current = onVisibleChange;
  useEffect(() => onVisibleChangeRef.current?.(visibleIds), [visibleIds]);
  const selectedIndex = selectedClaimId === null ? -1 : visibleIds.indexOf(selectedClaimId);
  const listWindow = useListWindow(
    listRef,
    visibleIds,
    isWindowed,
    selectedIndex === -1 ? null : selectedClaimId,
    // A filter changed is the list shown anew too: the selected card, when the filters keep it, is brought into view.
    `${revealRequest} ${verdictFilter} ${speakerFilter} ${statusFilter} ${assigneeFilter}`,
  );

  useEffect(() => {
    if (!selectedClaimId) return;
    // Focus in the list follows the selection (arrows, j/k): the selected card is the list's Tab stop now.
    const list = listRef.current;
    if (list?.contains(document.activeElement) && document.activeElement?.classList.contains("claim-card__quote")) {
      selectedRef.current?.querySelector<HTMLElement>(".claim-card__quote")?.focus({ preventScroll: true });
    }
  }, [selectedClaimId]);
  // A key in the list that selects a card not drawn yet (End, Home in a long list): focus goes to it once drawn, and
  // back to it should the card be drawn anew while the list scrolls to it (a card taken out of the window takes the
  // focus with it, to the body). Focus the reviewer moved elsewhere is left there.
  const focusWhenDrawnRef = useRef<string | null>(null);
  useLayoutEffect(() => {
    const claimId = focusWhenDrawnRef.current;
    if (claimId === null) return;
    if (claimId !== selectedClaimId) {
      focusWhenDrawnRef.current = null;
      return;
    }
    const quote = selectedRef.current?.querySelector<HTMLElement>(".claim-card__quote");
    if (!quote) return;
    const active = document.activeElement;
    if (active === quote) return;
    if (active && active !== document.body && !listRef.current?.contains(active)) {
      focusWhenDrawnRef.current = null;
      return;
    }
    quote.focus({ preventScroll: true });
  });

  /** Deletes `claim`; focus, which its Delete button took away with it, goes to the next claim, the previous, or the list. */
  function deleteAndRefocus(claim: Claim) {
    const at = visibleIds.indexOf(claim.id);
    refocusAfterDeleteRef.current = { deletedId: claim.id, nextId: visibleIds[at + 1] ?? visibleIds[at - 1] ?? null };
    onDelete(claim);
  }
  // The cards are handed the same functions every render, which call the latest props: a card renders again only
  // when what it shows changes, not when the page above makes its callbacks anew.
  const latestRef = useRef({ onSelect, onHover, onVerdictChange, deleteAndRefocus });
  latestRef.current = { onSelect, onHover, onVerdictChange, deleteAndRefocus };
  const hasHover = onHover !== undefined;
  const handlers = useMemo(
    (): CardHandlers => ({
      onSelect: (claim) => latestRef.current.onSelect(claim),
      onHover: hasHover ? (claim) => latestRef.current.onHover?.(claim) : undefined,
      onVerdictChange: (claim, verdict) => latestRef.current.onVerdictChange(claim, verdict),
      onDelete: (claim) => latestRef.current.deleteAndRefocus(claim),
    }),
    [hasHover],
  );
  // Once the deleted claim's card is gone (at once, or when the server agrees), and focus with it.
  const refocusAfterDeleteRef = useRef<{ deletedId: string; nextId: string | null } | null>(null);
  const schedule = useAfterNextPaint();
  useEffect(() => {
    const pending = refocusAfterDeleteRef.current;
    if (!pending || visibleIds.includes(pending.deletedId)) return;
    refocusAfterDeleteRef.current = null;
    const { nextId } = pending;
    schedule(() => focusFirstFound([() => (nextId ? findClaimQuote(nextId) : null), () => listRef.current]));
  }, [visibleIds, schedule]);

  // The list is one Tab stop: the selected card, or the first. Arrows move the selection (and focus) along it.
  const tabStopId = selectedIndex === -1 ? (visibleIds[0] ?? null) : selectedClaimId;
  function handleListKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const target = event.target as HTMLElement;
    if (!target.classList.contains("claim-card__quote")) return;
    const at = visibleIds.indexOf(target.closest<HTMLElement>("[data-claim-id]")?.dataset.claimId ?? "");
    const moves: Record<string, number> = {
      ArrowDown: Math.min(visibleIds.length - 1, at + 1),
      ArrowUp: Math.max(0, at - 1),
      Home: 0,
      End: visibleIds.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined || at === -1) return;
    event.preventDefault();
    const claim = visible[next];
    if (!claim || claim.id === selectedClaimId) return;
    focusWhenDrawnRef.current = claim.id;
    onSelect(claim);
  }

  // The cards drawn, as one keyed list, with the selected card at its place when it is outside the window (see
  // ListWindow.pinned): one list, so the card keeps its state (a rationale being written) as it leaves the window.
  const itemOf = (claim: Claim, index: number) => (
    <ClaimListItem
      key={claim.id}
      index={isWindowed ? index : null}
      total={isWindowed ? visible.length : 0}
      ref={claim.id === selectedClaimId ? selectedRef : undefined}
      claim={claim}
      isSelected={claim.id === selectedClaimId}
      isEmphasised={emphasisedClaimIds.has(claim.id)}
      handlers={handlers}
      canEdit={canEdit}
      canDelete={canDelete}
      renderLiveStatus={renderLiveStatus}
      renderDetails={claim.id === selectedClaimId ? renderDetails : undefined}
      isTabStop={claim.id === tabStopId}
    />
  );
  const listItems = visible
    .slice(listWindow.start, listWindow.end)
    .map((claim, offset) => itemOf(claim, listWindow.start + offset));
  const { pinned } = listWindow;
  const pinnedClaim = pinned ? visible[pinned.index] : undefined;
  if (pinned && pinnedClaim) {
    const spacer = (
      <li
        key={pinned.isBefore ? "spacer-before" : "spacer-after"}
        className="claim-list__spacer"
        aria-hidden="true"
        style={{ height: pinned.spacer }}
      />
    );
    const card = itemOf(pinnedClaim, pinned.index);
    if (pinned.isBefore) listItems.unshift(card, spacer);
    else listItems.push(spacer, card);
  }

  return (
    <div className="claim-sidebar__claims">
      <VerdictFilter counts={counts} total={claims.length} value={verdictFilter} onChange={setVerdictFilter} />
      {(speakers.length > 0 || speakerFilter !== null) && (
        <div className="speaker-filter">
          <label htmlFor={speakerFilterId}>Speaker</label>
          <select
            id={speakerFilterId}
            value={speakerFilter ?? ""}
            onChange={(event) => setSpeakerFilter(event.target.value === "" ? null : event.target.value)}
          >
            <option value="">All speakers</option>
            {speakers.map((speaker) => (
              <option key={speaker} value={speaker}>
                {speaker}
              </option>
            ))}
            <option value={UNATTRIBUTED}>{UNNAMED_SPEAKER}</option>
          </select>
        </div>
      )}
      {speakers.length > 0 && speakersManager && (
        <details className="speakers-manager-details">
          <summary>Rename or merge speakers</summary>
          {speakersManager}
        </details>
      )}
      {(claims.length > 0 || statusFilter !== null || assigneeFilter !== null) && (
        <ClaimWorkflowFilters
          claims={claims}
          myId={myId}
          status={statusFilter}
          assignee={assigneeFilter}
          onStatusChange={setStatusFilter}
          onAssigneeChange={setAssigneeFilter}
        />
      )}
      {claims.length === 0 && !canEdit ? (
        <p className="empty-state">No claims yet.</p>
      ) : claims.length === 0 ? (
        <p className="empty-state">
          No claims yet. Select a sentence in the article, then press <kbd>S</kbd> (supported), <kbd>C</kbd>{" "}
          (contradicted) or <kbd>U</kbd> (unverified).
        </p>
      ) : visible.length === 0 ? (
        <p className="empty-state">No claims match these filters.</p>
      ) : (
        <>
          <p className="visually-hidden" id={hintId}>
            Up and down arrows (or J and K) move between the claims; Tab reaches the selected claim's details.
          </p>
          <ol
            ref={listRef}
            // Focusable by script only: where focus goes when the last claim it showed is deleted.
            tabIndex={-1}
            className="claim-list"
            aria-label="Claims in document order"
            aria-describedby={hintId}
            onKeyDown={handleListKeyDown}
            style={
              isWindowed ? { paddingTop: listWindow.paddingTop, paddingBottom: listWindow.paddingBottom } : undefined
            }
          >
            {listItems}
          </ol>
        </>
      )}
    </div>
  );
}
