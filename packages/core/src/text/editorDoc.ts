import { z } from "zod";
import { ZHttpUrl, ZUserText } from "../schemas/common";
import type { DocNode } from "./articleText";

/**
 * The editor's schema as data: what an article's document may hold. Headings, paragraphs, bullet
 * and ordered lists, blockquotes and hard breaks; text marked bold, italic or linked (http/https
 * only). Everything an import produces and every document the editor saves is checked against it,
 * so a stored document never carries a node the editor cannot show, a style, or a script URL.
 */
export const EDITOR_NODE_TYPES = {
  blocks: ["paragraph", "heading", "bulletList", "orderedList", "blockquote"],
  inline: ["text", "hardBreak"],
  marks: ["bold", "italic", "link"],
} as const;

/** How deep blocks may nest (a list in a quote in a list...): bounds the work of checking and walking. */
export const EDITOR_DOC_MAX_DEPTH = 24;

const ZMark = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("bold"), attrs: z.object({}).optional() }),
  z.strictObject({ type: z.literal("italic"), attrs: z.object({}).optional() }),
  z.strictObject({
    type: z.literal("link"),
    // Unknown attributes are dropped (z.object strips them); the href must be http(s).
    attrs: z.object({
      href: ZHttpUrl,
      target: z.enum(["_blank"]).nullable().optional(),
      rel: z.string().max(100).nullable().optional(),
      class: z.null().optional(),
      title: z.string().max(500).nullable().optional(),
    }),
  }),
]);

const ZMarks = z.array(ZMark).max(EDITOR_NODE_TYPES.marks.length).optional();

const ZInline = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("text"),
    text: ZUserText(2_000_000).min(1, "A text node is never empty."),
    marks: ZMarks,
  }),
  z.strictObject({ type: z.literal("hardBreak"), marks: ZMarks }),
]);

const ZInlineContent = z.array(ZInline).optional();
const ZNoAttrs = z.object({}).optional();

const ZBlock: z.ZodType<DocNode> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("paragraph"), attrs: ZNoAttrs, content: ZInlineContent }),
    z.strictObject({
      type: z.literal("heading"),
      attrs: z.object({ level: z.number().int().min(1).max(6) }),
      content: ZInlineContent,
    }),
    z.strictObject({ type: z.literal("bulletList"), attrs: ZNoAttrs, content: z.array(ZListItem).min(1) }),
    z.strictObject({
      type: z.literal("orderedList"),
      attrs: z
        .object({
          start: z.number().int().min(0).max(1_000_000).optional(),
          type: z.string().max(10).nullable().optional(),
        })
        .optional(),
      content: z.array(ZListItem).min(1),
    }),
    z.strictObject({ type: z.literal("blockquote"), attrs: ZNoAttrs, content: z.array(ZBlock).min(1) }),
  ]),
);

const ZListItem: z.ZodType<DocNode> = z.lazy(() =>
  z.strictObject({ type: z.literal("listItem"), attrs: ZNoAttrs, content: z.array(ZBlock).min(1) }),
);

const INLINE_TYPES = new Set<string>(EDITOR_NODE_TYPES.inline);

/**
 * How many blocks a document holds: every node under `doc` that is not inline (paragraphs, headings, lists, list
 * items, quotes), wherever it nests. Counted without recursion on any JSON value, before its shape is checked;
 * counting stops once it passes `stopAfter` (the answer is then `stopAfter + 1`), so a hostile document costs no
 * more than the limit.
 */
export function countDocBlocks(doc: unknown, stopAfter = Number.POSITIVE_INFINITY): number {
  let count = 0;
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    const { type, content } = node as { type?: unknown; content?: unknown };
    if (node !== doc && typeof type === "string" && !INLINE_TYPES.has(type)) {
      count += 1;
      if (count > stopAfter) return count;
    }
    if (Array.isArray(content)) for (const child of content) stack.push(child);
  }
  return count;
}

/** How deep a JSON value nests, counted without recursion (a hostile document may nest thousands deep). */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > EDITOR_DOC_MAX_DEPTH * 3) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * A Tiptap document the editor can show: `{ type: "doc", content: [blocks] }`. Depth is checked
 * first, without recursion, so a deeply nested body is refused before the recursive check runs.
 */
export const ZEditorDoc: z.ZodType<DocNode> = z
  .unknown()
  .refine((value) => nestingDepth(value) <= EDITOR_DOC_MAX_DEPTH * 3, {
    message: `The document nests deeper than ${EDITOR_DOC_MAX_DEPTH} levels.`,
    abort: true,
  })
  .pipe(z.strictObject({ type: z.literal("doc"), attrs: ZNoAttrs, content: z.array(ZBlock) }));
