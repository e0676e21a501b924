import type { RateLimit } from "../middleware/RateLimiter";

/** How the server guards accounts and writes. Read from the environment by `securitySettingsFromEnv`. */
export interface SecuritySettings {
  /**
   * A proxy we run sets X-Forwarded-For and X-Forwarded-Proto: trust them for the client's address and
   * for https. Off by default, since any client can send those headers.
   */
  trustProxy: boolean;
  /**
   * Where people reach Factmark (https://factmark.example.org, no trailing slash): links start with it, and
   * a browser's write must come from its origin. Unset, links use the request's own origin and only
   * localhost or an IP address is trusted as this server's name (see requireSameSite).
   */
  publicUrl: string | undefined;
  /** Login and first-admin setup, per client address. */
  loginLimit: RateLimit;
  /** Invite lookups and redemptions, per client address. */
  inviteLimit: RateLimit;
  /** Writes (POST, PUT, PATCH, DELETE) per session. */
  writeLimit: RateLimit;
  /** Reports built (a file or the report model) per session; a report answered from the cache is not counted. */
  reportLimit: RateLimit;
  /** A failed login answers no sooner than this, whatever failed, so timing tells nothing. */
  loginFailureMs: number;
  sessionLifetimeMs: number;
  inviteLifetimeMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  trustProxy: false,
  publicUrl: undefined,
  loginLimit: { capacity: 10, perMinute: 10 },
  inviteLimit: { capacity: 10, perMinute: 10 },
  writeLimit: { capacity: 300, perMinute: 300 },
  reportLimit: { capacity: 60, perMinute: 60 },
  loginFailureMs: 400,
  sessionLifetimeMs: 30 * DAY_MS,
  inviteLifetimeMs: 7 * DAY_MS,
};

/**
 * TRUST_PROXY=1, PUBLIC_URL, and RATE_LIMIT_LOGIN / RATE_LIMIT_INVITE / RATE_LIMIT_WRITES / RATE_LIMIT_REPORTS
 * (requests a minute).
 */
export function securitySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  const perMinute = (name: string, fallback: RateLimit): RateLimit => {
    const value = env[name];
    if (value === undefined || value.trim() === "") return fallback;
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) throw new Error(`${name} must be a whole number of requests a minute.`);
    return { capacity: count, perMinute: count };
  };
  return {
    ...DEFAULT_SECURITY_SETTINGS,
    trustProxy: /^(1|true|yes)$/i.test(env.TRUST_PROXY?.trim() ?? ""),
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    loginLimit: perMinute("RATE_LIMIT_LOGIN", DEFAULT_SECURITY_SETTINGS.loginLimit),
    inviteLimit: perMinute("RATE_LIMIT_INVITE", DEFAULT_SECURITY_SETTINGS.inviteLimit),
    writeLimit: perMinute("RATE_LIMIT_WRITES", DEFAULT_SECURITY_SETTINGS.writeLimit),
    reportLimit: perMinute("RATE_LIMIT_REPORTS", DEFAULT_SECURITY_SETTINGS.reportLimit),
  };
}

/** PUBLIC_URL without its trailing slashes; an http(s) URL with no query or fragment, or startup stops. */
function publicUrlFrom(value: string | undefined): string | undefined {
  const text = value?.trim().replace(/\/+$/, "");
  if (!text) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash || url.username) {
    throw new Error(`PUBLIC_URL must be the http(s) address people use to reach Factmark, not "${value}".`);
  }
  return text;
}
