import {
  type AnnotationDocumentEntry,
  findNearestMatch,
  isQuoteAt,
  type NearestMatch,
  type PlannedItem,
  planAnnotationEntries,
  type ReanchorResult,
  reanchorAll,
  type Selectors,
} from "@factmark/core";
import { workerTask } from "../work/workerTask";

export { warm } from "../work/warm";

/**
 * The anchoring a request runs on a worker thread of the heavy-work pool (see reanchorArticleClaims.ts,
 * findClaimNearestMatch.ts and importAnnotations.ts, which send them): fuzzy searches through long texts, bounded
 * by core's budgets but still too slow for the event loop.
 */

/**
 * Core's reanchorAll: one result per claim, in order, with one shared search budget. The texts, the claims and their
 * results cross the threads packed (packTexts, packClaims, packPlacements): at 10,000 claims on 200,000 words, the
 * structured clone of the two texts as strings took 8–30 ms and of the selectors and results as objects 60 ms each
 * way (mostly rebuilding the objects on the other side), against 3 ms for reanchorAll itself, and grew faster than
 * the claims.
 */
export const reanchorClaims = workerTask((input: PackedReanchoring): PackedPlacements => {
  const [oldText, newText] = unpackTexts(input.texts) as [string, string];
  const claims = unpackClaims(input.claims, oldText);
  return packPlacements(claims, reanchorAll(claims, oldText, newText));
});

/** What reanchorClaims is sent: the old and the new text (packTexts), and the claims on the old one (packClaims). */
export interface PackedReanchoring {
  texts: PackedTexts;
  claims: PackedClaims;
}

/**
 * Strings as they cross to a thread: their code units in one byte array, one byte each when every one fits (Latin-1,
 * as most texts), else two. A byte array is copied whole in a fraction of a millisecond; a string of a megabyte,
 * through the structured clone, took 4–15 ms.
 */
export interface PackedTexts {
  encoding: "latin1" | "utf16le";
  bytes: Uint8Array;
  lengths: number[];
}

export function packTexts(texts: readonly string[]): PackedTexts {
  // Every code unit is kept as it is, lone surrogates too: Latin-1 for units up to 0xFF, UTF-16 for any.
  const encoding = texts.some((text) => /[\u0100-\uffff]/.test(text)) ? "utf16le" : "latin1";
  const lengths = texts.map((text) => text.length);
  const unitBytes = encoding === "latin1" ? 1 : 2;
  const bytes = Buffer.allocUnsafeSlow(lengths.reduce((sum, length) => sum + length, 0) * unitBytes);
  let offset = 0;
  for (const text of texts) offset += bytes.write(text, offset, encoding);
  return { encoding, bytes, lengths };
}

export function unpackTexts({ encoding, bytes, lengths }: PackedTexts): string[] {
  const joined = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
  const take = sliceReader(joined);
  return lengths.map((length) => take(length));
}

/**
 * Claims' selectors as they cross to a thread, in order: both ends of each, and the lengths of its quote's exact,
 * prefix and suffix. A quote that is the text's own words at its place, as a claim's is until an edit moves it,
 * is sent as those lengths alone (`isInText`) and read from the text on the other side; the other quotes' texts are
 * in `quotes`, in turn. Typed arrays and one string are copied whole, where 10,000 objects are rebuilt one by one.
 */
export interface PackedClaims {
  positions: Int32Array;
  quoteLengths: Int32Array;
  isInText: Uint8Array;
  quotes: PackedTexts;
}

/** Packs claims' selectors on `text` (see PackedClaims). */
export function packClaims(claims: readonly { selectors: Selectors }[], text: string): PackedClaims {
  const positions = new Int32Array(claims.length * 2);
  const quoteLengths = new Int32Array(claims.length * 3);
  const isInText = new Uint8Array(claims.length);
  let quotes = "";
  claims.forEach(({ selectors: { position, quote } }, index) => {
    positions[index * 2] = position.start;
    positions[index * 2 + 1] = position.end;
    quoteLengths[index * 3] = quote.exact.length;
    quoteLengths[index * 3 + 1] = quote.prefix.length;
    quoteLengths[index * 3 + 2] = quote.suffix.length;
    if (isQuoteAt(text, { position, quote })) isInText[index] = 1;
    else quotes += quote.exact + quote.prefix + quote.suffix;
  });
  return { positions, quoteLengths, isInText, quotes: packTexts([quotes]) };
}

/** The claims packClaims packed on `text`, in order. */
export function unpackClaims(
  { positions, quoteLengths, isInText, quotes: packedQuotes }: PackedClaims,
  text: string,
): { selectors: Selectors }[] {
  const claims: { selectors: Selectors }[] = [];
  const [quotes = ""] = unpackTexts(packedQuotes);
  const take = sliceReader(quotes);
  for (let index = 0; index < isInText.length; index++) {
    const start = positions[index * 2] as number;
    const end = positions[index * 2 + 1] as number;
    const prefixLength = quoteLengths[index * 3 + 1] as number;
    const suffixLength = quoteLengths[index * 3 + 2] as number;
    const quote = isInText[index]
      ? {
          exact: text.slice(start, end),
          prefix: text.slice(start - prefixLength, start),
          suffix: text.slice(end, end + suffixLength),
        }
      : {
          exact: take(quoteLengths[index * 3] as number),
          prefix: take(prefixLength),
          suffix: take(suffixLength),
        };
    claims.push({ selectors: { position: { start, end }, quote } });
  }
  return claims;
}

