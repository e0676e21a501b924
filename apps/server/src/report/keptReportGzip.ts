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
 * large file) with `Content-Encoding: gzip` when the client takes gzip and the type is compressible, else the file's
 * bytes. Either way `Vary: Accept-Encoding` on a compressible type. The answer says its Content-Length (which a HEAD
 * answer keeps) unless compress() will deflate it as it goes, for a client that takes deflate but not gzip: then GET
 * has no length, and HEAD says none either. compress() leaves every other answer alone (it skips one that has its
 * Content-Encoding, and one it would not compress).
 */
export async function reportBodyFor(
  c: Context,
  file: CachedReport,
): Promise<{ body: Uint8Array<ArrayBuffer>; headers: Record<string, string> }> {
  const sent = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) => ({
    body,
    headers: { ...headers, "Content-Length": String(body.byteLength) },
  });
  if (!isGzippedReport(file.contentType, file.byteLength)) return sent(await file.body());
  const accepted = c.req.header("Accept-Encoding");
  if (acceptsEncoding(accepted, "gzip")) {
    return sent(await file.gzip(), { "Content-Encoding": "gzip", Vary: "Accept-Encoding" });
  }
  const vary = { Vary: "Accept-Encoding" };
  if (acceptsEncoding(accepted, "deflate")) return { body: await file.body(), headers: vary };
  return sent(await file.body(), vary);
}
