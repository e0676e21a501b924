import { describe, expect, it } from "vitest";
import { rationaleToHtml, rationaleToMarkdown, rationaleToPlainText } from "./renderRationale";

const RATIONALE =
  "Officials say *this summer*, **not** before.\nSee https://a.example/report.\n\n- [The envoy](https://b.example/x?y=1&z=<2>)\n- <b>raw</b>";

describe("the one rationale renderer", () => {
  it("renders HTML: paragraphs with line breaks, lists, emphasis, links only to http(s), everything escaped", () => {
    expect(rationaleToHtml(RATIONALE)).toBe(
      '<p dir="auto">Officials say <em>this summer</em>, <strong>not</strong> before.<br>' +
        'See <a href="https://a.example/report" rel="noopener noreferrer">https://a.example/report</a>.</p>' +
        '<ul dir="auto"><li><a href="https://b.example/x?y=1&amp;z=%3C2%3E" rel="noopener noreferrer">The envoy</a></li>' +
        "<li>&lt;b&gt;raw&lt;/b&gt;</li></ul>",
    );
    expect(rationaleToHtml("[x](javascript:alert(1))")).toBe('<p dir="auto">[x](javascript:alert(1))</p>');
    expect(rationaleToHtml("  \n\n ")).toBe("");
  });

  it("renders Markdown that keeps the formatting and neutralises everything else", () => {
    expect(rationaleToMarkdown(RATIONALE)).toBe(
      "Officials say *this summer*, **not** before.  \nSee <https://a.example/report>.\n\n" +
        "- [The envoy](<https://b.example/x?y=1&z=%3C2%3E>)\n- \\<b\\>raw\\</b\\>",
    );
  });

  it("renders plain text for ClaimReview's reviewBody: no markers, links spelled out", () => {
    expect(rationaleToPlainText(RATIONALE)).toBe(
      "Officials say this summer, not before.\nSee https://a.example/report.\n\n" +
        "- The envoy (https://b.example/x?y=1&z=<2>)\n- <b>raw</b>",
    );
    expect(rationaleToPlainText("1. one\n2. two")).toBe("1. one\n2. two");
  });

  it("reads a line's leading spaces as layout, as Markdown does, the same in every format", () => {
    // A rationale is Markdown-like text: indentation is layout ("  - item" is a list item), not content.
    const indented = "  Indented line\n    deeper line";
    expect(rationaleToHtml(indented)).toBe('<p dir="auto">Indented line<br>deeper line</p>');
    expect(rationaleToMarkdown(indented)).toBe("Indented line  \ndeeper line");
    expect(rationaleToPlainText(indented)).toBe("Indented line\ndeeper line");
    expect(rationaleToHtml("  - an item")).toBe('<ul dir="auto"><li>an item</li></ul>');
  });

  it("keeps an email address in a rationale as text in Markdown", () => {
    expect(rationaleToMarkdown("Ask foo@bar.com")).toBe("Ask foo\\@bar.com");
  });
});
