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
 * The Content-Disposition of a report: `attachment` (or `inline` for the web app's preview) with the safe ASCII
 * file name, plus `filename*` (RFC 6266 / 8187) carrying the title's own letters for browsers that read it.
 */
export function reportContentDisposition(
  title: string,
  extension: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const unicodeName = [
    ...title
      .normalize("NFC")
      .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\"]+/gu, " ")
      .trim(),
  ]
    .slice(0, MAX_NAME_LENGTH)
    .join("")
    .trim();
  const extended = unicodeName ? `; filename*=UTF-8''${encodeRfc8187(`${unicodeName}.${extension}`)}` : "";
  return `${disposition}; filename="${reportFilename(title, extension)}"${extended}`;
}

/** Percent-encodes everything but RFC 8187's attr-char. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
