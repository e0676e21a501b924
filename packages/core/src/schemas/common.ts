import { z } from "zod";
import { hasUrlCredentials, toSafeHttpUrl } from "../report/toSafeHttpUrl";

/** Ids are opaque strings the server makes; this bounds what a path may carry. */
export const ZId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "An id holds only letters, digits, '-' and '_'.");

/** The query of a route that takes no parameters: any given is refused (400), so a misspelt option never goes unseen. */
export const ZNoQuery = z.strictObject({});

/** A route's `:id` parameter, validated as an id before any lookup. */
export const ZIdParam = z.object({ id: ZId });
export type IdParam = z.infer<typeof ZIdParam>;

/** A timestamp as it crosses the wire: ISO 8601 in UTC. */
export const ZTimestamp = z.iso.datetime({ offset: true });

/** Text a person types: no NUL characters and no lone surrogates, which no store keeps faithfully. */
export function ZUserText(max: number) {
  return z
    .string()
    .max(max, `At most ${max} characters.`)
    .refine((value) => !value.includes("\u0000"), "Text may not contain NUL characters.")
    .refine((value) => value.isWellFormed(), "Text may not contain lone surrogates.");
}

/** A short optional field: blank means "none". */
export function ZOptionalLine(max: number) {
  return ZUserText(max)
    .transform((value) => value.trim())
    .transform((value) => (value.length === 0 ? null : value))
    .nullable()
    .optional();
}

/**
 * An http(s) URL, the only kind we link to, stored in its normalised form (toSafeHttpUrl: the WHATWG serialisation
 * with what RFC 3986 forbids percent-encoded), so `https://example.org/a]b` is kept as `https://example.org/a%5Db`.
 * A URL with a user name or password is refused: a report would publish the password.
 */
export const ZHttpUrl = z
  .string()
  .trim()
  .max(2048, "A URL has at most 2048 characters.")
  .refine((value) => toSafeHttpUrl(value) !== null, "Give a full http:// or https:// URL.")
  .refine(
    (value) => !hasUrlCredentials(value),
    "A URL may not carry a user name or password (user:password@): give the address without them.",
  )
  .transform((value) => toSafeHttpUrl(value) ?? value);

/** Who did something, as the history and the UI show it. */
export const ZActor = z.object({ id: z.string(), name: z.string() });
export type Actor = z.infer<typeof ZActor>;

/** A list answer: `{ "items": [...] }`. */
export function ZList<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

/**
 * The query of every list that can answer only what changed (claims, links) and of the article's event
 * stream: `since`, an article change number from an earlier answer (its `cursor`, or a `change` event's id).
 */
export const ZSinceQuery = z.object({
  since: z
    .string()
    .regex(/^\d{1,15}$/, "since must be a change number of an earlier answer, a whole number.")
    .transform(Number)
    .optional(),
});
