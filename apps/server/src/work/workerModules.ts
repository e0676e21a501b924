/**
 * Whether this code runs from its TypeScript source (tsx, the tests) rather than from the production build, which
 * apps/server/build.mjs bundles into apps/server/dist/: there every entry point is one `.js` file directly in dist.
 */
export const RUNS_FROM_SOURCE = import.meta.url.endsWith(".ts");

/**
 * A worker module's address, from its path under src without the extension ("import/convertWorker"): src's `.ts`
 * file from the sources, the build's entry point of the same name from dist ("dist/convertWorker.js"). build.mjs
 * makes an entry point of every `src/**\/<name>Worker.ts`; a name must be unique across src.
 */
export function workerModule(sourcePath: string): URL {
  if (RUNS_FROM_SOURCE) return new URL(`../${sourcePath}.ts`, import.meta.url);
  return new URL(`./${sourcePath.slice(sourcePath.lastIndexOf("/") + 1)}.js`, import.meta.url);
}

/**
 * The worker modules of the heavy-work pool, one home for their addresses: each exports its jobs (workerTask) and
 * `warm`. A `.ts` address under tsx and the tests (the pool adds tsx's loader to its threads for those), a `.js`
 * one in the production build.
 */
export const WORKER_MODULES = {
  /** HTML, Markdown, .docx and fetched-page conversion (import/convertWorker.ts). */
  conversion: workerModule("import/convertWorker"),
  /** Re-anchoring on save and the nearest-match search (domain/anchoringWorker.ts). */
  anchoring: workerModule("domain/anchoringWorker"),
  /** PDF, HTML and native JSON reports (report/reportWorker.ts). */
  report: workerModule("report/reportWorker"),
  /** Suggested claims and contradiction candidates (domain/suggestionsWorker.ts). */
  suggestions: workerModule("domain/suggestionsWorker"),
} as const;
