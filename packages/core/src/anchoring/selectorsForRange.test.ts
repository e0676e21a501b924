import { describe, expect, it } from "vitest";
import { isQuoteAt, selectorsForRange } from "./selectorsForRange";
import { QUOTE_CONTEXT_LENGTH } from "./types";

const alphabet = "abcdefghijklmnopqrstuvwxyz";
const long = `${alphabet}${alphabet}TARGET${alphabet}${alphabet}`;

function isLoneSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdfff && !text.slice(index, index + 2).isWellFormed();
}

describe("selectorsForRange", () => {
  it("gives the position and the exact quote of the range", () => {
    const selectors = selectorsForRange("The quick brown fox", 4, 9);
    expect(selectors.position).toEqual({ start: 4, end: 9 });
    expect(selectors.quote.exact).toBe("quick");
  });

  it("keeps 32 characters of context on each side", () => {
    const start = long.indexOf("TARGET");
    const { quote } = selectorsForRange(long, start, start + 6);
    expect(QUOTE_CONTEXT_LENGTH).toBe(32);
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(quote.prefix).toBe(long.slice(start - 32, start));
    expect(quote.suffix).toBe(long.slice(start + 6, start + 6 + 32));
  });

  it("keeps shorter context at the edges of the text", () => {
    const { quote } = selectorsForRange("Hello world", 0, 5);
    expect(quote.prefix).toBe("");
    expect(quote.suffix).toBe(" world");
    expect(selectorsForRange("Hello world", 6, 11).quote).toEqual({ exact: "world", prefix: "Hello ", suffix: "" });
  });

  it("never cuts an emoji in half at the start of the prefix", () => {
    // The emoji's low surrogate would be the first unit of a 32-unit prefix.
    const text = `🛩${"x".repeat(31)}QUOTE`;
    const start = text.indexOf("QUOTE");
    expect(start - 32).toBe(1);
    const { quote } = selectorsForRange(text, start, start + 5);
    expect(quote.prefix.isWellFormed()).toBe(true);
    expect(quote.prefix).toBe("x".repeat(31));
  });

  it("never cuts an emoji in half at the end of the suffix", () => {
    // The emoji's high surrogate would be the last unit of a 32-unit suffix.
    const text = `QUOTE${"y".repeat(31)}🛩 tail`;
    const { quote } = selectorsForRange(text, 0, 5);
    expect(quote.suffix.isWellFormed()).toBe(true);
    expect(quote.suffix).toBe("y".repeat(31));
  });

  it("keeps an emoji whole when it fits inside the context", () => {
    const text = `say 🛩 ${"z".repeat(10)}QUOTE${"z".repeat(10)} 🛩 end`;
    const start = text.indexOf("QUOTE");
    const { quote } = selectorsForRange(text, start, start + 5);
    expect(quote.prefix).toBe(text.slice(0, start));
    expect(quote.suffix).toBe(text.slice(start + 5));
    expect(isLoneSurrogateAt(quote.prefix, 4)).toBe(false);
  });

  it("describes right-to-left text and combining marks by code units", () => {
    const text = "گفت: «تعداد محدودی پهپاد» Cafe\u0301";
    const start = text.indexOf("تعداد");
    const end = text.indexOf("»");
    const selectors = selectorsForRange(text, start, end);
    expect(selectors.quote.exact).toBe("تعداد محدودی پهپاد");
    expect(selectors.quote.prefix + selectors.quote.exact + selectors.quote.suffix).toBe(text);
  });
});

describe("isQuoteAt", () => {
  const text = "The rate was 5 percent. The rate fell.";
  const selectors = selectorsForRange(text, 4, 8);

  it("holds while the words and their context are where the selectors say", () => {
    expect(isQuoteAt(text, selectors)).toBe(true);
    expect(isQuoteAt(`${text} More.`, selectors)).toBe(true);
  });

  it("fails when the words moved, changed, or their context did, and at the text's ends", () => {
    expect(isQuoteAt(`A new start. ${text}`, selectors)).toBe(false);
    expect(isQuoteAt(text.replace("rate", "fate"), selectors)).toBe(false);
    expect(isQuoteAt(text.replace("was 5", "was 6"), selectors)).toBe(false);
    expect(isQuoteAt("The", selectors)).toBe(false);
    const atStart = selectorsForRange(text, 0, 3);
    expect(isQuoteAt(text, atStart)).toBe(true);
    expect(isQuoteAt(text.slice(0, 2), atStart)).toBe(false);
  });
});
