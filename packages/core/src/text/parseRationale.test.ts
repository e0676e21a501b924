import { describe, expect, it } from "vitest";
import { parseRationale } from "./parseRationale";

describe("parseRationale", () => {
  it("splits paragraphs on blank lines and keeps single line breaks inside one", () => {
    expect(parseRationale("First line\nsame paragraph\n\nSecond.")).toEqual([
      {
        type: "paragraph",
        lines: [[{ type: "text", text: "First line" }], [{ type: "text", text: "same paragraph" }]],
      },
      { type: "paragraph", lines: [[{ type: "text", text: "Second." }]] },
    ]);
  });

  it("reads dashed and numbered lines as lists", () => {
    const blocks = parseRationale("Sources:\n- UN report\n- EU sanctions\n1. one\n2. two");
    expect(blocks.map((block) => block.type)).toEqual(["paragraph", "list", "list"]);
    expect(blocks[1]).toMatchObject({ isOrdered: false, items: [[{ text: "UN report" }], [{ text: "EU sanctions" }]] });
    expect(blocks[2]).toMatchObject({ isOrdered: true });
  });

  it("links http(s) URLs and markdown links, leaving the sentence's full stop outside", () => {
    expect(parseRationale("See https://example.org/report. And [the EU](https://europa.eu/x).")).toEqual([
      {
        type: "paragraph",
        lines: [
          [
            { type: "text", text: "See " },
            { type: "link", text: "https://example.org/report", href: "https://example.org/report" },
            { type: "text", text: ". And " },
            { type: "link", text: "the EU", href: "https://europa.eu/x" },
            { type: "text", text: "." },
          ],
        ],
      },
    ]);
  });

  it("never makes a link of javascript: or data: URLs, and keeps markup as text", () => {
    const blocks = parseRationale(
      '[click](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror="alert(1)">',
    );
    const inlines = blocks.flatMap((block) => (block.type === "paragraph" ? block.lines.flat() : block.items.flat()));
    expect(inlines.every((inline) => inline.type === "text")).toBe(true);
    expect(inlines.map((inline) => inline.text).join("")).toContain("<script>alert(1)</script>");
  });

  it("reads *emphasis*, _emphasis_ and **strong** words, and leaves arithmetic, identifiers and URLs alone", () => {
    const [block] = parseRationale("Transfers *this summer*, **not** before; _really_. 2*3*4 and snake_case_name.");
    expect(block).toEqual({
      type: "paragraph",
      lines: [
        [
          { type: "text", text: "Transfers " },
          { type: "emphasis", text: "this summer" },
          { type: "text", text: ", " },
          { type: "strong", text: "not" },
          { type: "text", text: " before; " },
          { type: "emphasis", text: "really" },
          { type: "text", text: ". 2*3*4 and snake_case_name." },
        ],
      ],
    });
    expect(parseRationale("See https://example.org/a_b_c/*x* now")[0]).toEqual({
      type: "paragraph",
      lines: [
        [
          { type: "text", text: "See " },
          { type: "link", text: "https://example.org/a_b_c/*x*", href: "https://example.org/a_b_c/*x*" },
          { type: "text", text: " now" },
        ],
      ],
    });
    expect(parseRationale("a * b * c")[0]).toEqual({
      type: "paragraph",
      lines: [[{ type: "text", text: "a * b * c" }]],
    });
  });
});
