import { AppError } from "@factmark/core";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import type { RateLimiter } from "./RateLimiter";

/** Refuses a request over its limit with 429 RATE_LIMITED and Retry-After; `keyOf` names whose limit it is. */
export function rateLimit(limiter: RateLimiter, keyOf: (c: Context) => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    enforceRateLimit(c, limiter, keyOf(c));
    await next();
  });
}

/** Takes one request from `key`'s allowance, or throws RATE_LIMITED with Retry-After set. */
export function enforceRateLimit(c: Context, limiter: RateLimiter, key: string): void {
  const decision = limiter.take(key);
  if (decision.isAllowed) return;
  c.header("Retry-After", String(decision.retryAfterSeconds));
  throw new AppError("RATE_LIMITED", `Too many requests. Try again in ${decision.retryAfterSeconds} s.`, {
    retryAfterSeconds: decision.retryAfterSeconds,
  });
}
