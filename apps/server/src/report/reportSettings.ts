import type { ReportFormat, ReportOrganisation } from "@factmark/core";

export const DEFAULT_ORGANISATION_NAME = "Factmark";
/** The server's own address on this machine, at the port it listens on (PORT, default 3000). */
export function defaultOrganisationUrl(env: NodeJS.ProcessEnv = process.env): string {
  const port = Number.parseInt(env.PORT ?? "", 10);
  return `http://localhost:${Number.isInteger(port) && port > 0 ? port : 3000}`;
}

/**
 * The organisation that publishes reports: FACTMARK_ORGANISATION_NAME and FACTMARK_ORGANISATION_URL, read per request
 * so a changed environment needs no restart in tests. Without a configured URL, the origin the request came to
 * (what a reader of the report would open), else this server on localhost at its PORT.
 */
export function reportOrganisation(
  requestUrl: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ReportOrganisation {
  const name = env.FACTMARK_ORGANISATION_NAME?.trim() || DEFAULT_ORGANISATION_NAME;
  const configuredUrl = env.FACTMARK_ORGANISATION_URL?.trim();
  return { name, url: configuredUrl || originOf(requestUrl) || defaultOrganisationUrl(env) };
}

/**
 * The organisation a report format is built for. The W3C Web Annotation export's ids and the address of Factmark's
 * context must name THIS server (`serverUrl`: PUBLIC_URL, else the request's origin; see clientAddress's
 * publicBaseUrl), which answers them (annotationProtocolRoutes), not the organisation's site, which may be another
 * one: buildWebAnnotation roots them at the organisation's URL, and nothing else of the organisation shows in it.
 * Every other format keeps the organisation as it is.
 */
export function reportOrganisationFor(
  format: ReportFormat | "model",
  organisation: ReportOrganisation,
  serverUrl: string,
): ReportOrganisation {
  return format === "w3c" ? { ...organisation, url: serverUrl } : organisation;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? origin : null;
  } catch {
    return null;
  }
}

/** How long building one report file may take, in ms (REPORT_BUILD_TIME_MS, default 60 s); longer answers 422. */
export function reportBuildTimeMs(env: NodeJS.ProcessEnv = process.env): number {
  return positiveNumber(env.REPORT_BUILD_TIME_MS, "REPORT_BUILD_TIME_MS") ?? 60_000;
}

/** The memory kept for built reports, in bytes (REPORT_CACHE_MB, default 64 MB); read once, when the app is made. */
export function reportCacheBytes(env: NodeJS.ProcessEnv = process.env): number {
  return (positiveNumber(env.REPORT_CACHE_MB, "REPORT_CACHE_MB") ?? 64) * 1024 * 1024;
}

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number.`);
  return number;
}
