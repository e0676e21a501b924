import { FIRST_STRONG_ISOLATE, firstStrongDirection, POP_DIRECTIONAL_ISOLATE } from "../text/firstStrongDirection";
import { parseRationale, type RationaleInline } from "../text/parseRationale";
import { escapeHtml } from "./escapeHtml";
import { escapeMarkdown } from "./escapeMarkdown";
import { toSafeHttpUrl } from "./toSafeHttpUrl";

/**
 * The one rendering of a rationale's (or a conclusion summary's) light formatting, read by core's parseRationale,
 * for each text format: HTML, Markdown and plain text. The PDF draws the same parsed blocks.
 *
 * A line's leading spaces are not kept, in any format: a rationale is Markdown-like text, where indentation is
 * layout ("  - item" is a list item, an indented line continues its paragraph), as CommonMark reads a paragraph's
 * lines. Words whose spacing matters are quoted as the claim's quote or an evidence excerpt, which keep it.
 */

/**
 * HTML: paragraphs (`<p dir="auto">`, a single line break as `<br>`), `<ul>`/`<ol>` lists, `<em>`, `<strong>`, and
 * links (`rel="noopener noreferrer"`) for http(s) URLs only. Every piece of text is escaped; "" for an empty text.
 */
export function rationaleToHtml(text: string): string {
  return parseRationale(text)
    .map((block) => {
      if (block.type === "paragraph") return `<p dir="auto">${block.lines.map(inlinesToHtml).join("<br>")}</p>`;
      const tag = block.isOrdered ? "ol" : "ul";
      return `<${tag} dir="auto">${block.items.map((item) => `<li>${inlinesToHtml(item)}</li>`).join("")}</${tag}>`;
    })
    .join("");
}

/**
 * Markdown (CommonMark): paragraphs separated by a blank line with hard line breaks inside, `-` and `1.` lists,
 * `*emphasis*`, `**strong**`, `[text](<url>)` or `<url>` links. Text is escaped so it means nothing else; right-to-left
 * paragraphs and items are wrapped in Unicode isolates (FSI … PDI), as the Markdown report does with quotes.
 */
export function rationaleToMarkdown(text: string): string {
  return parseRationale(text)
    .map((block) => {
      if (block.type === "paragraph") return isolateRightToLeft(block.lines.map(inlinesToMarkdown).join("  \n"));
      return block.items
        .map(
          (item, index) => `${block.isOrdered ? `${index + 1}.` : "-"} ${isolateRightToLeft(inlinesToMarkdown(item))}`,
        )
        .join("\n");
    })
    .join("\n\n");
}

/**
 * Plain text, for ClaimReview's `reviewBody` and anything else that shows no markup: paragraphs separated by a blank
 * line, list items as "- item" or "1. item", emphasis markers dropped, a link as "text (url)" (a bare URL once).
 */
export function rationaleToPlainText(text: string): string {
  return parseRationale(text)
    .map((block) => {
      if (block.type === "paragraph") return block.lines.map(inlinesToPlainText).join("\n");
      return block.items
        .map((item, index) => `${block.isOrdered ? `${index + 1}.` : "-"} ${inlinesToPlainText(item)}`)
        .join("\n");
    })
    .join("\n\n");
}

function inlinesToHtml(inlines: RationaleInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.type === "emphasis") return `<em>${escapeHtml(inline.text)}</em>`;
      if (inline.type === "strong") return `<strong>${escapeHtml(inline.text)}</strong>`;
      if (inline.type === "text") return escapeHtml(inline.text);
      const href = toSafeHttpUrl(inline.href);
      return href
        ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(inline.text)}</a>`
        : escapeHtml(inline.text);
    })
    .join("");
}

function inlinesToMarkdown(inlines: RationaleInline[]): string {
  return inlines
    .map((inline) => {
      if (inline.type === "emphasis") return `*${escapeMarkdown(inline.text)}*`;
      if (inline.type === "strong") return `**${escapeMarkdown(inline.text)}**`;
      if (inline.type === "text") return escapeMarkdown(inline.text);
      const href = toSafeHttpUrl(inline.href);
      if (!href) return escapeMarkdown(inline.text);
      return inline.text === inline.href ? `<${href}>` : `[${escapeMarkdown(inline.text)}](<${href}>)`;
    })
    .join("");
}

function inlinesToPlainText(inlines: RationaleInline[]): string {
  return inlines
    .map((inline) =>
      inline.type === "link" && inline.text !== inline.href ? `${inline.text} (${inline.href})` : inline.text,
    )
    .join("");
}

/** Right-to-left text wrapped in a first-strong isolate; any other text as it is. */
export function isolateRightToLeft(text: string): string {
  return firstStrongDirection(text) === "rtl" ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text;
}
