import path from "node:path";
import { PROJECT_ROOT } from "../config";

/** The file a `file:` database URL names, relative paths read from the project root. */
export function sqlitePath(databaseUrl: string): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgres:// URL, not "${databaseUrl}".`);
  }
  const file = databaseUrl.slice("file:".length).split("?")[0] ?? "";
  if (file === "") throw new Error("DATABASE_URL names no file.");
  return path.isAbsolute(file) ? file : path.join(PROJECT_ROOT, file);
}
