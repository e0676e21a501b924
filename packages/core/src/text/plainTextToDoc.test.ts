import { describe, expect, it } from "vitest";
import { articleText } from "./articleText";
import { plainTextToDoc } from "./plainTextToDoc";

describe("plainTextToDoc", () => {
  it("makes one paragraph per non-empty line", () => {
    expect(plainTextToDoc("First line\nSecond line")).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "First line" }] },
        { type: "paragraph", content: [{ type: "text", text: "Second line" }] },
      ],
    });
  });

  it("drops blank lines and trims each line", () => {
    const doc = plainTextToDoc("\n\n  one  \n\n\t\n two\n\n");
    expect(articleText(doc)).toBe("one\ntwo");
    expect(doc.content).toHaveLength(2);
  });

  it("treats CRLF and lone CR as line ends", () => {
    expect(articleText(plainTextToDoc("a\r\nb\rc"))).toBe("a\nb\nc");
  });

  it("gives blank input a document with no paragraphs", () => {
    expect(plainTextToDoc("  \n \n")).toEqual({ type: "doc", content: [] });
  });

  it("round-trips through articleText for text that is already one trimmed line per paragraph", () => {
    const content = "Iran sold “a limited number of drones” 🛩️.\nایران\nCafe\u0301";
    expect(articleText(plainTextToDoc(content))).toBe(content);
  });
});
