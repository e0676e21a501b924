import { parseAccept } from "hono/utils/accept";

/**
 * Whether an Accept-Encoding header (RFC 9110 section 12.5.3) takes a content coding (`gzip`, `deflate`): named, or
 * covered by `*`, with a weight above 0. Read by hono's own parser, so the answers that send a kept gzip (a claim
 * list, a report file) decide as compress() does for every other answer (a weight that is not a number counts as 1
 * there, and here).
 */
export function acceptsEncoding(header: string | undefined, coding: "gzip" | "deflate"): boolean {
  const accepts = parseAccept(header ?? "");
  const named = accepts.find((accept) => accept.type.toLowerCase() === coding);
  const weight = named ? named.q : (accepts.find((accept) => accept.type === "*")?.q ?? 0);
  return weight > 0;
}
