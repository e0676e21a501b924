/** A quote cut to `maxLength` characters (on a word boundary when one is near), with an ellipsis when cut. */
export function quotePreview(quote: string, maxLength = 120): string {
  const text = quote.replace(/\s+/g, " ").trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
}
