/** How many requests a key may make: a burst of `capacity`, refilled at `perMinute` a minute. */
export interface RateLimit {
  capacity: number;
  perMinute: number;
}

/** The answer for one request: allowed, or refused with the seconds until the next one would be. */
export type RateDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key, in this process's memory. Behind a load balancer each server process keeps
 * its own buckets, so a client spreading requests over N processes gets up to N times the limit.
 */
export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #lastSweep = 0;

  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
  }

  /** Takes one token for `key`, if one is left. */
  take(key: string): RateDecision {
    const now = this.#now();
    this.#sweep(now);
    const refillPerMs = this.#limit.perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.#limit.capacity, updatedAt: now };
    bucket.tokens = Math.min(this.#limit.capacity, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { isAllowed: true };
    }
    return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
  }

  /** Forgets buckets that have refilled completely, once a minute, so memory stays bounded by active keys. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < 60_000) return;
    this.#lastSweep = now;
    const fullAfterMs = (this.#limit.capacity / this.#limit.perMinute) * 60_000;
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.updatedAt >= fullAfterMs) this.#buckets.delete(key);
    }
  }
}
