import { ARTICLE_LIMITS, type Article, type ArticleUploadFields, type Principal } from "@factmark/core";
import type { Db } from "../../db/createDatabase";
import { storeNewArticle } from "../../domain/storeNewArticle";
import { readUploadedFileInWorker } from "../../import/runConversion";
import { authorize } from "../../policy/authorize";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Creates an article from an uploaded .txt, .md, .html or .docx file. The title is the one given,
 * else the document's own (its <title> or first heading), else the file's name. The file is read on a worker
 * thread with a deadline, a .docx checked for zip bombs first (readUploadedFileInWorker).
 */
export async function importArticleFile(
  db: Db,
  actor: Principal,
  file: UploadedFile,
  fields: ArticleUploadFields,
): Promise<Article> {
  authorize(actor, "article.import");
  const read = await readUploadedFileInWorker(file.name, file.bytes);
  const fallbackTitle = file.name.replace(/\.[A-Za-z0-9]+$/, "").trim() || "Untitled article";
  return storeNewArticle(db, actor, {
    title: (fields.title || read.title || fallbackTitle).slice(0, ARTICLE_LIMITS.titleLength),
    sourceUrl: fields.sourceUrl ?? null,
    outlet: fields.outlet ?? null,
    author: fields.author ?? null,
    publishedAt: fields.publishedAt ? new Date(fields.publishedAt) : null,
    doc: read.doc,
  });
}
