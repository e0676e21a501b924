import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { isHttpsRequest } from "./clientAddress";

export const SESSION_COOKIE = "factmark_session";

/** The session token a request carries, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** httpOnly (no script reads it), SameSite=Lax (no cross-site write carries it), Secure over https. */
export function writeSessionCookie(c: Context, token: string, expiresAt: Date, trustProxy: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttpsRequest(c, trustProxy),
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context, trustProxy: boolean): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttpsRequest(c, trustProxy),
  });
}
