import { type ArticleFormat, type DocNode, plainTextToDoc } from "@factmark/core";
import { marked } from "marked";
import { htmlToDoc } from "./htmlToDoc";

/**
 * An article body in the editor's schema, from text, HTML or Markdown (Markdown goes through HTML, whose size
 * htmlToDoc checks). Synchronous: on long HTML it runs for seconds, so imports call it on a worker thread
 * (runConversion.ts).
 */
export function contentToDoc(format: ArticleFormat, content: string): DocNode {
  if (format === "text") return plainTextToDoc(content);
  if (format === "html") return htmlToDoc(content);
  return htmlToDoc(markdownToHtml(content));
}

/** Markdown to HTML with marked (GitHub-flavoured); raw HTML in it is sanitised with the rest afterwards. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}
