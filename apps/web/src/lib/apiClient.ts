import type { AppType } from "@factmark/server";
import { hc } from "hono/client";

/** The one typed client of the API. Only features' api.ts files use it. */
export const apiClient = hc<AppType>("/api");

/** The If-Match header for a versioned row. */
export function ifMatch(row: { version: number }): { "If-Match": string } {
  return { "If-Match": `"${row.version}"` };
}
