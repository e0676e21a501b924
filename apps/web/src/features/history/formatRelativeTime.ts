const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });

/** When something happened, as a reviewer says it: "just now", "2 min ago", "3 hours ago", "yesterday", "12 Jan 2026". */
export function formatRelativeTime(at: string, now: Date): string {
  const then = new Date(at);
  const elapsed = now.getTime() - then.getTime();
  // A clock a little ahead of ours still means "now".
  if (elapsed < 45_000) return "just now";
  if (elapsed < HOUR) return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`;
  if (elapsed < DAY) {
    const hours = Math.floor(elapsed / HOUR);
    return hours === 1 ? "1 hour ago" : `${hours} hours ago`;
  }
  const days = Math.floor(elapsed / DAY);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return dateFormat.format(then);
}
