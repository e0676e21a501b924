/**
 * Reads the text selectors of a foreign Web Annotation target, whoever wrote it: Hypothesis (a list of targets, each
 * with RangeSelector, TextPositionSelector and TextQuoteSelector side by side), Recogito, or the W3C model's own
 * shapes (one selector, a list, an XPathSelector or RangeSelector `refinedBy` a text selector).
 */

/** A quote as a foreign annotation gives it; prefix and suffix may be absent. */
export interface ForeignQuote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** What a target says about where its text is. `position` counts Unicode code points, as the W3C model does. */
export interface ForeignSelectors {
  quote?: ForeignQuote;
  position?: { start: number; end: number };
}

/** A target's text selectors, or why it has none Factmark can use (in words, for the import's answer). */
export type TargetReading = { isText: true; selectors: ForeignSelectors } | { isText: false; reason: string };

type Json = Record<string, unknown>;

const MEDIA_TYPES = new Set(["Image", "Video", "Sound", "Audio", "Model"]);
const MEDIA_SELECTORS = new Set(["SvgSelector", "DataPositionSelector"]);
/** XPaths that select the whole document: a position refining them counts in the article's text. */
const DOCUMENT_XPATH = /^\/(html(\[1\])?(\/body(\[1\])?)?)?\/?$/;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The text selectors of a target (or of the first of several targets that has any), or why it is not about text:
 * a whole resource named by its address, an image or media region, no selector at all, or a position that counts
 * inside an element of a web page Factmark does not have.
 */
export function readTextTarget(target: unknown): TargetReading {
  const targets = listOf(target);
  let firstReason: string | undefined;
  for (const one of targets) {
    const reading = readOneTarget(one);
    if (reading.isText) return reading;
    firstReason ??= reading.reason;
  }
  return { isText: false, reason: firstReason ?? "The annotation has no target." };
}

function readOneTarget(target: unknown): TargetReading {
  if (typeof target === "string") {
    return {
      isText: false,
      reason: `It targets the whole resource ${quoteForMessage(target)}, with no selector naming a passage.`,
    };
  }
  if (!isObject(target)) return { isText: false, reason: "Its target is neither an address nor an object." };
  const type = typeof target.type === "string" ? target.type : undefined;
  const format = typeof target.format === "string" ? target.format : "";
  if ((type && MEDIA_TYPES.has(type)) || /^(image|video|audio)\//.test(format)) {
    return { isText: false, reason: `It is not about text: its target is ${describeMedia(type, format)}.` };
  }
  const selectors = listOf(target.selector);
  if (selectors.length === 0) {
    return { isText: false, reason: "Its target has no selector: it is a note on the whole page, not on a passage." };
  }
  const found: ForeignSelectors = {};
  let reason: string | undefined;
  for (const selector of selectors) {
    const result = collect(selector, found, true);
    reason ??= result;
  }
  if (found.quote || found.position) return { isText: true, selectors: found };
  return { isText: false, reason: reason ?? "Its target has no text selector Factmark reads." };
}

/**
 * Adds what one selector says to `found`; answers why it added nothing, when it did not. `countsInArticle`: whether
 * a position here counts in the whole text (false inside a refinement of an element that is not the document).
 */
function collect(selector: unknown, found: ForeignSelectors, countsInArticle: boolean): string | undefined {
  if (!isObject(selector)) return "A selector is not an object.";
  const type = selector.type;
  if (type === "TextQuoteSelector" && typeof selector.exact === "string" && selector.exact.trim().length > 0) {
    found.quote ??= {
      exact: selector.exact,
      ...(typeof selector.prefix === "string" ? { prefix: selector.prefix } : {}),
      ...(typeof selector.suffix === "string" ? { suffix: selector.suffix } : {}),
    };
    return undefined;
  }
  if (type === "TextPositionSelector" && isOffset(selector.start) && isOffset(selector.end)) {
    if (!countsInArticle) {
      return "Its position counts inside the element its XPath or range selects, which Factmark cannot locate in the article's plain text, and it has no quote to find it by.";
    }
    found.position ??= { start: selector.start, end: selector.end };
    return undefined;
  }
  if (type === "XPathSelector" || type === "RangeSelector" || type === "CssSelector" || type === "FragmentSelector") {
    if (
      type === "FragmentSelector" &&
      typeof selector.value === "string" &&
      /^(xywh|t|track|id)=/.test(selector.value)
    ) {
      return `It is not about text: its FragmentSelector "${selector.value.slice(0, 40)}" names a region of an image or a video.`;
    }
    const refinements = listOf(selector.refinedBy);
    if (refinements.length === 0) {
      return `Its ${type} names a part of a web page, which Factmark cannot locate in the article's plain text without a text selector refining it.`;
    }
    const isWholeDocument =
      type === "XPathSelector" && typeof selector.value === "string" && DOCUMENT_XPATH.test(selector.value);
    let reason: string | undefined;
    for (const refinement of refinements) {
      const result = collect(refinement, found, countsInArticle && isWholeDocument);
      reason ??= result;
    }
    return found.quote || found.position ? undefined : reason;
  }
  if (typeof type === "string" && MEDIA_SELECTORS.has(type)) {
    return `It is not about text: its ${type} names a region of an image or a file.`;
  }
  return `Factmark does not read a selector of type ${typeof type === "string" ? quoteForMessage(type) : "(none)"}.`;
}

function isOffset(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function describeMedia(type: string | undefined, format: string): string {
  if (type === "Image" || format.startsWith("image/")) return "an image";
  if (type === "Video" || format.startsWith("video/")) return "a video";
  if (type === "Sound" || type === "Audio" || format.startsWith("audio/")) return "a sound";
  return "a 3D model";
}

/** A foreign string in a message, quoted and cut short. */
export function quoteForMessage(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 79)}…` : value);
}
