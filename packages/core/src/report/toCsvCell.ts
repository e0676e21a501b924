/** Characters that make a spreadsheet read a cell as a formula (or, tab and CR, that smuggle one in). */
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * One CSV cell (RFC 4180): a cell that starts like a formula is prefixed with a single quote so spreadsheets show
 * it as text (OWASP's advice against CSV injection); a cell holding a comma, a quote, CR or LF is quoted, its quotes
 * doubled.
 */
export function toCsvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (text.length > 0 && FORMULA_TRIGGERS.has(text[0] as string)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
