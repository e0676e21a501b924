import { ARTICLE_LIMITS, type DocNode, plainTextToDoc } from "@factmark/core";
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { assertHtmlWithinLimits } from "./assertHtmlWithinLimits";
import type { FetchedPage } from "./fetchPage";
import { htmlToDoc } from "./htmlToDoc";

export interface ExtractedArticle {
  doc: DocNode;
  title: string | null;
  author: string | null;
  outlet: string | null;
  publishedAt: string | null;
}

/**
 * The article in a fetched page: Readability (Firefox's reader view) over jsdom finds the body and
 * the metadata (title, byline as author, site name as outlet, published time); the body is then
 * sanitised and converted like any HTML import. jsdom runs no scripts and loads nothing. The page's
 * size is checked before jsdom parses it (assertHtmlWithinLimits: 413 past IMPORT_LIMITS.pageElements or
 * htmlDepth). Synchronous and slow on long pages: call it on a worker thread (runConversion.ts).
 */
export function extractArticle(page: FetchedPage): ExtractedArticle {
  const host = new URL(page.url).hostname;
  if (page.mediaType === "text/plain") {
    return { doc: plainTextToDoc(page.body), title: null, author: null, outlet: host, publishedAt: null };
  }
  assertHtmlWithinLimits(page.body, "page");
  const dom = new JSDOM(page.body, { url: page.url, virtualConsole: new VirtualConsole() });
  const parsed = new Readability(dom.window.document).parse();
  const pageTitle = dom.window.document.title;
  dom.window.close();
  return {
    doc: htmlToDoc(parsed?.content ?? page.body),
    title: line(parsed?.title ?? pageTitle, ARTICLE_LIMITS.titleLength),
    author: line(parsed?.byline, 200),
    outlet: line(parsed?.siteName, 200) ?? host,
    publishedAt: isoTimestamp(parsed?.publishedTime),
  };
}

function line(value: string | null | undefined, max: number): string | null {
  const text = value?.replace(/\s+/g, " ").trim() ?? "";
  return text.length > 0 ? text.slice(0, max) : null;
}

function isoTimestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
