import type { AppType } from "@factmark/server";
import { hc } from "hono/client";

/** Where the API is, on the app's own origin. */
export const API_BASE = "/api";

/** The one typed client of the API. Only features' api.ts files use it. */
export const apiClient = hc<AppType>(API_BASE);

/** The If-Match header for a versioned row. */
export function ifMatch(row: { version: number }): { "If-Match": string } {
  return { "If-Match": `"${row.version}"` };
}
