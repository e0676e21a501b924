import { describe, expect, it, vi } from "vitest";
import { buildClaim } from "../../test/buildClaim";
import { createTestEditor, paragraphs } from "../../test/createTestEditor";
import { ClaimHighlights, setClaimHighlights } from "./ClaimHighlights";
import {
  SuggestionHighlights,
  setSuggestionHighlights,
  suggestionHighlightsKey,
  suggestionHighlightsPlugin,
} from "./SuggestionHighlights";

const TEXT = ["Iran sold a limited number of drones.", "Malley said Iran transferred dozens."];
const FULL_TEXT = TEXT.join("\n");
const spanOf = (key: string, exact: string) => {
  const start = FULL_TEXT.indexOf(exact);
  return { key, start, end: start + exact.length };
};

describe("SuggestionHighlights", () => {
  it("draws each suggestion over its words, faint and apart from claims, the current one stronger", () => {
    const editor = createTestEditor(paragraphs(...TEXT), [SuggestionHighlights]);
    editor.view.dispatch(
      setSuggestionHighlights(editor.state, {
        spans: [spanOf("one", TEXT[0] as string), spanOf("two", "transferred dozens")],
        currentKey: "two",
      }),
    );
    const drawn = [...editor.view.dom.querySelectorAll(".suggestion-highlight")];
    expect(drawn.map((element) => [element.textContent, element.getAttribute("data-suggestion-key")])).toEqual([
      [TEXT[0], "one"],
      ["transferred dozens", "two"],
    ]);
    expect(drawn[1]?.classList.contains("suggestion-highlight--current")).toBe(true);
    // Never taken for a claim: no claim id, no verdict.
    for (const element of drawn) {
      expect(element.hasAttribute("data-claim-ids")).toBe(false);
      expect(element.hasAttribute("data-verdict")).toBe(false);
    }
  });

  it("is drawn only while registered: removing the plugin takes every suggestion highlight away", () => {
    const editor = createTestEditor(paragraphs(...TEXT), []);
    editor.registerPlugin(suggestionHighlightsPlugin({ onSuggestionClick: () => {} }));
    editor.view.dispatch(setSuggestionHighlights(editor.state, { spans: [spanOf("one", "Malley")], currentKey: null }));
    expect(editor.view.dom.querySelectorAll(".suggestion-highlight")).toHaveLength(1);
    editor.unregisterPlugin(suggestionHighlightsKey);
    expect(editor.view.dom.querySelectorAll(".suggestion-highlight")).toHaveLength(0);
  });

  it("leaves a click on words a claim holds to the claim, and tells a click on a suggestion's own words", () => {
    const onSuggestionClick = vi.fn();
    const onClaimClick = vi.fn();
    const editor = createTestEditor(paragraphs(...TEXT), [
      ClaimHighlights.configure({ onClaimClick }),
      SuggestionHighlights.configure({ onSuggestionClick }),
    ]);
    const claim = buildClaim(FULL_TEXT, "limited number", "supported");
    editor.view.dispatch(
      setClaimHighlights(editor.state, { claims: [claim], selectedClaimId: null, emphasisedClaimIds: new Set() }),
    );
    editor.view.dispatch(
      setSuggestionHighlights(editor.state, {
        spans: [spanOf("first", TEXT[0] as string), spanOf("second", "transferred dozens")],
        currentKey: null,
      }),
    );
    // Every plugin's handleClick is asked, as ProseMirror does on a click.
    const click = (element: Element | null | undefined) =>
      editor.view.someProp("handleClick", (handle) =>
        handle(editor.view, 0, { target: element } as unknown as MouseEvent),
      );
    click([...editor.view.dom.querySelectorAll("[data-suggestion-key='second']")].at(-1));
    click(
      editor.view.dom.querySelector("[data-claim-ids] [data-suggestion-key], [data-suggestion-key] [data-claim-ids]"),
    );
    expect(onSuggestionClick.mock.calls).toEqual([["second"]]);
  });
});
