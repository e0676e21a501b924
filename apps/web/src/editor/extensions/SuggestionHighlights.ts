import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { buildTextIndex, textOffsetToPos } from "../textIndex";

/** One suggestion to draw: its spans in the article's text projection, and its key (the Suggestions tab's row). */
export interface SuggestionSpan {
  key: string;
  start: number;
  end: number;
}

export interface SuggestionHighlightInput {
  spans: readonly SuggestionSpan[];
  /** The row the reviewer is on: its spans are drawn a little stronger. */
  currentKey: string | null;
}

export interface SuggestionHighlightsOptions {
  /** Called when the reviewer clicks a suggestion's words (not a claim's: those stay the claim highlights'). */
  onSuggestionClick: (key: string) => void;
}

export const suggestionHighlightsKey = new PluginKey<DecorationSet>("suggestionHighlights");

/**
 * The suggestions' highlights, apart from the claims': a faint dotted underline (`.suggestion-highlight`), no
 * colour of a verdict, no `data-claim-ids`, so a click or Enter on them never chooses a claim and no reader takes
 * them for one. Drawn only while the Suggestions tab is open (the page registers this plugin then, and removes it
 * after); the spans come from the suggestions query through `setSuggestionHighlights`, never from the document.
 */
export function suggestionHighlightsPlugin({ onSuggestionClick }: SuggestionHighlightsOptions): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: suggestionHighlightsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(transaction, previous, _oldState, newState) {
        const input = transaction.getMeta(suggestionHighlightsKey) as SuggestionHighlightInput | undefined;
        if (input) {
          const drawn = drawnInputs.get(previous);
          // Only the current row moved (j, k, a click): redraw its spans and the last one's, not every span, so
          // the view updates two places instead of the whole text (a long article's thousands of paragraphs).
          const next =
            drawn && drawn.spans === input.spans && drawn.doc === newState.doc
              ? redrawCurrent(newState.doc, previous, input, drawn.currentKey)
              : drawSuggestions(newState.doc, input);
          drawnInputs.set(next, { spans: input.spans, currentKey: input.currentKey, doc: newState.doc });
          return next;
        }
        return transaction.docChanged ? previous.map(transaction.mapping, transaction.doc) : previous;
      },
    },
    props: {
      decorations: (state) => suggestionHighlightsKey.getState(state),
      handleClick(_view, _pos, event) {
        const clicked = event.target instanceof Element ? event.target : null;
        const target = clicked?.closest("[data-suggestion-key]");
        // Words that are a claim's too belong to the claim, however the two spans nest.
        if (!clicked || !target || clicked.closest("[data-claim-ids]") || target.closest("[data-claim-ids]")) {
          return false;
        }
        onSuggestionClick(target.getAttribute("data-suggestion-key") as string);
        return false;
      },
    },
  });
}

/** The same plugin as an extension, for an editor made with it (the headless tests). */
export const SuggestionHighlights = Extension.create<SuggestionHighlightsOptions>({
  name: "suggestionHighlights",
  addOptions() {
    return { onSuggestionClick: () => {} };
  },
  addProseMirrorPlugins() {
    return [suggestionHighlightsPlugin(this.options)];
  },
});

/** A transaction that redraws the suggestions' highlights. */
export function setSuggestionHighlights(state: EditorState, input: SuggestionHighlightInput): Transaction {
  return state.tr.setMeta(suggestionHighlightsKey, input).setMeta("addToHistory", false);
}

/** What each drawn set was drawn from: its spans (by identity), current row and document. */
const drawnInputs = new WeakMap<
  DecorationSet,
  { spans: readonly SuggestionSpan[]; currentKey: string | null; doc: ProseMirrorNode }
>();

/** `set` with the spans of the last current row and the new one drawn again; the rest kept as they are. */
function redrawCurrent(
  doc: ProseMirrorNode,
  set: DecorationSet,
  input: SuggestionHighlightInput,
  lastKey: string | null,
): DecorationSet {
  if (lastKey === input.currentKey) return set;
  const keys = new Set([lastKey, input.currentKey]);
  const stale = set.find(undefined, undefined, (spec) => keys.has(spec.suggestionKey));
  const spans = input.spans.filter((span) => keys.has(span.key));
  return set.remove(stale).add(doc, decorationsOf(doc, spans, input.currentKey));
}

function drawSuggestions(doc: ProseMirrorNode, input: SuggestionHighlightInput): DecorationSet {
  if (input.spans.length === 0) return DecorationSet.empty;
  return DecorationSet.create(doc, decorationsOf(doc, input.spans, input.currentKey));
}

function decorationsOf(
  doc: ProseMirrorNode,
  spans: readonly SuggestionSpan[],
  currentKey: string | null,
): Decoration[] {
  const index = buildTextIndex(doc);
  const decorations: Decoration[] = [];
  for (const span of spans) {
    const from = textOffsetToPos(index, span.start, "start");
    const to = textOffsetToPos(index, span.end, "end");
    if (from >= to) continue;
    const isCurrent = span.key === currentKey;
    decorations.push(
      Decoration.inline(
        from,
        to,
        {
          nodeName: "span",
          class: `suggestion-highlight${isCurrent ? " suggestion-highlight--current" : ""}`,
          "data-suggestion-key": span.key,
          title: "Suggested, not a claim yet",
        },
        { suggestionKey: span.key },
      ),
    );
  }
  return decorations;
}
