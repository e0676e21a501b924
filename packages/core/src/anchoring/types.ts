/** W3C Web Annotation TextPositionSelector: [start, end) in the text projection, UTF-16 code units. */
export interface TextPosition {
  start: number;
  end: number;
}

/** W3C Web Annotation TextQuoteSelector: the quoted text and a little context on each side. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Both selectors of a claim, as stored. */
export interface Selectors {
  position: TextPosition;
  quote: TextQuote;
}

/** How many characters of context a quote selector keeps on each side. */
export const QUOTE_CONTEXT_LENGTH = 32;
