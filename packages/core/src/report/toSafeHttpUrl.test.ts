import { describe, expect, it } from "vitest";
import { escapeHtml } from "./escapeHtml";
import { formatReportDate } from "./formatReportDate";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

describe("toSafeHttpUrl", () => {
  it("normalises http(s) URLs, percent-encoding what an attribute or IRI cannot hold", () => {
    expect(toSafeHttpUrl('https://example.org/a b?q="x"')).toBe("https://example.org/a%20b?q=%22x%22");
    expect(toSafeHttpUrl(" http://EXAMPLE.org ")).toBe("http://example.org/");
  });

  it.each([
    ["a ] in the path", "https://example.org/a]b", "https://example.org/a%5Db"],
    ["a space", "https://example.org/a b", "https://example.org/a%20b"],
    [
      "what RFC 3986 forbids and WHATWG keeps",
      "https://example.org/a[b|c^d{e}f`g?q=[x]|^{}`#frag[]|^{}#`",
      "https://example.org/a%5Bb%7Cc%5Ed%7Be%7Df%60g?q=%5Bx%5D%7C%5E%7B%7D%60#frag%5B%5D%7C%5E%7B%7D%23%60",
    ],
    ["a % that starts no escape", "https://example.org/100%?x=%zz&y=%4", "https://example.org/100%25?x=%25zz&y=%254"],
    ["a % escape, kept", "https://example.org/a%5Db%C3%A9", "https://example.org/a%5Db%C3%A9"],
    [
      "user info, left out (a password never reaches a report)",
      "https://u[s]:p|w@example.org/",
      "https://example.org/",
    ],
    ["a user name alone, left out", "https://user@example.org/a@b", "https://example.org/a@b"],
    ["an IPv6 host, whose brackets stay", "https://[::1]:8080/x]", "https://[::1]:8080/x%5D"],
    ["a non-ASCII host and path", "https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"],
  ])("serialises %s as WHATWG does, then escapes what RFC 3986 forbids", (_name, value, expected) => {
    expect(toSafeHttpUrl(value)).toBe(expected);
    // Normalising twice changes nothing, so stored URLs and URLs escaped on output agree.
    expect(toSafeHttpUrl(expected)).toBe(expected);
  });

  it("answers only URLs an RFC 3986 parser takes whole", () => {
    const rfc3986 =
      /^https?:\/\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:%]*@)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::\d*)?(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)*(?:\?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/;
    let hostile = "";
    for (let code = 0x20; code < 0x7f; code++) hostile += String.fromCharCode(code);
    for (const value of [
      `https://example.org/${hostile}`,
      `https://example.org/?${hostile}`,
      `https://example.org/#${hostile}`,
      "https://example.org/😀 عربى \u00a0\u200f",
    ]) {
      expect(toSafeHttpUrl(value)).toMatch(rfc3986);
    }
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
