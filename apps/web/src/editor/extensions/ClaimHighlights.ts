import type { Claim } from "@factmark/core";
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { isPendingId } from "../../lib/pendingId";
import { type HighlightInput, highlightRuns } from "../highlightRuns";
import { buildTextIndex, type TextIndex, textOffsetToPos } from "../textIndex";

export type { HighlightInput } from "../highlightRuns";

/** Where on screen the words a reviewer chose are, for a chooser to open beside them. */
export interface HighlightPlace {
  left: number;
  top: number;
  bottom: number;
}

/** One claim as drawn: what it was drawn from and where, so an update redraws only around the claims that changed. */
interface DrawnClaim {
  claim: Claim;
  /** What the claim was drawn as (drawKey): equal keys draw alike. */
  key: DrawKey;
  from: number;
  to: number;
}

/** A claim's verdict, place in the text (UTF-16 offsets) and state: what its highlight looks like and where. */
interface DrawKey {
  verdict: Claim["verdict"];
  start: number;
  end: number;
  /** DRAWN_SELECTED | DRAWN_LINKED | DRAWN_PENDING. */
  state: number;
}

const DRAWN_SELECTED = 1;
const DRAWN_LINKED = 2;
const DRAWN_PENDING = 4;

interface HighlightState {
  input: HighlightInput;
  decorations: DecorationSet;
  drawn: ReadonlyMap<string, DrawnClaim>;
  /** The document `drawn` was computed on. After an edit the set is mapped instead, and the next input redraws all. */
  doc: ProseMirrorNode | null;
}

/** What every decoration of a run of highlighted words carries, so a click or a caret finds the claims on it. */
interface SegmentSpec {
  claimIds: readonly string[];
}

export const claimHighlightsKey = new PluginKey<HighlightState>("claimHighlights");

export interface ClaimHighlightsOptions {
  /** Called when the reviewer clicks (or presses Enter in) words only one claim covers. */
  onClaimClick: (claimId: string) => void;
  /** Called when the words hold several claims: the reviewer picks one. By default the innermost is chosen. */
  onOverlapClick?: (claimIds: string[], place: HighlightPlace) => void;
  /** While the text is being edited, Enter types a new paragraph instead of choosing a claim. */
  isEditing: () => boolean;
  /**
   * The claims to draw from the start, when they are known as the editor is made: its first render then has
   * them, instead of rendering the text bare and then again with 2,000 highlights.
   */
  initialInput: HighlightInput | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    claimHighlights: {
      /**
       * Scrolls the first words of a claim to the middle of the screen (smoothly when near, unless `isInstant`);
       * false when the claim is not drawn.
       */
      scrollClaimIntoView: (claimId: string, options?: { isInstant?: boolean }) => ReturnType;
    };
  }
}

const EMPTY_INPUT: HighlightInput = { claims: [], selectedClaimId: null, emphasisedClaimIds: new Set() };

/**
 * Draws every claim as inline decorations coloured and patterned by verdict. Where claims overlap, the text is
 * cut at every claim boundary and each run is drawn once with one underline layer per verdict on it
 * (contradicted nearest the text), a count, and a label naming every verdict; so no verdict hides another.
 * Claims live in the query cache, never in the document: send new ones with `setClaimHighlights`. Between
 * updates the decorations are mapped through each transaction, so they follow edits.
 */
