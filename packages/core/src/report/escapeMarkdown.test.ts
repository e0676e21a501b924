import { describe, expect, it } from "vitest";
import { escapeMarkdown, escapeMarkdownLine } from "./escapeMarkdown";

describe("escapeMarkdown", () => {
  it("leaves ordinary prose readable", () => {
    expect(escapeMarkdown("U.S. envoy: Iran sold 10 drones (or more)!")).toBe(
      "U.S. envoy: Iran sold 10 drones (or more)!",
    );
  });

  it("escapes inline markup, links and raw HTML", () => {
    expect(escapeMarkdown("*a* _b_ `c` [d](e) <i>f</i> g|h ~i~ \\")).toBe(
      "\\*a\\* \\_b\\_ \\`c\\` \\[d\\]\\(e) \\<i\\>f\\</i\\> g\\|h \\~i\\~ \\\\",
    );
  });

  it("escapes what means something only at the start of a line", () => {
    expect(escapeMarkdown("# heading")).toBe("\\# heading");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("+ item")).toBe("\\+ item");
    expect(escapeMarkdown("1. item")).toBe("1\\. item");
    expect(escapeMarkdown("> quote")).toBe("\\> quote");
    expect(escapeMarkdown("a - b # c")).toBe("a - b # c");
  });

  it("turns line breaks into spaces", () => {
    expect(escapeMarkdown("one\ntwo\r\nthree")).toBe("one two three");
  });

  it("keeps a link's text from holding a link, and bare URLs from becoming links", () => {
    expect(escapeMarkdown("[a](javascript:x)")).toBe("\\[a\\]\\(javascript:x)");
    expect(escapeMarkdown("see https://evil.example or www.evil.example")).toBe(
      "see https\\://evil.example or www\\.evil.example",
    );
  });

  it("escapes an & that starts an entity, so typed &amp; shows as typed", () => {
    expect(escapeMarkdown("Q&A: &amp; &#38; &#x26; &copy;")).toBe("Q&A: \\&amp; \\&#38; \\&#x26; \\&copy;");
  });

  it("escapes $ so no math renderer reads $x$ or $$x$$ as a formula", () => {
    expect(escapeMarkdown("costs $5, $x$ and $$y$$")).toBe("costs \\$5, \\$x\\$ and \\$\\$y\\$\\$");
  });

  it("keeps leading spaces as no-break spaces, which renderers neither strip nor read as a code block", () => {
    expect(escapeMarkdownLine("    indented")).toBe("&nbsp;&nbsp;&nbsp;&nbsp;indented");
    expect(escapeMarkdownLine("  # not a heading")).toBe("&nbsp;&nbsp;\\# not a heading");
    expect(escapeMarkdownLine("\tx")).toBe("&nbsp;&nbsp;&nbsp;&nbsp;x");
    // Inside a line (after emphasis, say) a space is an ordinary space.
    expect(escapeMarkdown(" the war")).toBe(" the war");
  });

  it("escapes a trailing run of # that would close a heading", () => {
    expect(escapeMarkdown("Issue ##")).toBe("Issue \\##");
    expect(escapeMarkdown("C# and F#")).toBe("C# and F#");
  });

  it("escapes @ so an email address or a mention is no autolink", () => {
    expect(escapeMarkdown("foo@bar.com, pw@example.org, @mention")).toBe("foo\\@bar.com, pw\\@example.org, \\@mention");
  });
});
