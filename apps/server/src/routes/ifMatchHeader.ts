/**
 * The If-Match header of a route that changes a versioned row, for the document. The handler reads it with
 * requireIfMatch (428 without it) or readIfMatch (checked only when sent), as `presence` says.
 */
export function ifMatchHeader(presence: "required" | "optional") {
  return {
    name: "If-Match",
    in: "header" as const,
    required: presence === "required",
    description: 'The version read, as its ETag: "3".',
    schema: { type: "string" as const },
  };
}
