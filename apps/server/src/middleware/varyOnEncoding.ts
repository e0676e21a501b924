import type { MiddlewareHandler } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/utils/compress";

const VARIES_ON_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * Says on every answer `compress()` may compress (a compressible Content-Type, not already encoded) that it varies by
 * Accept-Encoding, keeping any Vary the route set (`Accept`, `Prefer`), and never twice; `*` is left alone. Registered
 * just after `compress()`, so it runs first on the way out. compress() would add the same header itself, but through
 * `c.header`, which turns a finished answer back into a stream: on a small JSON answer (a claim created) that cost
 * about 7 % of the request's server CPU (profiled, `BENCH_ONLY=api pnpm bench`). Here the answer's own headers are
 * changed in place.
 */
export function varyOnEncoding(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const { headers } = c.res;
    const type = headers.get("Content-Type");
    if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || headers.has("Content-Encoding")) return;
    const vary = headers.get("Vary");
    if (!vary) headers.set("Vary", "Accept-Encoding");
    else if (vary !== "*" && !VARIES_ON_ENCODING.test(vary)) headers.set("Vary", `${vary}, Accept-Encoding`);
  };
}
