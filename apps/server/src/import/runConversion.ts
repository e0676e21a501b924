import { ARTICLE_LIMITS, type ArticleFormat, type DocNode, plainTextToDoc } from "@factmark/core";
import { runHeavyJob } from "../work/heavyWork";
import { WORKER_MODULES } from "../work/workerModules";
import { assertArticleWithinLimits, tooManyBlocks } from "./assertArticleWithinLimits";
import { checkDocxArchive } from "./checkDocxArchive";
import type { ExtractedArticle } from "./extractArticle";
import type { FetchedPage } from "./fetchPage";
import { IMPORT_LIMITS } from "./importLimits";
import { extensionOf, type ReadFile, ZIP_SIGNATURE } from "./uploadedFile";

const WORKER = WORKER_MODULES.conversion;

/**
 * The time one conversion may run on its worker thread, in ms: CONVERSION_TIMEOUT_MS, else
 * IMPORT_LIMITS.conversionTimeMs (20 s). Read per conversion so a test can change it.
 */
export function conversionTimeMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.CONVERSION_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : IMPORT_LIMITS.conversionTimeMs;
}

/**
 * An article body from text, HTML or Markdown (POST /api/articles). Text is split into paragraphs here, after its
 * non-empty lines are counted (cheap, linear); HTML and Markdown are converted on a worker thread with a deadline, so
 * the event loop keeps answering everyone else. Errors: PAYLOAD_TOO_LARGE (413) past an HTML, block or character
 * limit (`details.limit`) or the thread's heap; UNPROCESSABLE (422, `details.limit: "time"`) past the deadline;
 * BUSY (503) when too many conversions wait.
 */
export async function convertContent(format: ArticleFormat, content: string): Promise<DocNode> {
  if (format === "text") {
    assertLinesWithinLimit(content);
    return assertArticleWithinLimits(plainTextToDoc(content));
  }
  return runHeavyJob<{ format: ArticleFormat; content: string }, DocNode>(
    { module: WORKER, name: "convertContent" },
    { format, content },
    { timeMs: conversionTimeMs(), label: "Converting the article" },
  );
}

/**
 * An uploaded file read into a document (see readUploadedFile), on a worker thread with a deadline. A .docx is
 * checked here first (checkDocxArchive: entries, declared and inflated sizes), so a zip bomb is refused in
 * milliseconds without waiting for a thread. Errors: those of readUploadedFile and checkDocxArchive, and the pool's
 * (413 memory, 422 time, 503 busy).
 */
export async function readUploadedFileInWorker(fileName: string, bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.byteLength <= IMPORT_LIMITS.fileBytes && extensionOf(fileName) === ".docx" && isZip(bytes)) {
    await checkDocxArchive(bytes);
  }
  return runHeavyJob<{ fileName: string; bytes: Uint8Array }, ReadFile>(
    { module: WORKER, name: "convertFile" },
    { fileName, bytes },
    { timeMs: conversionTimeMs(), label: "Reading the file" },
  );
}

/**
 * The article in a fetched page (see extractArticle: its size is checked before jsdom and Readability run), on a
 * worker thread with a deadline. Errors: PAYLOAD_TOO_LARGE (413) past IMPORT_LIMITS.pageElements, htmlDepth or an
 * article limit, and the pool's (413 memory, 422 time, 503 busy).
 */
export function extractArticleInWorker(page: FetchedPage): Promise<ExtractedArticle> {
  return runHeavyJob<{ page: FetchedPage }, ExtractedArticle>(
    { module: WORKER, name: "convertPage" },
    { page },
    { timeMs: conversionTimeMs(), label: "Extracting the article from the page" },
  );
}

function isZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** Refuses text with more non-empty lines than an article holds blocks, before a paragraph is built. */
function assertLinesWithinLimit(content: string): void {
  let lines = 0;
  for (let start = 0; start < content.length; ) {
    const newline = content.indexOf("\n", start);
    const end = newline === -1 ? content.length : newline;
    if (/\S/.test(content.slice(start, end))) lines += 1;
    if (lines > ARTICLE_LIMITS.blockCount) throw tooManyBlocks();
    start = end + 1;
  }
}
