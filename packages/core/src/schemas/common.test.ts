import { describe, expect, it } from "vitest";
import { ZHttpUrl, ZId, ZIdParam, ZOptionalLine, ZTimestamp, ZUserText } from "./common";

describe("ZHttpUrl", () => {
  it.each([
    "https://user:pw@example.org/",
    "https://user@example.org/",
    "http://:secret@example.org/x",
    "https://a%40b:c@example.org/",
  ])("refuses %s, which carries credentials, naming them", (url) => {
    const result = ZHttpUrl.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/user name or password/);
  });

  it("takes an @ in the path or query, which is no credential", () => {
    expect(ZHttpUrl.parse("https://example.org/@someone?by=a@b")).toBe("https://example.org/@someone?by=a@b");
  });

  it("accepts http and https URLs", () => {
    expect(ZHttpUrl.parse("https://allisrael.com/iran-admits")).toBe("https://allisrael.com/iran-admits");
    expect(ZHttpUrl.parse("http://example.org")).toBe("http://example.org/");
  });

  it("keeps a URL as the WHATWG parser serialises it, with what RFC 3986 forbids percent-encoded", () => {
    expect(ZHttpUrl.parse("https://example.org/a]b")).toBe("https://example.org/a%5Db");
    expect(ZHttpUrl.parse("https://Example.ORG/a b?q=|x|#top")).toBe("https://example.org/a%20b?q=%7Cx%7C#top");
    expect(ZHttpUrl.parse("https://bücher.example/straße")).toBe("https://xn--bcher-kva.example/stra%C3%9Fe");
  });

  it("trims surrounding whitespace", () => {
    expect(ZHttpUrl.parse("  https://example.org/a  ")).toBe("https://example.org/a");
  });

  it.each([
    ["javascript:", "javascript:alert(1)"],
    ["javascript: in capitals", "JavaScript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["no scheme", "example.org/page"],
    ["a scheme-relative URL", "//example.org/page"],
    ["ftp:", "ftp://example.org/file"],
    ["file:", "file:///etc/passwd"],
    ["an empty string", ""],
    ["a host-less http URL", "http://"],
  ])("rejects %s", (_name, value) => {
    const result = ZHttpUrl.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe("Give a full http:// or https:// URL.");
  });

  it("rejects a URL longer than 2048 characters", () => {
    expect(ZHttpUrl.safeParse(`https://example.org/${"a".repeat(2048)}`).success).toBe(false);
  });
});

describe("ZId", () => {
  it("accepts letters, digits, '-' and '_'", () => {
    expect(ZId.safeParse("clm_01-AB").success).toBe(true);
  });

  it("rejects path characters and empty ids", () => {
    expect(ZId.safeParse("../etc").success).toBe(false);
    expect(ZId.safeParse("").success).toBe(false);
  });
});

describe("ZIdParam", () => {
  it("reads a route's :id parameter as an id", () => {
    expect(ZIdParam.parse({ id: "art_01-AB" })).toEqual({ id: "art_01-AB" });
    expect(ZIdParam.safeParse({ id: "../etc" }).success).toBe(false);
    expect(ZIdParam.safeParse({}).success).toBe(false);
  });
});

describe("ZUserText", () => {
  it("accepts emoji, combining marks and right-to-left text", () => {
    expect(ZUserText(100).safeParse("🛩️ Cafe\u0301 ایران").success).toBe(true);
  });

  it("rejects NUL characters, lone surrogates and overlong text", () => {
    expect(ZUserText(100).safeParse("a\u0000").success).toBe(false);
    expect(ZUserText(100).safeParse("\udc00").success).toBe(false);
    expect(ZUserText(3).safeParse("abcd").success).toBe(false);
  });
});

describe("ZOptionalLine", () => {
  it("turns blank into null and trims the rest", () => {
    expect(ZOptionalLine(10).parse("  ")).toBeNull();
    expect(ZOptionalLine(10).parse(" x ")).toBe("x");
    expect(ZOptionalLine(10).parse(undefined)).toBeUndefined();
  });
});

describe("ZTimestamp", () => {
  it("accepts ISO 8601 with Z or an offset, and rejects a bare date", () => {
    expect(ZTimestamp.safeParse("2022-11-08T10:00:00.000Z").success).toBe(true);
    expect(ZTimestamp.safeParse("2022-11-08T10:00:00+02:00").success).toBe(true);
    expect(ZTimestamp.safeParse("2022-11-08").success).toBe(false);
  });
});
