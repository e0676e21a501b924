import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escapeHtml";
import { formatReportDate } from "./formatReportDate";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

describe("toSafeHttpUrl", () => {
  it("normalises http(s) URLs, percent-encoding what an attribute or IRI cannot hold", () => {
    expect(toSafeHttpUrl('https://example.org/a b?q="x"')).toBe("https://example.org/a%20b?q=%22x%22");
    expect(toSafeHttpUrl(" http://EXAMPLE.org ")).toBe("http://example.org/");
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "/relative", "example.org", "", null, undefined])(
    "refuses %s",
    (value) => {
      expect(toSafeHttpUrl(value)).toBeNull();
    },
  );
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in content and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("formatReportDate", () => {
  it("prints dates as they are and timestamps in UTC to the minute", () => {
    expect(formatReportDate("2022-11-10")).toBe("2022-11-10");
    expect(formatReportDate("2026-01-15T14:30:59+02:00")).toBe("2026-01-15 12:30 UTC");
    expect(formatReportDate("not a date")).toBe("not a date");
  });
});
