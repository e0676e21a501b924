import { z } from "zod";
import { type ChangeEnvelope, type ChangeEvent, ZChangeEnvelope, ZChangeEvent, ZChangePayload } from "./ZChangeEvent";

/** A change log row as the database keeps it, its values not yet read (an event already read is one too). */
export type StoredChangeRow = ChangeEnvelope & { action: string; from?: unknown; to?: unknown };

/**
 * A row this code cannot read: an action newer than it, or values that fit no known shape (a bug in
 * the writer). Kept, never dropped, so a timeline stays complete; `storedAction` is what the row said.
 */
export const ZUnreadableChangeEvent = ZChangeEnvelope.extend({
  action: z.literal("unreadable"),
  storedAction: z.string(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});
export type UnreadableChangeEvent = z.infer<typeof ZUnreadableChangeEvent>;

/** What reading a change log row gives: the typed event, or the row marked unreadable. */
export const ZReadChangeEvent = z.union([ZChangeEvent, ZUnreadableChangeEvent]);
export type ReadChangeEvent = ChangeEvent | UnreadableChangeEvent;

/**
 * Reads one change log row into its typed event. Every shape the server has stored reads, old ones
 * included: undo rows from before 2026-12 name the change they reverted without its values (the
 * describer finds them in the reverted row), and fuzzy re-anchoring rows from before 2026-11-30 lack
 * `isAnchorUnconfirmed`. A row that fits no kind comes back as an UnreadableChangeEvent, never thrown.
 * An event already read reads as itself, and the fields keep the row's order.
 */
export function parseChangeEvent(row: StoredChangeRow): ReadChangeEvent {
  // Read already: its storedAction says what the row said, which reading it again would lose.
  if (row.action === "unreadable" && "storedAction" in row) return row as UnreadableChangeEvent;
  // The envelope is the server's own (ids, times, names): only the values need reading.
  const { from, to, ...envelope } = row;
  const payload = ZChangePayload.safeParse({ action: row.action, from, to });
  if (payload.success) return { ...envelope, ...payload.data };
  return {
    ...envelope,
    action: "unreadable",
    storedAction: row.action,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}
