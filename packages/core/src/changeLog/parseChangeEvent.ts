import { type ChangeEnvelope, type ChangeEvent, ZChangePayload } from "./ZChangeEvent";

/** A change log row as the API answers it today: `from` and `to` untyped. */
export type StoredChangeRow = ChangeEnvelope & { action: string; from?: unknown; to?: unknown };

/**
 * A row this code cannot read: an action newer than it, or values that fit no known shape (a bug in
 * the writer). Kept, never dropped, so a timeline stays complete; `storedAction` is what the row said.
 */
export type UnreadableChangeEvent = ChangeEnvelope & {
  action: "unreadable";
  storedAction: string;
  from?: unknown;
  to?: unknown;
};

/** What reading a change log row gives: the typed event, or the row marked unreadable. */
export type ReadChangeEvent = ChangeEvent | UnreadableChangeEvent;

/**
 * Reads one change log row into its typed event. Every shape the server has stored reads, old ones
 * included: undo rows from before 2026-12 name the change they reverted without its values (the
 * describer finds them in the reverted row), and fuzzy re-anchoring rows from before 2026-11-30 lack
 * `isAnchorUnconfirmed`. A row that fits no kind comes back as an UnreadableChangeEvent, never thrown.
 */
export function parseChangeEvent(row: StoredChangeRow): ReadChangeEvent {
  const { action, from, to, ...envelope } = row;
  // The envelope is the server's own (ids, times, names): only the values need reading.
  const payload = ZChangePayload.safeParse({ action, from, to });
  if (payload.success) return { ...envelope, ...payload.data };
  return {
    ...envelope,
    action: "unreadable",
    storedAction: action,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}
