import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** The blocks that get their own direction: a Hebrew paragraph beside an English one reads right to left. */
const DIRECTED_NODES = new Set(["paragraph", "heading", "listItem"]);

export const autoTextDirectionKey = new PluginKey<DecorationSet>("autoTextDirection");

/**
 * Renders every paragraph, heading and list item with `dir="auto"`, so the browser lays each out in the direction
 * of its first strong character (a right-to-left paragraph ends with its period on the left). Drawn as node
 * decorations rather than a node attribute (Tiptap's `textDirection` option), so the saved document stays the
 * article alone: no `dir` in its JSON for the server to strip or refuse. After an edit only the changed blocks are
 * decorated again.
 */
export const AutoTextDirection = Extension.create({
  name: "autoTextDirection",

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: autoTextDirectionKey,
        state: {
          init: (_config, state) =>
            DecorationSet.create(state.doc, directionDecorations(state.doc, 0, state.doc.content.size)),
          apply(transaction, previous) {
            if (!transaction.docChanged) return previous;
            let decorations = previous.map(transaction.mapping, transaction.doc);
            const { doc } = transaction;
            transaction.mapping.maps.forEach((stepMap, index) => {
              stepMap.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
                // Where this step's change lies after the later steps.
                const rest = transaction.mapping.slice(index + 1);
                const from = Math.max(0, rest.map(newStart, -1) - 1);
                const to = Math.min(doc.content.size, rest.map(newEnd, 1) + 1);
                decorations = decorations
                  .remove(decorations.find(from, to))
                  .add(doc, directionDecorations(doc, from, to));
              });
            });
            return decorations;
          },
        },
        props: {
          decorations: (state) => autoTextDirectionKey.getState(state),
        },
      }),
    ];
  },
});

function directionDecorations(doc: ProseMirrorNode, from: number, to: number): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (DIRECTED_NODES.has(node.type.name))
      decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: "auto" }));
    // Inline content holds no blocks.
    return !node.isTextblock;
  });
  return decorations;
}
