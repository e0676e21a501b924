import { Readable } from "node:stream";
import { promisify } from "node:util";
import { createGunzip, gunzip } from "node:zlib";
import { isGzippedReport, keptReportGzip } from "./keptReportGzip";

const gunzipAsync = promisify(gunzip);

/** A built report file as it is kept and sent: the bytes, and what the answer's headers are made from. */
export interface BuiltReport {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  extension: string;
  title: string;
}

/** What an answer's headers are made from. */
type ReportFileHeaders = Omit<BuiltReport, "body">;

/**
 * A report as answered: built for this request, or kept (or being built) for an identical one. Its bytes are read
 * through `body()` or `gzip()`, because a kept file over the per-file limit is kept as its gzip only.
 */
export interface CachedReport extends ReportFileHeaders {
  isCached: boolean;
  /** Bytes of the file as built (not of its gzip). */
  byteLength: number;
  /** The file as built; gunzipped on libuv's thread pool for this call when only its gzip is kept. */
  body(): Promise<Uint8Array<ArrayBuffer>>;
  /** The gzip (RFC 1952) of the file, made once and kept with it (keptReportGzip). */
  gzip(): Promise<Uint8Array<ArrayBuffer>>;
  /**
   * The file as built, to send: its bytes, or when only its gzip is kept, a stream that gunzips as the client reads
   * it, so a hundred clients without gzip downloading the 20 MB file at once hold a few buffers each, not 20 MB.
   */
  bodyToSend(): Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array>;
}

export interface ReportCacheLimits {
  /** The most bytes of report bodies kept at once; the least recently used go first. */
  maxBytes: number;
  /**
   * A larger file is kept as its gzip when that fits (text and JSON, not a PDF), else sent but not kept, so one huge
   * file cannot push out every other. Default maxBytes / 4.
   */
  maxEntryBytes?: number;
}

/** A kept file: its bytes as built, or (over the per-file limit) only their gzip; `size` is what is counted. */
type KeptReport = ReportFileHeaders & { byteLength: number; size: number } & (
    | { body: Uint8Array<ArrayBuffer>; gzip?: undefined }
    | { body?: undefined; gzip: Uint8Array<ArrayBuffer> }
  );

/** The answer of a file built for this call (`isCached: false`) or answered again (`isCached: true`). */
export function reportAnswer(report: BuiltReport, isCached: boolean): CachedReport {
  const { body, ...headers } = report;
  return {
    ...headers,
    isCached,
    byteLength: body.byteLength,
    body: async () => body,
    gzip: () => keptReportGzip(body),
    bodyToSend: () => body,
  };
}

function keptAnswer(kept: KeptReport): CachedReport {
  const { contentType, extension, title, byteLength } = kept;
  if (kept.body) return reportAnswer({ body: kept.body, contentType, extension, title }, true);
  const { gzip } = kept;
  return {
    contentType,
    extension,
    title,
    byteLength,
    isCached: true,
    body: async () => {
      const bytes = await gunzipAsync(gzip);
      return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
    },
    gzip: async () => gzip,
    bodyToSend: () => Readable.toWeb(Readable.from([gzip]).pipe(createGunzip())) as ReadableStream<Uint8Array>,
  };
}

/**
 * Built reports, in this process's memory, bounded in bytes and least recently used first out. The key names
 * everything the bytes depend on (the article's change number, the format and its options, the organisation, ...),
 * so an entry is never stale: a change makes a new key, and the old entry ages out. Identical requests that arrive
 * while the report is being built wait for that one build instead of starting their own.
 *
 * A file over the per-file limit (the 20 MB JSON and W3C exports of 10,000 claims, at the default 64 MB budget)
 * is kept as its gzip, about a tenth of it, when that fits: a browser downloads those bytes as they are, and a client
 * without gzip gets them gunzipped (some 60 ms for 20 MB), where a build takes seconds.
 */
export class ReportCache {
  readonly #maxBytes: number;
  readonly #maxEntryBytes: number;
  /** Map order is use order, oldest first. */
  readonly #kept = new Map<string, KeptReport>();
  readonly #building = new Map<string, Promise<{ report: BuiltReport; entry: KeptReport | undefined }>>();
  #bytes = 0;

  constructor(limits: ReportCacheLimits) {
    this.#maxBytes = limits.maxBytes;
    this.#maxEntryBytes = Math.min(limits.maxBytes, limits.maxEntryBytes ?? Math.floor(limits.maxBytes / 4));
  }

  /** Bytes kept now: of bodies, and of the gzips kept in place of larger bodies. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * The report kept under `key`, or the one being built for it, else `build()`'s, kept when it (or its gzip) fits.
   * `beforeBuild` runs only when this call is the one that builds (a rate limit may throw there); an error of the
   * build reaches every request waiting for it, and nothing is kept.
   */
  async getOrBuild(key: string, build: () => Promise<BuiltReport>, beforeBuild?: () => void): Promise<CachedReport> {
    const kept = this.#kept.get(key);
    if (kept) {
      this.#kept.delete(key);
      this.#kept.set(key, kept);
      return keptAnswer(kept);
    }
    const building = this.#building.get(key);
    if (building) return reportAnswer((await building).report, true);

    beforeBuild?.();
    const promise = build().then(async (report) => ({ report, entry: await this.#entryOf(report) }));
    this.#building.set(key, promise);
    try {
      const { report, entry } = await promise;
      if (entry) this.#keep(key, entry);
      return reportAnswer(report, false);
    } finally {
      this.#building.delete(key);
    }
  }

  /** What is kept of a built file: its body, or its gzip in place of a body over the limit, or nothing. */
  async #entryOf(report: BuiltReport): Promise<KeptReport | undefined> {
    const { body, ...headers } = report;
    const byteLength = body.byteLength;
    if (byteLength <= this.#maxEntryBytes) return { ...headers, byteLength, size: byteLength, body };
    if (!isGzippedReport(report.contentType, byteLength)) return undefined;
    // The builder's answer sends this same gzip (keptReportGzip keeps it by the body).
    const gzip = await keptReportGzip(body);
    if (gzip.byteLength > this.#maxEntryBytes) return undefined;
    return { ...headers, byteLength, size: gzip.byteLength, gzip };
  }

  #keep(key: string, report: KeptReport): void {
    this.#kept.set(key, report);
    this.#bytes += report.size;
    for (const [oldestKey, oldest] of this.#kept) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#kept.delete(oldestKey);
      this.#bytes -= oldest.size;
    }
  }
}
