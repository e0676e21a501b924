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

/** One end of a RangeSelector: a quote, or a position (code points in the article's text). */
export interface ForeignRangeEnd {
  quote?: ForeignQuote;
  position?: { start: number; end: number };
}

/**
 * What a target says about where its text is. `position` counts Unicode code points, as the W3C model does;
 * `paragraph` is a position counted inside one paragraph an XPath names (`/html/body/p[2]`: index 1), which
 * placeForeignSelectors counts from the start of that line of the article's text; `range` is a RangeSelector from
 * where its start selector's match starts to where its end selector's match ends (when both are positions, it is
 * read as a `position`).
 */
export interface ForeignSelectors {
  quote?: ForeignQuote;
  position?: { start: number; end: number };
  paragraph?: { index: number; start: number; end: number };
  range?: { start: ForeignRangeEnd; end: ForeignRangeEnd };
}

/**
 * How deep selectors may be refined (XPathSelector → refinedBy → TextQuoteSelector is 1): real producers refine once
 * or twice; a target refined deeper is skipped with its reason, so no walk over a hostile document goes deep.
 */
export const MAX_REFINEMENT_DEPTH = 16;

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
  const reason = collectAll(selectors, found);
  if (found.quote || found.position || found.paragraph || found.range) return { isText: true, selectors: found };
  return { isText: false, reason: reason ?? "Its target has no text selector Factmark reads." };
}

/** What a position inside a selector counts in: the article's text, one of its paragraphs, or an unknown element. */
type Scope = { kind: "article" } | { kind: "paragraph"; index: number } | { kind: "element" };

/**
 * An XPath naming one paragraph of a page whose body is the article (`/p[2]`, `/html/body/p[2]`,
 * `/html[1]/body[1]/p[2]`, `//p[2]`): the paragraph's index from 0. Factmark's text projection is the article's
 * blocks joined by "\n", one line a paragraph, so the nth `p` is its nth line where the article has paragraphs only.
 */
const PARAGRAPH_XPATH = /^(?:\/html(?:\[1\])?\/body(?:\[1\])?)?\/\/?p\[([1-9]\d{0,5})\]\/?$/;

/**
 * Adds what a target's selectors say to `found`, walking refinements with a stack (no recursion: a document may nest
 * them thousands deep) up to MAX_REFINEMENT_DEPTH; answers why it added nothing, when it did not.
 */
function collectAll(selectors: unknown[], found: ForeignSelectors): string | undefined {
  const stack: { selector: unknown; scope: Scope; depth: number }[] = selectors
    .map((selector) => ({ selector, scope: { kind: "article" } as Scope, depth: 0 }))
    .reverse();
  let reason: string | undefined;
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { selector, scope, depth } = next;
    if (depth > MAX_REFINEMENT_DEPTH) {
      return `Its selectors are refined more than ${MAX_REFINEMENT_DEPTH} levels deep (refinedBy inside refinedBy); Factmark reads at most ${MAX_REFINEMENT_DEPTH}.`;
    }
    const result = collectOne(selector, found, scope);
    if (typeof result === "string") reason ??= result;
    else if (result) {
      for (const refinement of [...result.refinements].reverse()) {
        stack.push({ selector: refinement, scope: result.scope, depth: depth + 1 });
      }
    }
  }
  return found.quote || found.position || found.paragraph || found.range ? undefined : reason;
}

/**
 * What one selector adds to `found` (nothing to answer), why it adds nothing (a string), or the refinements to read
 * next and what their positions count in.
 */
