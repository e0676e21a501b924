import { promisify } from "node:util";
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";
import type { Claim, ClaimList } from "@factmark/core";
import { crc32Combine } from "./crc32Combine";

/**
 * A run of claims next to each other in a list, with the JSON text they make there (each claim's
 * `JSON.stringify`, joined by commas) as UTF-8, its CRC-32, and its raw deflate once asked for, with the run it was
 * deflated after (its text was the deflate's dictionary). Made from claim objects that are never changed once made
 * (a change, a rename, a fresh read make new objects), so its bytes stay exact for as long as the same objects
 * follow one another.
 */
interface ClaimRun {
  claims: readonly Claim[];
  json: Uint8Array;
  crc: number;
  deflated?: { after: ClaimRun | undefined; bytes: Promise<Uint8Array> };
}

/**
 * The UTF-8 JSON text of a claim list, `JSON.stringify(list)`, in pieces: `head` (`{"items":[`), the runs of its
 * items in order with a comma between two runs, and `tail` (`],"deletedIds":[…],"cursor":N}`). `byteLength`: the
 * whole text's length in bytes.
 */
export interface ClaimListPieces {
  head: Uint8Array;
  runs: readonly ClaimRun[];
  tail: Uint8Array;
  byteLength: number;
}

/**
 * Claims a run holds as made; a run grows past it only by what was inserted into it, and splits at twice as many.
 * At about 730 bytes a claim, a run is ~47 KB of JSON and 2–3 ms of work to make again (text and deflate); a list
 * of 10,000 claims is ~160 runs.
 */
const RUN_CLAIMS = 64;
const MAX_RUN_CLAIMS = 2 * RUN_CLAIMS;
/** A run made again with fewer claims than this (deletions) takes in the unchanged run after it, if both fit. */
const SMALL_RUN_CLAIMS = RUN_CLAIMS / 2;

/** Each run by its first claim object: the next list that holds the same objects in a row reuses it. */
const runStartingWith = new WeakMap<Claim, ClaimRun>();
const piecesOfList = new WeakMap<ClaimList, ClaimListPieces>();

const ITEMS_HEAD = '{"items":[';
const ITEMS_HEAD_BYTES = new TextEncoder().encode(ITEMS_HEAD);
const COMMA = new TextEncoder().encode(",");
const COMMA_CRC = crc32(COMMA);

/**
 * The pieces of `JSON.stringify(list)`, made once per list and kept beside it. Runs of claims that an earlier list
 * already held in the same order (the same objects: listClaimsOfArticle's merge keeps every unchanged claim's) are
 * that list's runs, so after one claim changed only the run it is in is made again: the list's JSON costs what
 * changed, not the 7 MB of 10,000 claims. Exact because every claim object is never changed once made (a change
 * of a claim, an account renamed, a fresh read all make new objects), which claimListPieces.test.ts checks against
 * `JSON.stringify` of a fresh read after seeded changes.
 */
export function claimListPieces(list: ClaimList): ClaimListPieces {
  let pieces = piecesOfList.get(list);
  if (pieces === undefined) {
    pieces = makePieces(list);
    piecesOfList.set(list, pieces);
  }
  return pieces;
}

function makePieces(list: ClaimList): ClaimListPieces {
  const frame = JSON.stringify({ ...list, items: [] });
  // A list whose text does not start with its items (never, as ClaimList is built): one piece, as JSON.stringify says.
  if (!frame.startsWith(`${ITEMS_HEAD}]`)) {
    const head = Buffer.from(JSON.stringify(list), "utf8");
    return { head, runs: [], tail: new Uint8Array(0), byteLength: head.byteLength };
  }
  const head = ITEMS_HEAD_BYTES;
  const tail = Buffer.from(frame.slice(ITEMS_HEAD.length), "utf8");
  const runs = runsOf(list.items);
  let byteLength = head.byteLength + tail.byteLength + Math.max(0, runs.length - 1) * COMMA.byteLength;
  for (const run of runs) byteLength += run.json.byteLength;
  return { head, runs, tail, byteLength };
}

/** The items in runs: every run kept from an earlier list where the same claims follow one another, new ones between. */
function runsOf(items: readonly Claim[]): ClaimRun[] {
  const runs: ClaimRun[] = [];
  let pending: Claim[] = [];
  let index = 0;
  while (index < items.length) {
    const kept = keptRunAt(items, index);
    if (kept) {
      index += kept.claims.length;
      if (
        pending.length > 0 &&
        pending.length < SMALL_RUN_CLAIMS &&
        pending.length + kept.claims.length <= RUN_CLAIMS
      ) {
        pending.push(...kept.claims);
        continue;
      }
      if (pending.length > 0) runs.push(makeRun(pending));
      pending = [];
      runs.push(kept);
      continue;
    }
    pending.push(items[index] as Claim);
    index++;
    if (pending.length === MAX_RUN_CLAIMS) {
      runs.push(makeRun(pending.slice(0, RUN_CLAIMS)));
      pending = pending.slice(RUN_CLAIMS);
    }
  }
  if (pending.length > 0) runs.push(makeRun(pending));
  return runs;
}

