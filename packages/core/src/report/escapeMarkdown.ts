/**
 * Text made inert in Markdown while staying readable as plain text: inline markup characters and raw HTML are
 * backslash-escaped everywhere, and characters that only mean something at the start of a line
 * (headings, lists, quotes, rules) are escaped there. Line breaks become spaces; callers that keep
 * lines split the text first.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]<>|~]/g, "\\$&")
    .replace(/^(\s*)([#+\-=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/, "$1\\$2");
}
