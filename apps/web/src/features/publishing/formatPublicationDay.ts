/** A publication's day as a reader says it ("2 December 2026" in their locale); the raw value if it is not a date. */
export function formatPublicationDay(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, { dateStyle: "long" });
}
