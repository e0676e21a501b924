/** A date or timestamp as the report prints it, the same everywhere: "2022-11-08" or "2022-11-08 09:30 UTC". */
export function formatReportDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