/** The run that starts with the claim at `index`, if the claims after it in `items` are that run's, in its order. */
function keptRunAt(items: readonly Claim[], index: number): ClaimRun | undefined {
  const run = runStartingWith.get(items[index] as Claim);
  if (run === undefined || index + run.claims.length > items.length) return undefined;
  for (let offset = 1; offset < run.claims.length; offset++) {
    if (items[index + offset] !== run.claims[offset]) return undefined;
  }
  return run;
}

function makeRun(claims: readonly Claim[]): ClaimRun {
  const text = JSON.stringify(claims);
  const json = Buffer.from(text.slice(1, -1), "utf8");
  const run: ClaimRun = { claims, json, crc: crc32(json) };
  runStartingWith.set(claims[0] as Claim, run);
  // A run that started inside this one is over: it would only hold its bytes while its first claim lives.
  for (let index = 1; index < claims.length; index++) runStartingWith.delete(claims[index] as Claim);
  return run;
}

/** The UTF-8 bytes of `JSON.stringify(list)`, joined from its pieces. */
export function joinClaimListJson(pieces: ClaimListPieces): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(pieces.byteLength);
  let offset = 0;
  const append = (piece: Uint8Array) => {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  };
  append(pieces.head);
  pieces.runs.forEach((run, index) => {
    if (index > 0) append(COMMA);
    append(run.json);
  });
  append(pieces.tail);
  return bytes;
}

const deflateRawAsync = promisify(deflateRaw);
/** Deflate that ends on a byte boundary without a final block (a sync flush): such pieces join into one stream. */
const JOINABLE = { finishFlush: constants.Z_SYNC_FLUSH };
const deflateJoinable = (bytes: Uint8Array) => deflateRawSync(bytes, JOINABLE);
const DEFLATED_ITEMS_HEAD = deflateJoinable(ITEMS_HEAD_BYTES);
const DEFLATED_COMMA = deflateJoinable(COMMA);
/** ID1 ID2, deflate, no flags, no time, no extra flags, Unix (RFC 1952). */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3);
/** An empty fixed-Huffman block marked final: ends the joined deflate stream. */
const FINAL_BLOCK = Uint8Array.of(3, 0);

/** The most a deflate looks back (bytes): the window of RFC 1951. */
const WINDOW_BYTES = 32 * 1024;

/**
 * A run's raw deflate when `previous` comes before it, ending on a sync flush; made on libuv's thread pool and kept
 * with the run while the run before it stays the same. The text before it (the previous run's last 32 KB and the
 * comma) is its dictionary, which the inflater has in its window when it gets there: without it each run would
 * start from nothing, about 12 % more bytes in all at 64 claims a run.
 */
function deflatedRun(run: ClaimRun, previous: ClaimRun | undefined): Promise<Uint8Array> {
  if (run.deflated === undefined || run.deflated.after !== previous) {
    const dictionary =
      previous === undefined ? ITEMS_HEAD_BYTES : Buffer.concat([previous.json.subarray(-WINDOW_BYTES + 1), COMMA]);
    run.deflated = { after: previous, bytes: deflateRawAsync(run.json, { ...JOINABLE, dictionary }) };
  }
  return run.deflated.bytes;
}

/**
 * A gzip member (RFC 1952) whose data is the pieces' text: each run's deflate (kept with the run), joined with the
 * head's, the commas' and the tail's, then an empty final block, the CRC-32 combined from the pieces' and the length.
 * After one claim changed, the run it is in and the one after it are deflated again (a few milliseconds), not the
 * list's 7 MB (about 150 ms).
 */
export async function gzipClaimListPieces(pieces: ClaimListPieces): Promise<Uint8Array<ArrayBuffer>> {
  const deflatedRuns = await Promise.all(pieces.runs.map((run, index) => deflatedRun(run, pieces.runs[index - 1])));
  const parts: Uint8Array[] = [GZIP_HEADER];
  parts.push(pieces.head === ITEMS_HEAD_BYTES ? DEFLATED_ITEMS_HEAD : deflateJoinable(pieces.head));
  let crc = crc32(pieces.head);
  pieces.runs.forEach((run, index) => {
    if (index > 0) {
      parts.push(DEFLATED_COMMA);
      crc = crc32Combine(crc, COMMA_CRC, COMMA.byteLength);
    }
    parts.push(deflatedRuns[index] as Uint8Array);
    crc = crc32Combine(crc, run.crc, run.json.byteLength);
  });
  parts.push(deflateJoinable(pieces.tail));
  crc = crc32Combine(crc, crc32(pieces.tail), pieces.tail.byteLength);
  parts.push(FINAL_BLOCK);
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc, true);
  view.setUint32(4, pieces.byteLength % 2 ** 32, true);
  parts.push(trailer);
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const gzipped = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    gzipped.set(part, offset);
    offset += part.byteLength;
  }
  return gzipped;
}
