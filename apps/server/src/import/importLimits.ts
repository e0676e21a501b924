import { ARTICLE_LIMITS } from "@factmark/core";

/** Limits on what an import reads, documented in the README. */
export const IMPORT_LIMITS = {
  /** An uploaded file; the upload route's body limit (8 MB) is above it, so this check answers first. */
  fileBytes: ARTICLE_LIMITS.uploadBytes,
  /** A fetched page, counted while it streams in. */
  pageBytes: 5 * 1024 * 1024,
  /** A page fetch, from the first connection to the last byte. */
  fetchTimeoutMs: 10_000,
  maxRedirects: 5,
  /** An HTML file is refused when script makes up more than this share of its script and text together. */
  maxScriptShare: 0.5,
} as const;