export const ClaimHighlights = Extension.create<ClaimHighlightsOptions>({
  name: "claimHighlights",
  // Before AnnotationMode, which swallows Enter in read-only text: Enter on a highlight chooses its claim.
  priority: 110,

  addOptions() {
    return { onClaimClick: () => {}, onOverlapClick: undefined, isEditing: () => false, initialInput: null };
  },

  addCommands() {
    return {
      scrollClaimIntoView:
        (claimId, options) =>
        ({ view, dispatch }) => {
          const highlight = view.dom.querySelector(`[data-claim-ids~="${CSS.escape(claimId)}"]`);
          if (!highlight) return false;
          // A dry run (`editor.can()`) only asks whether the claim is drawn.
          if (dispatch) scrollToMiddle(highlight, options?.isInstant ?? false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { onClaimClick, onOverlapClick, isEditing, initialInput } = this.options;
    const choose = (claimIds: string[], place: HighlightPlace) => {
      if (claimIds.length === 1 || !onOverlapClick) onClaimClick(claimIds[0] as string);
      else onOverlapClick(claimIds, place);
    };
    return [
      new Plugin<HighlightState>({
        key: claimHighlightsKey,
        state: {
          init: (_config, state) => {
            const empty: HighlightState = {
              input: EMPTY_INPUT,
              decorations: DecorationSet.empty,
              drawn: new Map(),
              doc: null,
            };
            return initialInput ? drawHighlights(empty, state.doc, initialInput) : empty;
          },
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
            const target = event.target instanceof Element ? event.target.closest("[data-claim-ids]") : null;
            const claimIds = target?.getAttribute("data-claim-ids")?.split(" ").filter(Boolean) ?? [];
            if (!target || claimIds.length === 0) return false;
            const box = target.getBoundingClientRect();
            choose(claimIds, { left: event.clientX || box.left, top: box.top, bottom: box.bottom });
            return false;
          },
          handleKeyDown(view, event) {
            if (event.key !== "Enter" || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false;
            if (isEditing() || !view.state.selection.empty) return false;
            const claimIds = claimIdsAtCaret(view);
            if (claimIds.length === 0) return false;
            // The chooser opens by the run the caret is in (or by the text, at a run's very end).
            const { node } = view.domAtPos(view.state.selection.from);
            const element = node instanceof Element ? node : node.parentElement;
            const box = (element?.closest("[data-claim-ids]") ?? view.dom).getBoundingClientRect();
            choose(claimIds, { left: box.left, top: box.top, bottom: box.bottom });
            // Chosen here: the page's Enter (open the selected claim) stays out.
            event.stopPropagation();
            return true;
          },
        },
      }),
    ];
  },
});

/**
 * Scrolls `element` to the middle of the screen: smoothly when it is near and not `isInstant`. Far away, the paragraphs on the way
 * are laid out only as they come into view (content-visibility), so a smooth scroll aims at a guessed place and
 * ends elsewhere: it jumps there instead, and again once the paragraphs around it have their real heights.
 */
function scrollToMiddle(element: Element, isInstant: boolean): void {
  const box = element.getBoundingClientRect();
  const isNear = box.bottom > -window.innerHeight && box.top < 2 * window.innerHeight;
  if (isNear && !isInstant) {
    element.scrollIntoView({ block: "center", behavior: "smooth" });
    return;
  }
  element.scrollIntoView({ block: "center" });
  requestAnimationFrame(() => requestAnimationFrame(() => element.scrollIntoView({ block: "center" })));
}

/** A transaction that redraws the highlights from new input. */
export function setClaimHighlights(state: EditorState, input: HighlightInput): Transaction {
  return state.tr.setMeta(claimHighlightsKey, input).setMeta("addToHistory", false);
}

/** The claims on the words at the caret, innermost first: inside a run, or just after its last character. */
function claimIdsAtCaret(view: EditorView): string[] {
  const decorations = claimHighlightsKey.getState(view.state)?.decorations;
  if (!decorations) return [];
  const pos = view.state.selection.from;
  const runs = decorations.find(pos, pos, (spec: Partial<SegmentSpec>) => (spec.claimIds?.length ?? 0) > 0);
  const inside = runs.find((run) => run.from <= pos && pos < run.to) ?? runs.find((run) => run.to === pos);
  return [...((inside?.spec as SegmentSpec | undefined)?.claimIds ?? [])];
}

/**
 * The highlights for `input`. On the document they were last drawn on, only the text around claims that changed
 * (a new claim, a new verdict, the selection moving) is redrawn: the set keeps every other decoration, so
 * ProseMirror redraws only the paragraphs that changed.
 */
function drawHighlights(previous: HighlightState, doc: ProseMirrorNode, input: HighlightInput): HighlightState {
  const isSameDoc = previous.doc === doc;
  let index: TextIndex | null = null;
  const drawn = new Map<string, DrawnClaim>();
  const dirty: [number, number][] = [];
  for (const claim of input.claims) {
    if (claim.isOrphaned) continue;
    const before = isSameDoc ? previous.drawn.get(claim.id) : undefined;
    // Most claims of an update are as they were drawn: compared field by field, nothing is made for them.
    if (before && isDrawnAlike(before.key, claim, input)) {
      drawn.set(claim.id, before.claim === claim ? before : { ...before, claim });
      continue;
    }
    index ??= buildTextIndex(doc);
    const from = textOffsetToPos(index, claim.selectors.position.start, "start");
    const to = textOffsetToPos(index, claim.selectors.position.end, "end");
    if (before) dirty.push([before.from, before.to]);
    if (from >= to) continue;
    drawn.set(claim.id, { claim, key: drawKey(claim, input), from, to });
    dirty.push([from, to]);
  }
  const claims = [...drawn.values()];
  if (!isSameDoc) {
    const decorations = DecorationSet.create(doc, segmentDecorations(doc, claims, input));
    return { input, decorations, drawn, doc };
  }
  for (const [claimId, before] of previous.drawn) {
    if (!drawn.has(claimId)) dirty.push([before.from, before.to]);
  }
  if (dirty.length === 0) return { input, decorations: previous.decorations, drawn, doc };
  let decorations = previous.decorations;
  for (const [from, to] of redrawRegions(dirty, claims, previous.decorations)) {
    const inRegion = claims.filter((drawnClaim) => drawnClaim.from < to && drawnClaim.to > from);
    decorations = decorations.remove(decorations.find(from, to)).add(doc, segmentDecorations(doc, inRegion, input));
  }
  return { input, decorations, drawn, doc };
}

/**
 * The stretches of text to redraw: the changed claims' old and new places, widened until no claim or drawn run
 * crosses or touches their ends, so every run (and every "end of claim" label) in them is drawn again whole.
 */
function redrawRegions(
  dirty: [number, number][],
  claims: readonly DrawnClaim[],
  decorations: DecorationSet,
): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...dirty].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const regions: [number, number][] = [];
  for (let [from, to] of merged) {
    for (let isGrowing = true; isGrowing; ) {
      isGrowing = false;
      for (const claim of claims) {
        if (claim.from <= to && claim.to >= from && (claim.from < from || claim.to > to)) {
          [from, to] = [Math.min(from, claim.from), Math.max(to, claim.to)];
          isGrowing = true;
        }
      }
      for (const decoration of decorations.find(from, to)) {
        if (decoration.from < from || decoration.to > to) {
          [from, to] = [Math.min(from, decoration.from), Math.max(to, decoration.to)];
          isGrowing = true;
        }
      }
    }
    const last = regions.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else regions.push([from, to]);
  }
  return regions;
}

/** What `claim` is drawn as: verdict, place and state (a refetch brings equal claims anew, drawn alike). */
function drawKey(claim: Claim, input: HighlightInput): DrawKey {
  const { start, end } = claim.selectors.position;
  return { verdict: claim.verdict, start, end, state: drawnState(claim, input) };
}

function drawnState(claim: Claim, input: HighlightInput): number {
  return (
    (claim.id === input.selectedClaimId ? DRAWN_SELECTED : 0) |
    (input.emphasisedClaimIds.has(claim.id) ? DRAWN_LINKED : 0) |
    (isPendingId(claim.id) ? DRAWN_PENDING : 0)
  );
}

/** Whether `claim` in `input` would be drawn as `key` was. */
function isDrawnAlike(key: DrawKey, claim: Claim, input: HighlightInput): boolean {
  const { start, end } = claim.selectors.position;
  return (
    key.verdict === claim.verdict && key.start === start && key.end === end && key.state === drawnState(claim, input)
  );
}

/**
 * The decorations of `claims` cut into runs at every claim boundary (highlightRuns). Each run is one span carrying
 * the claims' ids, the nearest underline layer and a title, wrapped in one more span per further verdict; a hidden
 * label before it names every verdict on it, and one after the last run of a stretch says where the claims end.
 */
function segmentDecorations(doc: ProseMirrorNode, claims: readonly DrawnClaim[], input: HighlightInput): Decoration[] {
  const decorations: Decoration[] = [];
  for (const run of highlightRuns(claims, input, (from, to) => doc.textBetween(from, to, " "))) {
    const spec: SegmentSpec = { claimIds: run.claimIds };
    // Every decoration names its element, so the spans nest instead of merging their classes into one.
    decorations.push(Decoration.inline(run.from, run.to, { nodeName: "span", ...run.attributes }, spec));
    for (const layerClass of run.layerClasses) {
      decorations.push(Decoration.inline(run.from, run.to, { nodeName: "span", class: layerClass }, spec));
    }
    // Colour is not the only cue, and a screen reader hears every verdict on the words where they start.
    decorations.push(
      Decoration.widget(run.from, () => screenReaderText(run.startLabel), {
        side: -1,
        key: `start-${run.claimIds.join(",")}-${run.attributes["data-verdicts"]}`,
        ignoreSelection: true,
      }),
    );
    if (run.endLabel !== null) {
      decorations.push(
        Decoration.widget(run.to, () => screenReaderText(run.endLabel as string), {
          side: 1,
          key: `end-${run.endLabel}`,
          ignoreSelection: true,
        }),
      );
    }
  }
  return decorations;
}

function screenReaderText(text: string): HTMLElement {
  const element = document.createElement("span");
  element.className = "visually-hidden";
  // Its own direction, so a right-to-left paragraph that starts with a claim still reads right to left
  // (dir="auto" skips descendants that set their own).
  element.dir = "ltr";
  element.textContent = ` ${text} `;
  return element;
}
