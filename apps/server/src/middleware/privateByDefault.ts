import type { MiddlewareHandler } from "hono";

/**
 * Every API answer is about its session (lists of articles, claims, accounts with their emails): one that sets no
 * Cache-Control of its own gets `private, no-cache`, so no shared cache keeps it and a browser asks again before
 * reusing it (with If-None-Match where the route answers 304). Routes that must never be stored say `no-store`.
 */
export function privateByDefault(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "private, no-cache");
  };
}
