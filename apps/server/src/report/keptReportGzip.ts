import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Context } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";
import { acceptsEncoding } from "../middleware/acceptsEncoding";
import type { CachedReport } from "./ReportCache";

const gzipAsync = promisify(gzip);

/** Below this many bytes compress() leaves an answer as it is (hono's threshold), and so does this. */
const GZIP_MIN_BYTES = 1024;

/** Each built report's gzip, by its body: a body is never changed once built, and goes when the cache lets it go. */
const gzipOfBody = new WeakMap<Uint8Array, Promise<Uint8Array<ArrayBuffer>>>();

/**
 * Whether a report file of `contentType` (a media type with its parameters) and `byteLength` bytes is sent gzipped
 * to a client that takes gzip: the types compress() would compress (text, JSON, JSON-LD), from 1 KB up; never a PDF.
 */
export function isGzippedReport(contentType: string, byteLength: number): boolean {
  return byteLength >= GZIP_MIN_BYTES && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType);
}

/**
 * The gzip (RFC 1952) of a built report's body, made once on libuv's thread pool and kept beside the body: a report
 * answered from ReportCache again is sent as the same compressed bytes, where compress() would deflate the whole
 * file on every download (20 MB of JSON for 10,000 claims, about 0.6 s of CPU each time). Kept while the body is:
 * the cache holds bodies, and their gzips (about a tenth of their size) go with them.
 */
export function keptReportGzip(body: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  let gzipped = gzipOfBody.get(body);
  if (gzipped === undefined) {
    gzipped = gzipAsync(body).then(
      (bytes) => new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength),
    );
    gzipOfBody.set(body, gzipped);
    // A failed compression is not kept: the next download tries again.
    gzipped.catch(() => gzipOfBody.delete(body));
  }
  return gzipped;
}

/**
 * A report file as the answer to `c`: its kept gzip (keptReportGzip, or the gzip ReportCache keeps in place of a
 * large file) with `Content-Encoding: gzip` when the client takes gzip and the type is compressible, else the file
 * as built (CachedReport.bodyToSend). Every answer says its Content-Length, which a HEAD answer keeps, and
 * `Cache-Control: no-store, no-transform`: never stored, and never compressed again by compress() (a client that takes
 * deflate but not gzip would have each download of a kept file deflated anew, its length unknown). `Vary:
 * Accept-Encoding` on a compressible type.
 */
export async function reportBodyFor(
  c: Context,
  file: CachedReport,
): Promise<{ body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>; headers: Record<string, string> }> {
  const headers: Record<string, string> = { "Cache-Control": "no-store, no-transform" };
  if (!isGzippedReport(file.contentType, file.byteLength)) {
    return { body: file.bodyToSend(), headers: { ...headers, "Content-Length": String(file.byteLength) } };
  }
  headers.Vary = "Accept-Encoding";
  if (!acceptsEncoding(c.req.header("Accept-Encoding"), "gzip")) {
    return { body: file.bodyToSend(), headers: { ...headers, "Content-Length": String(file.byteLength) } };
  }
  const gzip = await file.gzip();
  return { body: gzip, headers: { ...headers, "Content-Encoding": "gzip", "Content-Length": String(gzip.byteLength) } };
}
