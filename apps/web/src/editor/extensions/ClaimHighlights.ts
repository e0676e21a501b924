import { type Claim, VERDICT_LABELS } from "@factmark/core";
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { buildTextIndex, type TextIndex, textOffsetToPos } from "../textIndex";

/** What the highlights are drawn from: the claims in the query cache and what the reviewer is looking at. */
export interface HighlightInput {
  claims: readonly Claim[];
  selectedClaimId: string | null;
  /** Claims to emphasise beside the selected one (the ones linked to it). */
  emphasisedClaimIds: ReadonlySet<string>;
}

/** One claim as drawn: what it was drawn from, so an update redraws only the claims that changed. */
interface DrawnClaim {
  claim: Claim;
  className: string;
  decorations: Decoration[];
}

interface HighlightState {
  input: HighlightInput;
  decorations: DecorationSet;
  drawn: ReadonlyMap<string, DrawnClaim>;
  /** The document `drawn` was computed on. After an edit the set is mapped instead, and the next input redraws all. */
  doc: ProseMirrorNode | null;
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
          init: () => ({ input: EMPTY_INPUT, decorations: DecorationSet.empty, drawn: new Map(), doc: null }),
          apply(transaction, previous, _oldState, newState) {
            const input = transaction.getMeta(claimHighlightsKey) as HighlightInput | undefined;
            if (input) return drawHighlights(previous, newState.doc, input);
            if (!transaction.docChanged) return previous;
            return {
              ...previous,
              decorations: previous.decorations.map(transaction.mapping, transaction.doc),
              doc: null,
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

/**
 * The highlights for `input`. On the document they were last drawn on, only the claims that changed
 * (a new claim, a new verdict, the selection moving) are redrawn: the set keeps every other
 * decoration, so ProseMirror redraws only the paragraphs that changed.
 */
function drawHighlights(previous: HighlightState, doc: ProseMirrorNode, input: HighlightInput): HighlightState {
  const isSameDoc = previous.doc === doc;
  let index: TextIndex | null = null;
  const drawn = new Map<string, DrawnClaim>();
  const added: Decoration[] = [];
  for (const claim of input.claims) {
    if (claim.isOrphaned) continue;
    const className = claimClassName(claim, input);
    const before = isSameDoc ? previous.drawn.get(claim.id) : undefined;
    if (before && before.className === className && isDrawnAlike(before.claim, claim)) {
      drawn.set(claim.id, before);
      continue;
    }
    index ??= buildTextIndex(doc);
    const decorations = claimDecorations(index, claim, className);
    if (decorations.length === 0) continue;
    drawn.set(claim.id, { claim, className, decorations });
    added.push(...decorations);
  }
  if (!isSameDoc) return { input, decorations: DecorationSet.create(doc, added), drawn, doc };
  const removed: Decoration[] = [];
  for (const [claimId, before] of previous.drawn) {
    if (drawn.get(claimId) !== before) removed.push(...before.decorations);
  }
  const decorations =
    removed.length === 0 && added.length === 0
      ? previous.decorations
      : previous.decorations.remove(removed).add(doc, added);
  return { input, decorations, drawn, doc };
}

/** Whether two versions of a claim draw the same (a refetch brings equal claims as new objects). */
function isDrawnAlike(drawn: Claim, claim: Claim): boolean {
  return (
    drawn === claim ||
    (drawn.verdict === claim.verdict &&
      drawn.selectors.position.start === claim.selectors.position.start &&
      drawn.selectors.position.end === claim.selectors.position.end)
  );
}

function claimClassName(claim: Claim, input: HighlightInput): string {
  let className = `claim claim--${claim.verdict}`;
  if (claim.id === input.selectedClaimId) className += " claim--selected";
  if (input.emphasisedClaimIds.has(claim.id)) className += " claim--linked";
  if (claim.id.startsWith("pending-")) className += " claim--pending";
  return className;
}

function claimDecorations(index: TextIndex, claim: Claim, className: string): Decoration[] {
  const { start, end } = claim.selectors.position;
  const from = textOffsetToPos(index, start, "start");
  const to = textOffsetToPos(index, end, "end");
  if (from >= to) return [];
  const label = `${VERDICT_LABELS[claim.verdict]} claim`;
  return [
    Decoration.inline(
      from,
      to,
      { class: className, "data-claim-id": claim.id, "data-verdict": claim.verdict, title: label },
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
  ];
}

function screenReaderText(text: string): HTMLElement {
  const element = document.createElement("span");
  element.className = "visually-hidden";
  element.textContent = ` ${text} `;
  return element;
}
