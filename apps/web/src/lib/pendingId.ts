/**
 * The id of a row shown before the server has stored it (an optimistic create): the server never issues one,
 * so it cannot be read, changed, linked or reported on until the real row replaces it. Made and recognised
 * here only.
 */
const PENDING_PREFIX = "pending-";

let pendingCount = 0;

/** A new id for an optimistic row of `kind`, unique in this page. */
export function pendingId(kind: "claim" | "link" | "evidence"): string {
  pendingCount += 1;
  return `${PENDING_PREFIX}${kind}-${pendingCount}`;
}

/** Whether `id` is an optimistic row's, not yet the server's. */
export function isPendingId(id: string): boolean {
  return id.startsWith(PENDING_PREFIX);
}
