import { describe, expect, it } from "vitest";
import { articleText, type DocNode } from "./articleText";

function paragraph(...content: DocNode[]): DocNode {
  return { type: "paragraph", content };
}

function text(value: string): DocNode {
  return { type: "text", text: value };
}

describe("articleText", () => {
  it("joins text blocks with one newline, in document order", () => {
    const doc: DocNode = {
      type: "doc",
      content: [paragraph(text("One.")), paragraph(text("Two.")), paragraph(text("Three."))],
    };
    expect(articleText(doc)).toBe("One.\nTwo.\nThree.");
  });

  it("concatenates the text nodes of a block, whatever their marks", () => {
    const doc: DocNode = {
      type: "doc",
      content: [paragraph(text("plain "), { type: "text", text: "bold", marks: [{ type: "bold" }] }, text(" again"))],
    };
    expect(articleText(doc)).toBe("plain bold again");
  });

  it("turns a hard break into a newline inside its block", () => {
    const doc: DocNode = {
      type: "doc",
      content: [paragraph(text("line one"), { type: "hardBreak" }, text("line two"))],
    };
    expect(articleText(doc)).toBe("line one\nline two");
  });

  it("treats headings and code blocks as text blocks", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Title")] },
        paragraph(text("Body.")),
        { type: "codeBlock", content: [text("x = 1")] },
      ],
    };
    expect(articleText(doc)).toBe("Title\nBody.\nx = 1");
  });

  it("finds text blocks nested inside other blocks (quotes, lists)", () => {
    const doc: DocNode = {
      type: "doc",
      content: [
        { type: "blockquote", content: [paragraph(text("Quoted."))] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [paragraph(text("First"))] },
            { type: "listItem", content: [paragraph(text("Second"))] },
          ],
        },
      ],
    };
    expect(articleText(doc)).toBe("Quoted.\nFirst\nSecond");
  });

  it("keeps an empty paragraph as an empty line, so later offsets do not shift", () => {
    const doc: DocNode = { type: "doc", content: [paragraph(text("a")), { type: "paragraph" }, paragraph(text("b"))] };
    expect(articleText(doc)).toBe("a\n\nb");
  });

  it("gives an empty document an empty text", () => {
    expect(articleText({ type: "doc" })).toBe("");
    expect(articleText({ type: "doc", content: [] })).toBe("");
  });

  it("ignores inline nodes that carry no text", () => {
    const doc: DocNode = {
      type: "doc",
      content: [paragraph(text("a"), { type: "image", attrs: { src: "x" } }, text("b"))],
    };
    expect(articleText(doc)).toBe("ab");
  });

  describe("counts offsets in UTF-16 code units", () => {
    it("counts an emoji outside the BMP as two units", () => {
      const value = articleText({ type: "doc", content: [paragraph(text("Drones 🛩️ over Kyiv"))] });
      // U+1F6E9 is a surrogate pair, U+FE0F one more unit.
      expect(value.indexOf("over")).toBe("Drones ".length + 3 + 1);
      expect(value.slice(7, 10)).toBe("🛩️");
    });

    it("keeps combining marks as they are, without normalising", () => {
      const decomposed = "Cafe\u0301"; // e + combining acute
      const value = articleText({ type: "doc", content: [paragraph(text(decomposed)), paragraph(text("ok"))] });
      expect(value).toBe("Cafe\u0301\nok");
      expect(value.length).toBe(8);
      expect(value.normalize("NFC")).not.toBe(value);
    });

    it("keeps right-to-left text in logical order", () => {
      const persian = "ایران پهپاد فروخت";
      const value = articleText({ type: "doc", content: [paragraph(text("EN")), paragraph(text(persian))] });
      expect(value.slice(3)).toBe(persian);
      expect(value.indexOf("پهپاد")).toBe(3 + "ایران ".length);
    });

    it("keeps a flag and a family emoji (multi-codepoint sequences) intact", () => {
      const sequence = "🇺🇦 👨‍👩‍👧";
      const value = articleText({ type: "doc", content: [paragraph(text(sequence))] });
      expect(value).toBe(sequence);
      expect(value.length).toBe(4 + 1 + 8);
    });
  });
});
