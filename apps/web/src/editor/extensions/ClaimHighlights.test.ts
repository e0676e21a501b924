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
    expect(highlights[0]?.classList.contains("claim-underline--contradicted")).toBe(true);
    const labels = [...editor.view.dom.querySelectorAll(".visually-hidden")].map((element) =>
      element.textContent?.trim(),
    );
    expect(labels).toContain("Contradicted claim:");
    expect(labels).toContain("Supported claim:");
  });

  // Found by trying the product: a Hebrew paragraph that starts with a claim was laid out left to right,
  // because its first strong characters were the English label's.
  it("keeps the screen-reader label out of a paragraph's own direction", () => {
    const hebrew = "שורה חדשה בעברית.";
    const editor = createTestEditor(paragraphs(hebrew), [ClaimHighlights]);
    editor.view.dispatch(
      setClaimHighlights(editor.state, {
        claims: [claimOn(hebrew, hebrew, "contradicted")],
        selectedClaimId: null,
        emphasisedClaimIds: new Set(),
      }),
    );
    const labels = [...editor.view.dom.querySelectorAll(".visually-hidden")];
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label.getAttribute("dir")).toBe("ltr");
  });

  it("shows an overlap's count only on runs with a letter or digit, so two badges never sit on one spot", () => {
    const text = "alpha beta gamma delta";
    const editor = createTestEditor(paragraphs(text), [ClaimHighlights]);
    const claims = [
      claimOn(text, "alpha beta gamma", "supported"),
      // One ends just after the space before "gamma", the other starts just before it: that space is a
      // run of three claims of its own, between two counted runs.
      claimOn(text, "alpha beta ", "unverified"),
      claimOn(text, " gamma", "contradicted"),
    ];
    editor.view.dispatch(
      setClaimHighlights(editor.state, { claims, selectedClaimId: null, emphasisedClaimIds: new Set() }),
    );
    // The words of each counted run, without the hidden labels drawn beside them.
    const counted = [...editor.view.dom.querySelectorAll("[data-claim-count]")].map((element) => {
      const copy = element.cloneNode(true) as Element;
      for (const label of copy.querySelectorAll(".visually-hidden")) label.remove();
      return copy.textContent;
    });
    expect(counted.every((text) => /\p{L}/u.test(text ?? ""))).toBe(true);
    expect(counted.length).toBeGreaterThan(0);
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
    expect(highlight?.classList.contains("claim-hl--selected")).toBe(true);
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

  it("scrolls a claim's first words to the middle of the screen on command, and says when it is not drawn", () => {
    const editor = createTestEditor(paragraphs(...TEXT), [ClaimHighlights]);
    const outer = claimOn(FULL_TEXT, "Russia a limited number of drones", "supported");
    const inner = claimOn(FULL_TEXT, "limited number", "contradicted");
    editor.view.dispatch(
      setClaimHighlights(editor.state, {
        claims: [outer, inner],
        selectedClaimId: null,
        emphasisedClaimIds: new Set(),
      }),
    );
    const scrolled: [string | null, unknown][] = [];
    const scrollIntoView = vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (
      this: Element,
      options,
    ) {
      scrolled.push([this.textContent, options]);
    });
    try {
      expect(editor.can().scrollClaimIntoView(inner.id)).toBe(true);
      expect(scrolled).toEqual([]);
      expect(editor.commands.scrollClaimIntoView(inner.id)).toBe(true);
      expect(editor.commands.scrollClaimIntoView(outer.id)).toBe(true);
      expect(scrolled).toEqual([
        ["limited number", { block: "center", behavior: "smooth" }],
        ["Russia a ", { block: "center", behavior: "smooth" }],
      ]);
      expect(editor.commands.scrollClaimIntoView("claim-not-drawn")).toBe(false);
      expect(scrolled).toHaveLength(2);
    } finally {
      scrollIntoView.mockRestore();
    }
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
        element.getAttribute("data-verdict"),
        element.classList.contains("claim-hl--selected"),
      ]);
    draw([limited, dozens]);
    draw([{ ...limited, verdict: "contradicted" }, dozens], dozens.id);
    expect(drawn()).toEqual([
      ["limited number of drones", "contradicted", false],
      ["transferred dozens", "supported", true],
    ]);
    // The same claims again as new objects (a refetch): the decorations stay as they are.
    const before = claimHighlightsKey.getState(editor.state)?.decorations;
    draw([{ ...limited, verdict: "contradicted" }, { ...dozens }], dozens.id);
    expect(claimHighlightsKey.getState(editor.state)?.decorations).toBe(before);
    draw([dozens]);
    expect(drawn()).toEqual([["transferred dozens", "supported", false]]);
    expect(
      [...editor.view.dom.querySelectorAll(".visually-hidden")].map((element) => element.textContent?.trim()),
    ).toEqual(["Supported claim:", "end of claim."]);
  });

  describe("overlapping claims", () => {
    const REVENUE = ["The company said revenue grew by forty percent in the third quarter, analysts said."];
    const REVENUE_TEXT = REVENUE.join("\n");
    const nested = () => [
      claimOn(REVENUE_TEXT, "revenue grew by forty percent in the third quarter", "supported"),
      claimOn(REVENUE_TEXT, "grew by forty", "unverified"),
      claimOn(REVENUE_TEXT, "forty percent", "contradicted"),
    ];
    const draw = (editor: ReturnType<typeof createTestEditor>, claims: ReturnType<typeof claimOn>[]) =>
      editor.view.dispatch(
        setClaimHighlights(editor.state, { claims, selectedClaimId: null, emphasisedClaimIds: new Set() }),
      );
    /** The underline layers drawn over the words `text`: one element per verdict, nearest the text first. */
    const layersOver = (editor: ReturnType<typeof createTestEditor>, text: string) => {
      const segment = [...editor.view.dom.querySelectorAll("[data-claim-ids]")].find(
        (element) => element.textContent === text,
      );
      if (!segment) throw new Error(`No highlight holds exactly "${text}".`);
      const layers: [string, number][] = [];
      // From the innermost element around the words out to the last one that holds just them.
      let element: Element | null = segment;
      while (element?.firstElementChild && element.firstElementChild.textContent === text) {
        element = element.firstElementChild;
      }
      for (; element && element.textContent === text; element = element.parentElement) {
        const verdict = [...element.classList].find(
          (name) => name.startsWith("claim-underline--") && !name.includes("level"),
        );
        const level = [...element.classList].find((name) => name.startsWith("claim-underline--level-"));
        if (verdict && level) layers.push([verdict.replace("claim-underline--", ""), Number(level.slice(-1))]);
      }
      // Layers may nest in any order; what matters is which verdict is drawn at which level.
      return { segment, layers: layers.sort((a, b) => a[1] - b[1]) };
    };

    it("draws one underline layer per verdict on each word, contradicted nearest the text", () => {
      const editor = createTestEditor(paragraphs(...REVENUE), [ClaimHighlights]);
      draw(editor, nested());
      expect(layersOver(editor, "revenue ").layers).toEqual([["supported", 0]]);
      expect(layersOver(editor, "grew by ").layers).toEqual([
        ["unverified", 0],
        ["supported", 1],
      ]);
      const forty = layersOver(editor, "forty");
      expect(forty.layers).toEqual([
        ["contradicted", 0],
        ["unverified", 1],
        ["supported", 2],
      ]);
      expect(forty.segment.classList.contains("claim-hl--has-contradicted")).toBe(true);
      expect(forty.segment.classList.contains("claim-hl--has-unverified")).toBe(true);
      expect(forty.segment.classList.contains("claim-hl--has-supported")).toBe(true);
      expect(forty.segment.getAttribute("data-claim-count")).toBe("3");
      expect(forty.segment.getAttribute("title")).toBe("Contradicted, unverified and supported: 3 claims");
      expect(layersOver(editor, " percent").layers).toEqual([
        ["contradicted", 0],
        ["supported", 1],
      ]);
      expect(layersOver(editor, " in the third quarter").layers).toEqual([["supported", 0]]);
    });

    it("names every verdict on a word to a screen reader", () => {
      const editor = createTestEditor(paragraphs(...REVENUE), [ClaimHighlights]);
      draw(editor, nested());
      const labels = [...editor.view.dom.querySelectorAll(".visually-hidden")].map((element) =>
        element.textContent?.trim(),
      );
      expect(labels).toEqual([
        "Supported claim:",
        "Unverified and supported: 2 claims:",
        "Contradicted, unverified and supported: 3 claims:",
        "Contradicted and supported: 2 claims:",
        "Supported claim:",
        "end of claim.",
      ]);
    });

    it("keeps both verdicts of two claims on the same words, and lists both ids", () => {
      const editor = createTestEditor(paragraphs(...TEXT), [ClaimHighlights]);
      const contradicted = claimOn(FULL_TEXT, "limited number of drones", "contradicted");
      const supported = claimOn(FULL_TEXT, "limited number of drones", "supported");
      draw(editor, [supported, contradicted]);
      const { segment, layers } = layersOver(editor, "limited number of drones");
      expect(layers).toEqual([
        ["contradicted", 0],
        ["supported", 1],
      ]);
      expect(segment.getAttribute("data-claim-ids")?.split(" ").sort()).toEqual([contradicted.id, supported.id].sort());
      expect(segment.getAttribute("title")).toBe("Contradicted and supported: 2 claims");
    });

    it("redraws a shared word when one of its claims changes verdict", () => {
      const editor = createTestEditor(paragraphs(...REVENUE), [ClaimHighlights]);
      const [wide, middle, narrow] = nested() as [
        ReturnType<typeof claimOn>,
        ReturnType<typeof claimOn>,
        ReturnType<typeof claimOn>,
      ];
      draw(editor, [wide, middle, narrow]);
      draw(editor, [wide, middle, { ...narrow, verdict: "supported" }]);
      expect(layersOver(editor, "forty").layers).toEqual([
        ["unverified", 0],
        ["supported", 1],
      ]);
      expect(layersOver(editor, " percent").layers).toEqual([["supported", 0]]);
      draw(editor, [wide, { ...middle, verdict: "contradicted" }, { ...narrow, verdict: "supported" }]);
      expect(layersOver(editor, "forty").layers).toEqual([
        ["contradicted", 0],
        ["supported", 1],
      ]);
      expect(
        [...editor.view.dom.querySelectorAll(".visually-hidden")].map((element) => element.textContent?.trim()),
      ).toEqual([
        "Supported claim:",
        "Contradicted and supported: 2 claims:",
        "Contradicted and supported: 3 claims:",
        "Supported: 2 claims:",
        "Supported claim:",
        "end of claim.",
      ]);
    });

    it("offers every claim on overlapping words, by click and by Enter at the caret; one claim selects directly", () => {
      const onClaimClick = vi.fn();
      const onOverlapClick = vi.fn();
      const editor = createTestEditor(paragraphs(...REVENUE), [
        ClaimHighlights.configure({ onClaimClick, onOverlapClick }),
      ]);
      const claims = nested();
      draw(editor, claims);
      const forty = layersOver(editor, "forty").segment;
      const click = (element: Element) =>
        editor.view.someProp("handleClick", (handle) =>
          handle(editor.view, editor.view.posAtDOM(element, 0), { target: element } as unknown as MouseEvent),
        );
      click(forty);
      expect(onOverlapClick).toHaveBeenCalledTimes(1);
      expect([...((onOverlapClick.mock.calls[0]?.[0] ?? []) as string[])].sort()).toEqual(
        claims.map((claim) => claim.id).sort(),
      );
      expect(onClaimClick).not.toHaveBeenCalled();

      click(layersOver(editor, "revenue ").segment);
      expect(onClaimClick).toHaveBeenCalledWith(claims[0]?.id);

      // The caret inside "forty", then Enter.
      const caret = REVENUE_TEXT.indexOf("forty") + 2 + 1;
      editor.commands.setTextSelection(caret);
      const enter = new KeyboardEvent("keydown", { key: "Enter" });
      const handled = editor.view.someProp("handleKeyDown", (handle) => handle(editor.view, enter));
      expect(handled).toBe(true);
      expect(onOverlapClick).toHaveBeenCalledTimes(2);
      expect(onOverlapClick.mock.calls[1]?.[0]).toHaveLength(3);
    });
  });
});
