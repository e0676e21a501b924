import { describe as describeSelectors, type Link } from "@factmark/core";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useClaimSelection } from "./useClaimSelection";

function link(fromClaimId: string, toClaimId: string): Link {
  return {
    id: `link-${fromClaimId}-${toClaimId}`,
    articleId: "article-1",
    fromClaimId,
    toClaimId,
    kind: "contradicts",
    note: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    createdBy: { id: "r1", name: "Reviewer" },
  };
}

// a contradicts b; c contradicts a; d stands alone.
const LINKS = [link("a", "b"), link("c", "a")];

function renderSelection(links: readonly Link[] = LINKS) {
  return renderHook(() => useClaimSelection(links));
}

describe("useClaimSelection", () => {
  it("starts on the claims tab with nothing selected, hovered, linked or picked", () => {
    const { result } = renderSelection();
    expect(result.current).toMatchObject({
      view: "claims",
      selectedClaimId: null,
      hoveredClaimId: null,
      linkingFromClaimId: null,
      pickedClaimId: null,
      textSelection: null,
    });
    expect([...result.current.emphasisedClaimIds]).toEqual([]);
  });

  it("selecting a claim goes back to the claims tab and emphasises the claims linked to it, either way", () => {
    const { result } = renderSelection();
    act(() => result.current.showView("contradictions"));
    expect(result.current.view).toBe("contradictions");
    act(() => result.current.selectClaim("a"));
    expect(result.current.view).toBe("claims");
    expect(result.current.selectedClaimId).toBe("a");
    expect([...result.current.emphasisedClaimIds].sort()).toEqual(["b", "c"]);
  });

  it("a hovered claim's links are emphasised instead of the selected claim's, until the pointer leaves", () => {
    const { result } = renderSelection();
    act(() => result.current.selectClaim("a"));
    act(() => result.current.hoverClaim("b"));
    expect([...result.current.emphasisedClaimIds]).toEqual(["a"]);
    act(() => result.current.hoverClaim("d"));
    expect([...result.current.emphasisedClaimIds]).toEqual([]);
    act(() => result.current.hoverClaim(null));
    expect([...result.current.emphasisedClaimIds].sort()).toEqual(["b", "c"]);
    expect(result.current.selectedClaimId).toBe("a");
  });

  it("a highlight chosen in the text selects its claim and shows the claims tab", () => {
    const { result } = renderSelection();
    act(() => result.current.showView("contradictions"));
    act(() => result.current.chooseHighlightedClaim("b"));
    expect(result.current).toMatchObject({ view: "claims", selectedClaimId: "b", pickedClaimId: null });
  });

  it("while a link is being made, a highlight picks the claim to link to, never the claim itself", () => {
    const { result } = renderSelection();
    act(() => result.current.selectClaim("a"));
    act(() => result.current.startLinking("a"));
    act(() => result.current.showView("contradictions"));
    act(() => result.current.chooseHighlightedClaim("a"));
    expect(result.current.pickedClaimId).toBeNull();
    act(() => result.current.chooseHighlightedClaim("d"));
    expect(result.current).toMatchObject({
      view: "contradictions",
      selectedClaimId: "a",
      linkingFromClaimId: "a",
      pickedClaimId: "d",
    });
  });

  it("starting a link forgets an earlier pick, and stopping ends the link and its pick", () => {
    const { result } = renderSelection();
    act(() => result.current.startLinking("a"));
    act(() => result.current.pickClaim("b"));
    expect(result.current.pickedClaimId).toBe("b");
    act(() => result.current.startLinking("c"));
    expect(result.current).toMatchObject({ linkingFromClaimId: "c", pickedClaimId: null });
    act(() => result.current.pickClaim("d"));
    act(() => result.current.stopLinking());
    expect(result.current).toMatchObject({ linkingFromClaimId: null, pickedClaimId: null });
    act(() => result.current.chooseHighlightedClaim("d"));
    expect(result.current.selectedClaimId).toBe("d");
  });

  it("keeps the text selected in the article, and forgets it when the selection collapses", () => {
    const { result } = renderSelection();
    const selectors = describeSelectors("Iran sold drones.", 5, 9);
    act(() => result.current.selectText(selectors));
    expect(result.current.textSelection).toBe(selectors);
    act(() => result.current.selectText(null));
    expect(result.current.textSelection).toBeNull();
  });

  it("keeps its transitions and emphasised claims the same between renders, so the editor redraws only on change", () => {
    const { result, rerender } = renderSelection();
    act(() => result.current.selectClaim("a"));
    const before = result.current;
    act(() => result.current.selectClaim("a"));
    act(() => result.current.hoverClaim(null));
    rerender();
    expect(result.current.emphasisedClaimIds).toBe(before.emphasisedClaimIds);
    expect(result.current.selectClaim).toBe(before.selectClaim);
    expect(result.current.chooseHighlightedClaim).toBe(before.chooseHighlightedClaim);
  });
});
