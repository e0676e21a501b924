import type { Link, Selectors } from "@factmark/core";
import { useMemo, useReducer } from "react";

/** The sidebar's tabs. */
export type SidebarView = "claims" | "contradictions";

/** What the reviewer is looking at and pointing to on the article page. */
export interface ClaimSelectionState {
  view: SidebarView;
  selectedClaimId: string | null;
  /** Raised each time a claim is selected, the same one again too: the list brings its card into view anew. */
  selectRequest: number;
  /** The claim under the pointer in the sidebar: its links are emphasised instead of the selected claim's. */
  hoveredClaimId: string | null;
  /** The claim whose link picker is open: clicking a highlight then picks the claim to link to. */
  linkingFromClaimId: string | null;
  pickedClaimId: string | null;
  /** The text selected in the article, as selectors: re-attaching an orphan uses it. */
  textSelection: Selectors | null;
}

type ClaimSelectionAction =
  | { type: "showView"; view: SidebarView }
  | { type: "selectClaim"; claimId: string }
  | { type: "clearSelection" }
  | { type: "chooseHighlightedClaim"; claimId: string }
  | { type: "hoverClaim"; claimId: string | null }
  | { type: "startLinking"; claimId: string }
  | { type: "pickClaim"; claimId: string }
  | { type: "stopLinking" }
  | { type: "selectText"; selectors: Selectors | null };

const INITIAL_STATE: ClaimSelectionState = {
  view: "claims",
  selectedClaimId: null,
  selectRequest: 0,
  hoveredClaimId: null,
  linkingFromClaimId: null,
  pickedClaimId: null,
  textSelection: null,
};

/** The state with `changes`, or the same state when they change nothing, so React skips the render. */
function withChanges(state: ClaimSelectionState, changes: Partial<ClaimSelectionState>): ClaimSelectionState {
  const keys = Object.keys(changes) as (keyof ClaimSelectionState)[];
  return keys.some((key) => state[key] !== changes[key]) ? { ...state, ...changes } : state;
}

function reduceClaimSelection(state: ClaimSelectionState, action: ClaimSelectionAction): ClaimSelectionState {
  switch (action.type) {
    case "showView":
      return withChanges(state, { view: action.view });
    case "selectClaim":
      return { ...state, view: "claims", selectedClaimId: action.claimId, selectRequest: state.selectRequest + 1 };
    case "clearSelection":
      return withChanges(state, { selectedClaimId: null, linkingFromClaimId: null, pickedClaimId: null });
    case "chooseHighlightedClaim":
      // While the link picker is open, a highlight picks the claim to link to (never the claim itself).
      if (state.linkingFromClaimId) {
        return action.claimId === state.linkingFromClaimId
          ? state
          : withChanges(state, { pickedClaimId: action.claimId });
      }
      return { ...state, view: "claims", selectedClaimId: action.claimId, selectRequest: state.selectRequest + 1 };
    case "hoverClaim":
      return withChanges(state, { hoveredClaimId: action.claimId });
    case "startLinking":
      return withChanges(state, { linkingFromClaimId: action.claimId, pickedClaimId: null });
    case "pickClaim":
      return withChanges(state, { pickedClaimId: action.claimId });
    case "stopLinking":
      return withChanges(state, { linkingFromClaimId: null, pickedClaimId: null });
    case "selectText":
      return withChanges(state, { textSelection: action.selectors });
  }
}

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

/**
 * The article page's selection: the sidebar tab, the selected and hovered claim, the link being made
 * and the text selected, changed only through the named transitions returned (each stable).
 * `emphasisedClaimIds` are the claims linked to the hovered claim, or else to the selected one.
 */
export function useClaimSelection(links: readonly Link[]) {
  const [state, dispatch] = useReducer(reduceClaimSelection, INITIAL_STATE);
  const transitions = useMemo(
    () => ({
      showView: (view: SidebarView) => dispatch({ type: "showView", view }),
      /** Selects a claim and shows it in the claims tab. */
      selectClaim: (claimId: string) => dispatch({ type: "selectClaim", claimId }),
      /** No claim selected (and no link being made): the desk's last step back. */
      clearSelection: () => dispatch({ type: "clearSelection" }),
      /** A highlight in the text was chosen: it selects its claim, or picks it while a link is being made. */
      chooseHighlightedClaim: (claimId: string) => dispatch({ type: "chooseHighlightedClaim", claimId }),
      hoverClaim: (claimId: string | null) => dispatch({ type: "hoverClaim", claimId }),
      /** Opens the link picker of a claim, with nothing picked yet. */
      startLinking: (claimId: string) => dispatch({ type: "startLinking", claimId }),
      pickClaim: (claimId: string) => dispatch({ type: "pickClaim", claimId }),
      stopLinking: () => dispatch({ type: "stopLinking" }),
      selectText: (selectors: Selectors | null) => dispatch({ type: "selectText", selectors }),
    }),
    [],
  );
  const focusedClaimId = state.hoveredClaimId ?? state.selectedClaimId;
  const emphasisedClaimIds = useMemo(() => linkedClaimIds(links, focusedClaimId), [links, focusedClaimId]);
  return { ...state, emphasisedClaimIds, ...transitions };
}
