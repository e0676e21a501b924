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
  /** Elements in pasted, uploaded or converted HTML, counted by a streaming pass before any DOM is built. */
  htmlElements: 100_000,
  /** How deep HTML (and a fetched page) may nest, counted in the same pass. */
  htmlDepth: 256,
  /** Elements in a fetched page: Readability's work grows faster than the page, so pages get a lower cap. */
  pageElements: 30_000,
  /** Entries in a .docx (a zip), read from its central directory before anything is inflated. */
  docxEntries: 1_000,
  /**
   * Uncompressed bytes of all a .docx's parts together, whatever their names (Word finds its document through
   * `_rels/.rels`, so a name says nothing), declared and then counted as they inflate.
   */
  docxXmlBytes: 32 * 1024 * 1024,
  /** Tags (`<…>`) in all a .docx's parts together, counted as they inflate. */
  docxXmlTags: 2_000_000,
  /** Time one conversion (HTML, Markdown, .docx, a fetched page) may run on its worker thread. */
  conversionTimeMs: 20_000,
} as const;
