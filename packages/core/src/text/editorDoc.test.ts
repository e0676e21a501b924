import { describe, expect, it } from "vitest";
import { ARTICLE_LIMITS, TOO_MANY_BLOCKS_MESSAGE, ZArticleDoc, ZArticleUpdate } from "../schemas/article";
import { countDocBlocks, ZEditorDoc } from "./editorDoc";

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: unknown[]) => ({ type: "doc", content });

describe("ZEditorDoc", () => {
  it("accepts every node and mark the editor has", () => {
    const full = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Title")] },
      paragraph(text("bold", [{ type: "bold" }]), text(" and "), text("italic", [{ type: "italic" }]), {
        type: "hardBreak",
      }),
      paragraph(
        text("a link", [{ type: "link", attrs: { href: "https://example.com/a", target: "_blank", rel: null } }]),
      ),
      { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("one"))] }] },
      { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [paragraph(text("two"))] }] },
      { type: "blockquote", content: [paragraph(text("quoted"))] },
    );
    expect(ZEditorDoc.safeParse(full).success).toBe(true);
  });

  it.each([
    ["a code block", doc({ type: "codeBlock", content: [text("x")] })],
    ["an image", doc(paragraph({ type: "image", attrs: { src: "https://example.com/a.png" } }))],
    ["a strike mark", doc(paragraph(text("x", [{ type: "strike" }])))],
    ["a javascript: link", doc(paragraph(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])))],
    ["a data: link", doc(paragraph(text("x", [{ type: "link", attrs: { href: "data:text/html,<script>" } }])))],
    ["an empty text node", doc(paragraph(text("")))],
    ["a heading of level 7", doc({ type: "heading", attrs: { level: 7 }, content: [text("x")] })],
    ["a list without items", doc({ type: "bulletList", content: [] })],
    ["a root that is not a doc", paragraph(text("x"))],
    ["an unknown key on a node", doc({ type: "paragraph", content: [], onclick: "alert(1)" })],
  ])("refuses %s", (_name, value) => {
    expect(ZEditorDoc.safeParse(value).success).toBe(false);
  });

  it("drops attributes it does not know, such as a style", () => {
    const parsed = ZEditorDoc.parse(doc({ type: "paragraph", attrs: { style: "color: red" }, content: [text("x")] }));
    expect(JSON.stringify(parsed)).not.toContain("style");
  });

  it("refuses a document nested thousands deep without overflowing the stack", () => {
    let node: unknown = paragraph(text("x"));
    for (let index = 0; index < 10_000; index += 1) node = { type: "blockquote", content: [node] };
    const result = ZEditorDoc.safeParse(doc(node));
    expect(result.success).toBe(false);
  });
});

describe("ZArticleDoc and ZArticleUpdate", () => {
  it("refuses a document with no text", () => {
    expect(ZArticleDoc.safeParse(doc(paragraph())).success).toBe(false);
  });

  it("accepts an article of exactly the block limit, and refuses one block more with the limit's message", () => {
    const blocks = (count: number) => ({
      type: "doc",
      content: Array.from({ length: count }, (_, index) => paragraph(text(`P${index}`))),
    });
    expect(ZArticleDoc.safeParse(blocks(ARTICLE_LIMITS.blockCount)).success).toBe(true);
    const result = ZArticleUpdate.safeParse({ doc: blocks(ARTICLE_LIMITS.blockCount + 1) });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([TOO_MANY_BLOCKS_MESSAGE]);
  });

  it("counts blocks wherever they nest, and stops counting past the limit", () => {
    const list = { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("a"))] }] };
    expect(countDocBlocks(doc(paragraph(text("x")), { type: "blockquote", content: [list] }))).toBe(5);
    const huge = { type: "doc", content: Array.from({ length: 1_000_000 }, () => paragraph(text("x"))) };
    expect(countDocBlocks(huge, 10)).toBe(11);
  });

  it("lets a PATCH carry a doc alone", () => {
    expect(ZArticleUpdate.safeParse({ doc: doc(paragraph(text("New text."))) }).success).toBe(true);
  });
});
