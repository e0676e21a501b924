// Test support only (never exported from the package): reads files under packages/core, with Node's fs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** packages/core, whatever directory the tests run from. */
export const CORE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The repository root. */
export const REPOSITORY_ROOT = join(CORE_ROOT, "..", "..");

/** A text file under packages/core (or under the repository root when `fromRepository`). */
export function readFixture(relativePath: string, fromRepository = false): string {
  return readFileSync(join(fromRepository ? REPOSITORY_ROOT : CORE_ROOT, relativePath), "utf8");
}

/** The names of the files in a folder under packages/core. */
export function listFixtures(relativePath: string): string[] {
  return readdirSync(join(CORE_ROOT, relativePath)).sort();
}

export interface GoldenResult {
  written: boolean;
  expected: string;
}

/**
 * The golden file's content, for the caller to compare with what was built. A missing golden (or any golden, with
 * UPDATE_GOLDENS=1) is written from `actual` first; a person reviews it before committing it.
 */
export function readGolden(relativePath: string, actual: string): GoldenResult {
  const path = join(CORE_ROOT, "test-fixtures", "report", relativePath);
  const shouldWrite = !existsSync(path) || process.env.UPDATE_GOLDENS === "1";
  if (shouldWrite) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual, "utf8");
  }
  return { written: shouldWrite, expected: readFileSync(path, "utf8") };
}
