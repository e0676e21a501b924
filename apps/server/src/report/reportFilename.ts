const MAX_NAME_LENGTH = 80;

/**
 * A download's file name from the article's title: ASCII letters, digits and hyphens only (accents dropped, every
 * other run of characters one hyphen), at most 80 characters before the extension; "report" when nothing is left.
 * Nothing in it can end the header, quote a parameter or name a folder.
 */
export function reportFilename(title: string, extension: string): string {
  const name = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_NAME_LENGTH)
    .replace(/-+$/, "")
    .toLowerCase();
  return `fact-check-${name || "report"}.${extension}`;
}

/**
 * The Content-Disposition of a report: `attachment` (or `inline` for a preview) with the safe ASCII file name only.
 * No `filename*` with the title's own letters: browsers prefer it, and the name must stay safe characters only.
 */
export function reportContentDisposition(
  title: string,
  extension: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  return `${disposition}; filename="${reportFilename(title, extension)}"`;
}
