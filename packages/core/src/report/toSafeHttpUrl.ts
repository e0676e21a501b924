/**
 * The normalised form of an http(s) URL (spaces and other unsafe characters percent-encoded), or null for anything
 * else: `javascript:`, `data:`, relative or unparsable URLs never become links in a report.
 */
export function toSafeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname.length === 0) return null;
    return url.href;
  } catch {
    return null;
  }
}
