/** A built report file as it is kept and sent: the bytes, and what the answer's headers are made from. */
export interface BuiltReport {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  extension: string;
  title: string;
}

/** Where a report came from: built for this request, or kept (or being built) for an identical one. */
export interface CachedReport extends BuiltReport {
  isCached: boolean;
}

export interface ReportCacheLimits {
  /** The most bytes of report bodies kept at once; the least recently used go first. */
  maxBytes: number;
  /** A larger body is sent but not kept, so one huge file cannot push out every other. Default maxBytes / 4. */
  maxEntryBytes?: number;
}

/**
 * Built reports, in this process's memory, bounded in bytes and least recently used first out. The key names
 * everything the bytes depend on (the article's change number, the format and its options, the organisation, ...),
 * so an entry is never stale: a change makes a new key, and the old entry ages out. Identical requests that arrive
 * while the report is being built wait for that one build instead of starting their own.
 */
export class ReportCache {
  readonly #maxBytes: number;
  readonly #maxEntryBytes: number;
  /** Map order is use order, oldest first. */
  readonly #kept = new Map<string, BuiltReport>();
  readonly #building = new Map<string, Promise<BuiltReport>>();
  #bytes = 0;

  constructor(limits: ReportCacheLimits) {
    this.#maxBytes = limits.maxBytes;
    this.#maxEntryBytes = Math.min(limits.maxBytes, limits.maxEntryBytes ?? Math.floor(limits.maxBytes / 4));
  }

  /** Bytes of report bodies kept now. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * The report kept under `key`, or the one being built for it, else `build()`'s, kept when it fits.
   * `beforeBuild` runs only when this call is the one that builds (a rate limit may throw there); an error of the
   * build reaches every request waiting for it, and nothing is kept.
   */
  async getOrBuild(key: string, build: () => Promise<BuiltReport>, beforeBuild?: () => void): Promise<CachedReport> {
    const kept = this.#kept.get(key);
    if (kept) {
      this.#kept.delete(key);
      this.#kept.set(key, kept);
      return { ...kept, isCached: true };
    }
    const building = this.#building.get(key);
    if (building) return { ...(await building), isCached: true };

    beforeBuild?.();
    const promise = build();
    this.#building.set(key, promise);
    try {
      const report = await promise;
      this.#keep(key, report);
      return { ...report, isCached: false };
    } finally {
      this.#building.delete(key);
    }
  }

  #keep(key: string, report: BuiltReport): void {
    const size = report.body.byteLength;
    if (size > this.#maxEntryBytes) return;
    this.#kept.set(key, report);
    this.#bytes += size;
    for (const [oldestKey, oldest] of this.#kept) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#kept.delete(oldestKey);
      this.#bytes -= oldest.body.byteLength;
    }
  }
}
