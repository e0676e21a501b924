import { IMPORT_LIMITS } from "./importLimits";

/** How the server fetches pages for "import from URL". */
export interface FetchSettings {
  /**
   * Host names or IP addresses allowed even when they resolve to a private or loopback address
   * (FETCH_ALLOW_HOSTS, comma-separated): for tests against a local fixture server, or an intranet.
   */
  allowHosts: ReadonlySet<string>;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

/** The settings from the environment, read per request so a test can change them. */
export function fetchSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): FetchSettings {
  const allowHosts = (env.FETCH_ALLOW_HOSTS ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host.length > 0);
  return {
    allowHosts: new Set(allowHosts),
    timeoutMs: positiveNumber(env.FETCH_TIMEOUT_MS) ?? IMPORT_LIMITS.fetchTimeoutMs,
    maxBytes: positiveNumber(env.FETCH_MAX_BYTES) ?? IMPORT_LIMITS.pageBytes,
    maxRedirects: IMPORT_LIMITS.maxRedirects,
  };
}

function positiveNumber(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isFinite(number) && number > 0 ? number : undefined;
}
