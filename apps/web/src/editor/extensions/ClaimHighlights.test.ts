import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../test/buildClaim";
import { createTestEditor, paragraphs } from "../../test/createTestEditor";
import { ClaimHighlights, claimHighlightsKey, setClaimHighlights } from "./ClaimHighlights";

const TEXT = [
  "Iran sold Russia a limited number of drones months before the war.",
  "Malley said Iran transferred dozens.",
];

const claimOn = buildClaim;

const FULL_TEXT = TEXT.join("\n");

describe("ClaimHighlights", () => {
  it("draws each claim over exactly its words, marked with its verdict and a label naming it", () => {
    const editor = createTestEditor(paragraphs(...TEXT), [ClaimHighlights]);
    const claims = [
      claimOn(FULL_TEXT, "limited number of drones", "contradicted"),
      claimOn(FULL_TEXT, "transferred dozens", "supported"),
    ];
    editor.view.dispatch(
      setClaimHighlights(editor.state, { claims, selectedClaimId: null, emphasisedClaimIds: new Set() }),
    );
    const highlights = [...editor.view.dom.querySelectorAll("[data-claim-id]")];
    expect(highlights.map((element) => [element.textContent, element.getAttribute("data-verdict")])).toEqual([
      ["limited number of drones", "contradicted"],
      ["transferred dozens", "supported"],
    ]);
    expect(highlights[0]?.classList.contains("claim--contradicted")).toBe(true);
    const labels = [...editor.view.dom.querySelectorAll(".visually-hidden")].map((element) =>
      element.textContent?.trim(),
    );
    expect(labels).toContain("Contradicted claim:");
    expect(labels).toContain("Supported claim:");
  });

  it("keeps highlights on their words while the text is edited before them", () => {
    const editor = createTestEditor(paragraphs(...TEXT), [ClaimHighlights]);
    const claims = [claimOn(FULL_TEXT, "limited number of drones", "unverified")];
    editor.view.dispatch(
      setClaimHighlights(editor.state, { claims, selectedClaimId: null, emphasisedClaimIds: new Set() }),
    );
    editor.commands.insertContentAt(1, "Breaking: ");
    expect(editor.view.dom.querySelector("[data-claim-id]")?.textContent).toBe("limited number of drones");
  });

  it("marks the selected claim and reports clicks on a highlight", () => {
    const onClaimClick = vi.fn();
    const editor = createTestEditor(paragraphs(...TEXT), [ClaimHighlights.configure({ onClaimClick })]);
    const claim = claimOn(FULL_TEXT, "transferred dozens", "supported");
    editor.view.dispatch(
      setClaimHighlights(editor.state, { claims: [claim], selectedClaimId: claim.id, emphasisedClaimIds: new Set() }),
    );
    const highlight = editor.view.dom.querySelector("[data-claim-id]");
    expect(highlight?.classList.contains("claim--selected")).toBe(true);
    const pos = editor.view.posAtDOM(highlight?.firstChild as Node, 2);
    editor.view.someProp("handleClick", (handle) =>
      handle(editor.view, pos, { target: highlight } as unknown as MouseEvent),
    );
    expect(onClaimClick).toHaveBeenCalledWith(claim.id);
  });

  it("leaves orphaned claims out of the text", () => {
    const editor = createTestEditor(paragraphs(...TEXT), [ClaimHighlights]);
    const claim = { ...claimOn(FULL_TEXT, "transferred dozens", "supported"), isOrphaned: true };
    editor.view.dispatch(
      setClaimHighlights(editor.state, { claims: [claim], selectedClaimId: null, emphasisedClaimIds: new Set() }),
    );
    expect(editor.view.dom.querySelector("[data-claim-id]")).toBeNull();
  });

  it("redraws only what changed between updates: a new verdict, the selection, a claim gone, an equal refetch", () => {
    const editor = createTestEditor(paragraphs(...TEXT), [ClaimHighlights]);
    const limited = claimOn(FULL_TEXT, "limited number of drones", "unverified");
    const dozens = claimOn(FULL_TEXT, "transferred dozens", "supported");
    const draw = (claims: ReturnType<typeof claimOn>[], selectedClaimId: string | null = null) =>
      editor.view.dispatch(
        setClaimHighlights(editor.state, { claims, selectedClaimId, emphasisedClaimIds: new Set() }),
      );
    const drawn = () =>
      [...editor.view.dom.querySelectorAll("[data-claim-id]")].map((element) => [
        element.textContent,
        element.className,
      ]);
    draw([limited, dozens]);
    draw([{ ...limited, verdict: "contradicted" }, dozens], dozens.id);
    expect(drawn()).toEqual([
      ["limited number of drones", "claim claim--contradicted"],
      ["transferred dozens", "claim claim--supported claim--selected"],
    ]);
    // The same claims again as new objects (a refetch): the decorations stay as they are.
    const before = claimHighlightsKey.getState(editor.state)?.decorations;
    draw([{ ...limited, verdict: "contradicted" }, { ...dozens }], dozens.id);
    expect(claimHighlightsKey.getState(editor.state)?.decorations).toBe(before);
    draw([dozens]);
    expect(drawn()).toEqual([["transferred dozens", "claim claim--supported"]]);
    expect(
      [...editor.view.dom.querySelectorAll(".visually-hidden")].map((element) => element.textContent?.trim()),
    ).toEqual(["Supported claim:", "end of claim."]);
  });
});
