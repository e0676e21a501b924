import type { SearchHighlight } from "@factmark/core";
import type { ReactNode } from "react";

/**
 * `text` with the matched words (`ranges`, UTF-16 offsets, end exclusive) in `<mark>`, all of it as text, never
 * markup. A range out of order, overlapping the one before or past the end is skipped or cut to the text.
 */
export function HighlightedText({ text, ranges }: Pick<SearchHighlight, "text" | "ranges">) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, at);
    const end = Math.min(range.end, text.length);
    if (start >= end) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
