import sanitizeHtml from "sanitize-html";
import { CONTAINER_TAGS } from "./containerTags";

/**
 * The HTML an import may keep: the editor's blocks and marks, and containers whose content we keep
 * (a div is a paragraph to a reader; tables keep their cells' text). Everything else is dropped;
 * scripts, styles and other non-text elements are dropped with their content.
 */
const ALLOWED_TAGS = [
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "ul",
  "ol",
  "li",
  "blockquote",
  "strong",
  "b",
  "em",
  "i",
  "a",
  "pre",
  "span",
  ...CONTAINER_TAGS,
];

/** Elements whose text is not article text: dropped with everything inside them. */
const DROPPED_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "noscript",
  "title",
  "head",
  "template",
  "iframe",
  "frame",
  "frameset",
  "noembed",
  "noframes",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "select",
  "button",
  "xmp",
  "plaintext",
  "form",
  "nav",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href"], ol: ["start"] },
  // Only web links survive; javascript:, data:, vbscript: and relative links lose their href.
  allowedSchemes: ["http", "https"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  allowedStyles: {},
  nonTextTags: DROPPED_WITH_CONTENT,
  disallowedTagsMode: "discard",
  parseStyleAttributes: false,
};

/** Cleans untrusted HTML down to what the article converter reads (see ALLOWED_TAGS). */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
