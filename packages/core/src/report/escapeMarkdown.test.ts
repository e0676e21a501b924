import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "./escapeMarkdown";

describe("escapeMarkdown", () => {
  it("leaves ordinary prose readable", () => {
    expect(escapeMarkdown("U.S. envoy: Iran sold 10 drones (or more)!")).toBe(
      "U.S. envoy: Iran sold 10 drones (or more)!",
    );
  });

  it("escapes inline markup, links and raw HTML", () => {
    expect(escapeMarkdown("*a* _b_ `c` [d](e) <i>f</i> g|h ~i~ \\")).toBe(
      "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<i\\>f\\</i\\> g\\|h \\~i\\~ \\\\",
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
});
