import type { ReportOrganisation } from "@factmark/core";

export const DEFAULT_ORGANISATION_NAME = "Factmark";
export const DEFAULT_ORGANISATION_URL = "http://localhost:3000";

/**
 * The organisation that publishes reports: FACTMARK_ORGANISATION_NAME and FACTMARK_ORGANISATION_URL, read per request
 * so a changed environment needs no restart in tests. Without a configured URL, the origin the request came to
 * (what a reader of the report would open), else localhost.
 */
export function reportOrganisation(
  requestUrl: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ReportOrganisation {
  const name = env.FACTMARK_ORGANISATION_NAME?.trim() || DEFAULT_ORGANISATION_NAME;
  const configuredUrl = env.FACTMARK_ORGANISATION_URL?.trim();
  return { name, url: configuredUrl || originOf(requestUrl) || DEFAULT_ORGANISATION_URL };
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
