import { isIP } from "node:net";
import { AppError } from "@factmark/core";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import type { SecuritySettings } from "../auth/securitySettings";

/**
 * Refuses a write a browser sends on behalf of another site (CSRF), beside the SameSite=Lax cookie and the
 * JSON-only rule. A browser marks its requests with Origin and Sec-Fetch-Site; clients that are not browsers
 * (curl, tests) send neither and pass, since they can only act with a cookie they hold themselves.
 *
 * - Sec-Fetch-Site, the browser's own verdict, must be same-origin (or none, a user's own action).
 * - With PUBLIC_URL set, Origin must be PUBLIC_URL's origin: the Host header is never trusted.
 * - Without it, Origin must name the host the request was sent to (unless Sec-Fetch-Site vouches for it,
 *   as behind the web app's dev proxy), and that host must be localhost or an IP address: a host name
 *   could be an attacker's, resolved to this machine (DNS rebinding), and then Host and Origin agree.
 *   A server reached by name must say which name is its own, with PUBLIC_URL.
 */
export function requireSameSiteFor(settings: Pick<SecuritySettings, "publicUrl">): MiddlewareHandler {
  const publicOrigin = settings.publicUrl === undefined ? undefined : new URL(settings.publicUrl).origin;
  return createMiddleware(async (c, next) => {
    const site = c.req.header("sec-fetch-site");
    const origin = c.req.header("origin");
    if (site === undefined && origin === undefined) return next();
    const isCrossSite = site !== undefined && site !== "same-origin" && site !== "none";
    if (isCrossSite || origin === "null") throw foreignPage();
    if (publicOrigin !== undefined) {
      if (origin !== undefined && origin !== publicOrigin) throw foreignPage();
      return next();
    }
    const requestUrl = new URL(c.req.url);
    if (site === undefined && origin !== undefined && originOf(origin) !== requestUrl.origin) throw foreignPage();
    if (!isLocalOrAddress(requestUrl.hostname)) {
      throw new AppError(
        "FORBIDDEN",
        `Changes sent to ${requestUrl.host} are refused: set PUBLIC_URL to the address people use to reach Factmark.`,
      );
    }
    return next();
  });
}

function foreignPage(): AppError {
  return new AppError("FORBIDDEN", "Changes are accepted only from Factmark's own pages.");
}

function originOf(origin: string): string | undefined {
  try {
    return new URL(origin).origin;
  } catch {
    return undefined;
  }
}

/** localhost (and *.localhost, which browsers resolve to loopback themselves) or an IP address, v4 or [v6]. */
function isLocalOrAddress(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost") || isIP(name.replace(/^\[|\]$/g, "")) !== 0;
}
