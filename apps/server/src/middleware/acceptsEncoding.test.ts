import { describe, expect, it } from "vitest";
import { acceptsEncoding } from "./acceptsEncoding";

describe("acceptsEncoding", () => {
  it("takes a coding when named or covered by *, unless its weight is 0, as compress() reads the header", () => {
    expect(acceptsEncoding("gzip, deflate, br", "gzip")).toBe(true);
    expect(acceptsEncoding("br, *", "gzip")).toBe(true);
    expect(acceptsEncoding("GZIP;q=0.5", "gzip")).toBe(true);
    expect(acceptsEncoding("gzip;q=0, *", "gzip")).toBe(false);
    expect(acceptsEncoding("gzip;q=0, *", "deflate")).toBe(true);
    expect(acceptsEncoding("deflate, br", "gzip")).toBe(false);
    expect(acceptsEncoding("*;q=0", "gzip")).toBe(false);
    expect(acceptsEncoding("gzip;q=abc", "gzip")).toBe(true);
    expect(acceptsEncoding("", "gzip")).toBe(false);
    expect(acceptsEncoding(undefined, "deflate")).toBe(false);
  });
});
