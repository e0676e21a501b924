/**
 * Elements that only hold other content (sections, figures, tables, definition lists): an import keeps
 * what is inside them, and the converter gathers their inline children into paragraphs.
 */
export const CONTAINER_TAGS = [
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "figure",
  "figcaption",
  "table",
  "thead",
  "tbody",
  "tr",
  "td",
  "th",
  "dl",
  "dt",
  "dd",
] as const;
