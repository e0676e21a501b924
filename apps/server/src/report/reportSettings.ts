import type { ReportOrganisation } from "@factmark/core";

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

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { origin, protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? origin : null;
  } catch {
    return null;
  }
}