function collectOne(
  selector: unknown,
  found: ForeignSelectors,
  scope: Scope,
): string | undefined | { refinements: unknown[]; scope: Scope } {
  if (!isObject(selector)) return "A selector is not an object.";
  const type = selector.type;
  if (type === "TextQuoteSelector") {
    const quote = readQuote(selector);
    if (typeof quote === "string") return quote;
    found.quote ??= quote;
    return undefined;
  }
  if (type === "TextPositionSelector") {
    const position = readPosition(selector);
    if (typeof position === "string") return position;
    if (scope.kind === "element") {
      return "Its position counts inside the element its XPath or range selects, which Factmark cannot locate in the article's plain text, and it has no quote to find it by.";
    }
    if (scope.kind === "paragraph") found.paragraph ??= { index: scope.index, ...position };
    else found.position ??= position;
    return undefined;
  }
  // A RangeSelector of two text selectors; one of two elements (XPaths) is placed by its refinement, below.
  if (type === "RangeSelector" && (isTextSelector(selector.startSelector) || isTextSelector(selector.endSelector))) {
    const start = readRangeEnd(selector.startSelector, "startSelector");
    if (typeof start === "string") return start;
    const end = readRangeEnd(selector.endSelector, "endSelector");
    if (typeof end === "string") return end;
    if (scope.kind !== "article" && (start.position || end.position)) {
      return "Its RangeSelector counts positions inside an element Factmark cannot locate in the article's plain text.";
    }
    if (start.position && end.position) {
      if (start.position.start > end.position.end) {
        return `Its RangeSelector starts after it ends (start ${start.position.start}, end ${end.position.end}).`;
      }
      found.position ??= { start: start.position.start, end: end.position.end };
    } else found.range ??= { start, end };
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
    const value = type === "XPathSelector" && typeof selector.value === "string" ? selector.value.trim() : undefined;
    const paragraph = value === undefined ? null : PARAGRAPH_XPATH.exec(value);
    const inner: Scope =
      scope.kind !== "article"
        ? { kind: "element" }
        : value !== undefined && DOCUMENT_XPATH.test(value)
          ? scope
          : paragraph?.[1]
            ? { kind: "paragraph", index: Number(paragraph[1]) - 1 }
            : { kind: "element" };
    return { refinements, scope: inner };
  }
  if (typeof type === "string" && MEDIA_SELECTORS.has(type)) {
    return `It is not about text: its ${type} names a region of an image or a file.`;
  }
  return `Factmark does not read a selector of type ${typeof type === "string" ? quoteForMessage(type) : "(none)"}.`;
}

function isTextSelector(selector: unknown): boolean {
  return isObject(selector) && (selector.type === "TextQuoteSelector" || selector.type === "TextPositionSelector");
}

/** A TextQuoteSelector's quote, or what is wrong with its `exact`. */
function readQuote(selector: Json): ForeignQuote | string {
  const { exact } = selector;
  if (exact === undefined || exact === null) return 'Its TextQuoteSelector has no "exact" text.';
  if (typeof exact !== "string") {
    return `Its TextQuoteSelector's "exact" must be text (it is ${describeValue(exact)}).`;
  }
  if (exact.trim().length === 0) return 'Its TextQuoteSelector\'s "exact" text is empty.';
  return {
    exact,
    ...(typeof selector.prefix === "string" ? { prefix: selector.prefix } : {}),
    ...(typeof selector.suffix === "string" ? { suffix: selector.suffix } : {}),
  };
}

/** A TextPositionSelector's range, or what is wrong with its offsets. */
function readPosition(selector: Json): { start: number; end: number } | string {
  for (const key of ["start", "end"] as const) {
    if (!isOffset(selector[key])) {
      return `Its TextPositionSelector's "${key}" must be a whole number, 0 or more (it is ${describeValue(selector[key])}).`;
    }
  }
  const start = selector.start as number;
  const end = selector.end as number;
  if (start > end) return `Its TextPositionSelector starts after it ends (start ${start}, end ${end}).`;
  if (start === end) return `Its TextPositionSelector selects nothing (start and end are both ${start}).`;
  return { start, end };
}

/** One end of a RangeSelector: a quote or a position selector. */
function readRangeEnd(selector: unknown, name: string): ForeignRangeEnd | string {
  if (!isObject(selector)) return `Its RangeSelector has no ${name}.`;
  if (selector.type === "TextQuoteSelector") {
    const quote = readQuote(selector);
    return typeof quote === "string" ? quote : { quote };
  }
  if (selector.type === "TextPositionSelector") {
    const position = readPosition(selector);
    return typeof position === "string" ? position : { position };
  }
  return `Its RangeSelector's ${name} is ${typeof selector.type === "string" ? `a ${quoteForMessage(selector.type)}` : "of no type"}, which names a part of a web page Factmark cannot locate in the article's plain text; a TextQuoteSelector or TextPositionSelector can be placed.`;
}

/** A foreign value in a message: a string quoted, a number or literal as it is, an object or list by its kind. */
function describeValue(value: unknown): string {
  if (typeof value === "string") return quoteForMessage(value);
  if (Array.isArray(value)) return "a list";
  if (isObject(value)) return "an object";
  return String(value);
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
