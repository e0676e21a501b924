const UNSAFE_IN_SCRIPT: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON for the inside of an HTML `<script type="application/ld+json">`: `<`, `>` and `&` written as \u escapes, so
 * no text can close the script (`</script>`), open a comment (`<!--`) or read as a character reference, and U+2028 /
 * U+2029 escaped too, for any reader that takes the block for JavaScript. The escapes are plain JSON: parsing the
 * block gives back the value unchanged.
 */
export function serializeJsonLdForHtml(value: unknown): string {
  return (JSON.stringify(value) ?? "null").replace(
    /[<>&\u2028\u2029]/g,
    (character) => UNSAFE_IN_SCRIPT[character] ?? character,
  );
}
