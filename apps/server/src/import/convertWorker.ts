import type { ArticleFormat } from "@factmark/core";
import { workerTask } from "../work/workerTask";

export { warm } from "../work/warm";

import { assertArticleWithinLimits } from "./assertArticleWithinLimits";
import { contentToDoc } from "./contentToDoc";
import { type ExtractedArticle, extractArticle } from "./extractArticle";
import type { FetchedPage } from "./fetchPage";
import { readUploadedFile } from "./readUploadedFile";
import type { ReadFile } from "./uploadedFile";

/**
 * The conversions an import runs on a worker thread of the heavy-work pool (see runConversion.ts, which sends them
 * here with a deadline). Each converts, then checks the result against the article's limits, so a document over
 * them is refused before it is copied back to the main thread.
 */
export const convertContent = workerTask((input: { format: ArticleFormat; content: string }) =>
  assertArticleWithinLimits(contentToDoc(input.format, input.content)),
);

export const convertFile = workerTask(async (input: { fileName: string; bytes: Uint8Array }): Promise<ReadFile> => {
  const read = await readUploadedFile(input.fileName, input.bytes);
  return { ...read, doc: assertArticleWithinLimits(read.doc) };
});

export const convertPage = workerTask((input: { page: FetchedPage }): ExtractedArticle => {
  const article = extractArticle(input.page);
  return { ...article, doc: assertArticleWithinLimits(article.doc) };
});
