import { type Claim, VERDICT_LABELS } from "@factmark/core";
import { Extension } from "@tiptap/core";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { buildTextIndex, textOffsetToPos } from "../textIndex";

/** What the highlights are drawn from: the claims in the query cache and what the reviewer is looking at. */
export interface HighlightInput {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  /** Claims to emphasise beside the selected one (the ones linked to it). */
  emphasisedClaimIds: ReadonlySet<string>;
}

interface HighlightState {
  input: HighlightInput;
  decorations: DecorationSet;
}

export const claimHighlightsKey = new PluginKey<HighlightState>("claimHighlights");

export interface ClaimHighlightsOptions {
  /** Called when the reviewer clicks a highlight. */
  onClaimClick: (claimId: string) => void;
}

const EMPTY_INPUT: HighlightInput = { claims: [], selectedClaimId: null, emphasisedClaimIds: new Set() };

/**
 * Draws every claim as an inline decoration coloured (and patterned) by verdict. Claims live in
 * the query cache, never in the document: send new ones with `setClaimHighlights`. Between
 * updates the decorations are mapped through each transaction, so they follow edits.
 */
export const ClaimHighlights = Extension.create<ClaimHighlightsOptions>({
  name: "claimHighlights",

  addOptions() {
    return { onClaimClick: () => {} };
  },

  addProseMirrorPlugins() {
    const { onClaimClick } = this.options;
    return [
      new Plugin<HighlightState>({
        key: claimHighlightsKey,
        state: {
          init: () => ({ input: EMPTY_INPUT, decorations: DecorationSet.empty }),
          apply(transaction, previous, _oldState, newState) {
            const input = transaction.getMeta(claimHighlightsKey) as HighlightInput | undefined;
            if (input) return { input, decorations: buildDecorations(newState, input) };
            if (!transaction.docChanged) return previous;
            return {
              input: previous.input,
              decorations: previous.decorations.map(transaction.mapping, transaction.doc),
            };
          },
        },
        props: {
          decorations: (state) => claimHighlightsKey.getState(state)?.decorations,
          handleClick(_view, _pos, event) {
            const target = event.target instanceof Element ? event.target.closest("[data-claim-id]") : null;
            const claimId = target?.getAttribute("data-claim-id");
            if (!claimId) return false;
            onClaimClick(claimId);
            return false;
          },
        },
      }),
    ];
  },
});

/** A transaction that redraws the highlights from new input. */
export function setClaimHighlights(state: EditorState, input: HighlightInput): Transaction {
  return state.tr.setMeta(claimHighlightsKey, input).setMeta("addToHistory", false);
}

function buildDecorations(state: EditorState, input: HighlightInput): DecorationSet {
  const index = buildTextIndex(state.doc);
  const decorations: Decoration[] = [];
  for (const claim of input.claims) {
    if (claim.isOrphaned) continue;
    const { start, end } = claim.selectors.position;
    const from = textOffsetToPos(index, start, "start");
    const to = textOffsetToPos(index, end, "end");
    if (from >= to) continue;
    const label = `${VERDICT_LABELS[claim.verdict]} claim`;
    const classes = ["claim", `claim--${claim.verdict}`];
    if (claim.id === input.selectedClaimId) classes.push("claim--selected");
    if (input.emphasisedClaimIds.has(claim.id)) classes.push("claim--linked");
    if (claim.id.startsWith("pending-")) classes.push("claim--pending");
    decorations.push(
      Decoration.inline(
        from,
        to,
        { class: classes.join(" "), "data-claim-id": claim.id, "data-verdict": claim.verdict, title: label },
        { claimId: claim.id },
      ),
      // Colour is not the only cue, and a screen reader hears the verdict where the claim starts and ends.
      Decoration.widget(from, () => screenReaderText(`${label}:`), {
        side: -1,
        key: `start-${claim.id}-${claim.verdict}`,
        ignoreSelection: true,
      }),
      Decoration.widget(to, () => screenReaderText("end of claim."), {
        side: 1,
        key: `end-${claim.id}`,
        ignoreSelection: true,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

function screenReaderText(text: string): HTMLElement {
  const element = document.createElement("span");
  element.className = "visually-hidden";
  element.textContent = ` ${text} `;
  return element;
}
