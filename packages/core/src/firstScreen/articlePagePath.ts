/**
 * The article a page path opens in the web app (`/articles/:id`, with or without a trailing slash), or null for
 * any other page (`/articles/new`, a report, a path whose segment cannot be an id). An id is core's ZId alphabet
 * (letters, digits, `-` and `_`, up to 100), so the segment needs no decoding. The server preloads that article's
 * data with the page and the app starts the same requests, both by this one reading of the path.
 */
export function articleIdOfPagePath(pathname: string): string | null {
  const id = /^\/articles\/([A-Za-z0-9_-]{1,100})\/?$/.exec(pathname)?.[1];
  return id === undefined || id === "new" ? null : id;
}
