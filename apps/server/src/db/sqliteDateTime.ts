/**
 * A DateTime as Prisma's better-sqlite3 adapter stores it (its default `iso8601` format):
 * `2026-12-01T12:30:00.000+00:00`. Rows written without Prisma use it, so Prisma reads them back alike.
 */
export function sqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
