/**
 * The worker modules of the heavy-work pool, one home for their addresses: each exports its jobs (workerTask) and
 * `warm`. A `.ts` address under tsx and the tests; the pool adds tsx's loader to its threads for those.
 */
export const WORKER_MODULES = {
  /** HTML, Markdown, .docx and fetched-page conversion (import/convertWorker.ts). */
  conversion: new URL("../import/convertWorker.ts", import.meta.url),
  /** Re-anchoring on save and the nearest-match search (domain/anchoringWorker.ts). */
  anchoring: new URL("../domain/anchoringWorker.ts", import.meta.url),
  /** PDF, HTML and native JSON reports (report/reportWorker.ts). */
  report: new URL("../report/reportWorker.ts", import.meta.url),
} as const;
