import { AppError } from "@factmark/core";
import { createMiddleware } from "hono/factory";

/**
 * Refuses a write a browser sends on behalf of another site (CSRF), beside the SameSite=Lax cookie and the
 * JSON-only rule: Sec-Fetch-Site is the browser's own verdict and survives a dev proxy; without it, an
 * Origin that is not this host's. Clients that are not browsers (curl, tests) send neither and pass.
 */
export const requireSameSite = createMiddleware(async (c, next) => {
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const isCrossSite = site !== undefined && site !== "same-origin" && site !== "none";
  const host = c.req.header("host");
  const isForeignOrigin = site === undefined && origin !== undefined && origin !== "null" && hostOf(origin) !== host;
  if (isCrossSite || isForeignOrigin || (site === undefined && origin === "null")) {
    throw new AppError("FORBIDDEN", "Changes are accepted only from Factmark's own pages.");
  }
  await next();
});

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
