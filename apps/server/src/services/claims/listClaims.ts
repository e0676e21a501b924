import { AppError, type ClaimList } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { listClaimsOfArticle } from "../../repositories/claimRepository";
import { claimListPieces, gzipClaimListPieces, joinClaimListJson } from "./claimListPieces";

/** The live claims of an article in document order, or with `since` what changed after that cursor. */
export async function listClaims(db: Db, articleId: string, since?: number): Promise<ClaimList> {
  const claims = await listClaimsOfArticle(db, articleId, since);
  if (!claims) throw new AppError("NOT_FOUND", `No article with id "${articleId}".`);
  return claims;
}

/**
 * The same answer as UTF-8 JSON, exactly the bytes of `JSON.stringify(listClaims(…))`. The kept whole list
 * (nothing changed since it was read or merged, see listClaimsOfArticle) answers the bytes made of it before:
 * at 10,000 claims (7 MB) that saves about 20 ms of JSON.stringify and 60 ms of UTF-8 encoding; a list merged
 * after a change is joined from the runs of claims it shares with the list before (claimListPieces).
 */
export async function listClaimsAsJson(db: Db, articleId: string, since?: number): Promise<Uint8Array<ArrayBuffer>> {
  return claimListJson(await listClaims(db, articleId, since));
}

/**
 * The same answer for a client that takes gzip (middleware/acceptsEncoding): `{body, isGzip}`, the kept gzip bytes of a long
 * list (claimListGzip) or the JSON bytes, which the compress middleware then handles as any answer.
 */
export async function listClaimsForClient(
  db: Db,
  articleId: string,
  since: number | undefined,
  acceptsGzip: boolean,
): Promise<{ body: Uint8Array<ArrayBuffer>; isGzip: boolean }> {
  const list = await listClaims(db, articleId, since);
  const gzipped = acceptsGzip ? claimListGzip(list) : undefined;
  return gzipped ? { body: await gzipped, isGzip: true } : { body: claimListJson(list), isGzip: false };
}

/**
 * Each list's JSON bytes, kept beside the list object while the list is kept. A list read or merged is never
 * changed afterwards (a change makes a new list), so its bytes are exact for as long as it lives. They are joined
 * from the list's pieces (claimListPieces): after a change only the run of claims it touched is serialised again.
 */
const listBytes = new WeakMap<ClaimList, Uint8Array<ArrayBuffer>>();

/** The UTF-8 bytes of `JSON.stringify(list)`. */
export function claimListJson(list: ClaimList): Uint8Array<ArrayBuffer> {
  let bytes = listBytes.get(list);
  if (bytes === undefined) {
    bytes = joinClaimListJson(claimListPieces(list));
    listBytes.set(list, bytes);
  }
  return bytes;
}

/** Lists whose JSON is at least this long (bytes) keep their gzip too: a few dozen claims and up. */
export const KEPT_GZIP_MIN_BYTES = 64 * 1024;
const listGzips = new WeakMap<ClaimList, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * The gzip of `claimListJson(list)`, made once per list and kept beside it: 50 reviewers opening an article of
 * 10,000 claims (7 MB of JSON) cost one compression, not 50; and that one deflates only the runs of claims changed
 * since the list before (gzipClaimListPieces: a few milliseconds on libuv's thread pool, not 170–280 ms for the
 * whole text). Undefined for lists under KEPT_GZIP_MIN_BYTES, which the app's compress middleware handles as it
 * comes.
 */
export function claimListGzip(list: ClaimList): Promise<Uint8Array<ArrayBuffer>> | undefined {
  const pieces = claimListPieces(list);
  if (pieces.byteLength < KEPT_GZIP_MIN_BYTES) return undefined;
  let gzipped = listGzips.get(list);
  if (gzipped === undefined) {
    gzipped = gzipClaimListPieces(pieces);
    listGzips.set(list, gzipped);
  }
  return gzipped;
}
