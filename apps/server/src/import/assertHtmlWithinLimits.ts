import { AppError } from "@factmark/core";
import { Parser } from "htmlparser2";
import { IMPORT_LIMITS } from "./importLimits";

/** Where HTML came from: pasted, uploaded or converted ("html"), or a fetched page ("page", a lower element cap). */
export type HtmlSource = "html" | "page";

const SOURCES = {
  html: { subject: "The HTML", maxElements: IMPORT_LIMITS.htmlElements, limit: "htmlElements" },
  page: { subject: "The page", maxElements: IMPORT_LIMITS.pageElements, limit: "pageElements" },
} as const;

/**
 * Refuses HTML with more elements or deeper nesting than an import may parse, before any DOM is built: one streaming
 * pass of htmlparser2's tokenizer (about 50 ms a megabyte, no tree kept) that stops at the first limit it passes.
 * Depth follows the parser's own implied closes (`<p>` ends an open `<p>`; void elements close at once).
 * Errors: PAYLOAD_TOO_LARGE (413) with `details.limit` "htmlElements"/"pageElements" or "htmlDepth", and `max`.
 */
export function assertHtmlWithinLimits(html: string, source: HtmlSource = "html"): void {
  const { subject, maxElements, limit } = SOURCES[source];
  let elements = 0;
  let depth = 0;
  const parser = new Parser({
    onopentag() {
      elements += 1;
      depth += 1;
      if (elements > maxElements) {
        throw new AppError(
          "PAYLOAD_TOO_LARGE",
          `${subject} has more than ${maxElements.toLocaleString("en")} elements; an article holds fewer.`,
          { limit, max: maxElements },
        );
      }
      if (depth > IMPORT_LIMITS.htmlDepth) {
        throw new AppError("PAYLOAD_TOO_LARGE", `${subject} nests deeper than ${IMPORT_LIMITS.htmlDepth} elements.`, {
          limit: "htmlDepth",
          max: IMPORT_LIMITS.htmlDepth,
        });
      }
    },
    onclosetag() {
      depth -= 1;
    },
  });
  parser.end(html);
}