/**
 * Re-anchoring's results as they cross back (see PackedClaims), one per claim, in order: each one's status (an index
 * into PLACED_STATUSES, or ORPHANED) and its new ends. A result whose quote is the claim's own (most: a claim the
 * edit left alone keeps its quote, wherever it moved) sends no quote back; the others' quotes are in `quotes`, in
 * turn, with their lengths. An orphan's result is sent as it is, in `orphans`, with its index.
 */
export interface PackedPlacements {
  statuses: Uint8Array;
  positions: Int32Array;
  quoteLengths: Int32Array;
  quotes: PackedTexts;
  orphans: [index: number, result: ReanchorResult][];
}

type PlacedStatus = Exclude<ReanchorResult["status"], "orphaned">;
const PLACED_STATUSES: readonly PlacedStatus[] = ["exact", "moved", "fuzzy"];
const ORPHANED = 255;
/** Added to a status: the result's quote is not the claim's, and is sent. */
const HAS_QUOTE = 8;

/** Packs reanchorAll's results for `claims` (see PackedPlacements). */
export function packPlacements(
  claims: readonly { selectors: Selectors }[],
  results: readonly ReanchorResult[],
): PackedPlacements {
  const statuses = new Uint8Array(results.length);
  const positions = new Int32Array(results.length * 2);
  const quoteLengths: number[] = [];
  const quotes: string[] = [];
  const orphans: [number, ReanchorResult][] = [];
  results.forEach((result, index) => {
    if (result.status === "orphaned") {
      statuses[index] = ORPHANED;
      orphans.push([index, result]);
      return;
    }
    const { position, quote } = result.selectors;
    positions[index * 2] = position.start;
    positions[index * 2 + 1] = position.end;
    const old = claims[index]?.selectors.quote;
    const isOwnQuote =
      old !== undefined && quote.exact === old.exact && quote.prefix === old.prefix && quote.suffix === old.suffix;
    statuses[index] = PLACED_STATUSES.indexOf(result.status) + (isOwnQuote ? 0 : HAS_QUOTE);
    if (isOwnQuote) return;
    quoteLengths.push(quote.exact.length, quote.prefix.length, quote.suffix.length);
    quotes.push(quote.exact, quote.prefix, quote.suffix);
  });
  return {
    statuses,
    positions,
    quoteLengths: Int32Array.from(quoteLengths),
    quotes: packTexts([quotes.join("")]),
    orphans,
  };
}

/** The results packPlacements packed, for the same claims in the same order. */
export function unpackPlacements(
  claims: readonly { selectors: Selectors }[],
  { statuses, positions, quoteLengths, quotes: packedQuotes, orphans }: PackedPlacements,
): ReanchorResult[] {
  const orphanResults = new Map(orphans);
  const [quotes = ""] = unpackTexts(packedQuotes);
  const results: ReanchorResult[] = [];
  let quoteIndex = 0;
  const take = sliceReader(quotes);
  for (let index = 0; index < statuses.length; index++) {
    const code = statuses[index] as number;
    if (code === ORPHANED) {
      const orphan = orphanResults.get(index);
      if (!orphan) throw new Error(`The placement of claim ${index} is missing.`);
      results.push(orphan);
      continue;
    }
    const status = PLACED_STATUSES[code % HAS_QUOTE];
    const own = claims[index]?.selectors.quote;
    if (status === undefined || !own) throw new Error(`The placement of claim ${index} is malformed.`);
    let quote: Selectors["quote"];
    if (code >= HAS_QUOTE) {
      const exact = take(quoteLengths[quoteIndex++] as number);
      const prefix = take(quoteLengths[quoteIndex++] as number);
      const suffix = take(quoteLengths[quoteIndex++] as number);
      quote = { exact, prefix, suffix };
    } else {
      quote = { exact: own.exact, prefix: own.prefix, suffix: own.suffix };
    }
    const position = { start: positions[index * 2] as number, end: positions[index * 2 + 1] as number };
    results.push({ status, selectors: { position, quote } });
  }
  return results;
}

/** Core's findNearestMatch; null when nothing comes close. */
export const findNearestPlace = workerTask(
  (input: { selectors: Selectors; text: string }): NearestMatch | null =>
    findNearestMatch(input.selectors, input.text) ?? null,
);

/**
 * Core's planAnnotationEntries: every annotation of a Web Annotation document, as readAnnotationDocument read it on
 * the main thread, placed on the article's text, in the document's order. The entries are sent, not the document:
 * an annotation nested past MAX_ANNOTATION_DEPTH is left out of them, so the structured clone that carries them here
 * (which recurses) never meets it. Its VALIDATION_FAILED (more evidence than one import holds) arrives on the main
 * thread as the same AppError.
 */
export const planAnnotations = workerTask(
  (input: { text: string; entries: AnnotationDocumentEntry[] }): PlannedItem[] =>
    planAnnotationEntries(input.text, input.entries),
);

/** Reads `text` in consecutive slices of the lengths asked, from its start. */
function sliceReader(text: string): (length: number) => string {
  let offset = 0;
  return (length) => {
    const slice = text.slice(offset, offset + length);
    offset += length;
    return slice;
  };
}
