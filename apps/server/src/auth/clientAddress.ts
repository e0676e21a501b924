import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { SecuritySettings } from "./securitySettings";

/**
 * The client's address for rate limits: the socket's peer, or with a trusted proxy the address the proxy
 * appended last to X-Forwarded-For (entries before it are whatever the client sent). "unknown" when the
 * app runs without a socket (tests through app.request).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Whether the browser reached us over https, directly or (with a trusted proxy) through one. */
export function isHttpsRequest(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return trustProxy && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * Where links to this server start (invite links): PUBLIC_URL, else the origin the request was sent to,
 * https when a trusted proxy says the browser used it. Without PUBLIC_URL the Host header decides, so it
 * is right for whoever sent the request and no one else.
 */
export function publicBaseUrl(c: Context, settings: Pick<SecuritySettings, "publicUrl" | "trustProxy">): string {
  if (settings.publicUrl !== undefined) return settings.publicUrl;
  const url = new URL(c.req.url);
  return `${isHttpsRequest(c, settings.trustProxy) ? "https:" : url.protocol}//${url.host}`;
}
