import { AppError } from "@factmark/core";
import { createMiddleware } from "hono/factory";

/**
 * A multipart upload is a body any web page's form can send, so the JSON-only rule that guards the
 * other routes against cross-site forms does not apply. Instead a browser's cross-site request is
 * refused by its own headers: Sec-Fetch-Site, or an Origin that is not this server's. Clients that
 * are not browsers (curl, tests) send neither and pass.
 */
export const requireSameOrigin = createMiddleware(async (c, next) => {
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  // Sec-Fetch-Site is the browser's own verdict and survives a dev proxy; Origin is the fallback.
  const isCrossSite = site !== undefined && site !== "same-origin" && site !== "none";
  const host = c.req.header("x-forwarded-host") ?? c.req.header("host");
  const isForeignOrigin = site === undefined && origin !== undefined && hostOf(origin) !== host;
  if (isCrossSite || isForeignOrigin) {
    throw new AppError("FORBIDDEN", "Uploads are accepted only from this site's own pages.");
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
