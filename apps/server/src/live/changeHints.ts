import { EventEmitter } from "node:events";

/**
 * This process's announcements that an article changed, by article id: a hint with the change number
 * just written, which tells the article's event streams to read its change log (the log, not the hint,
 * is what they send). A hint may come before the change commits, or twice; never instead of the log.
 * Writes announce here (eventRepository.insertEvents); on PostgreSQL they also NOTIFY, and every
 * process's listener (listenForChanges) announces what other processes wrote.
 */
const hints = new EventEmitter();
hints.setMaxListeners(0);

export interface ChangeHint {
  articleId: string;
  changeNumber: number;
}

/** The PostgreSQL channel writes NOTIFY on: `<articleId>:<changeNumber>`. */
export const CHANGE_CHANNEL = "factmark_changes";

export function announceChange(hint: ChangeHint): void {
  hints.emit(hint.articleId, hint);
}

/** Calls `listener` for each hint about the article; answers the function that stops it. */
export function onChange(articleId: string, listener: (hint: ChangeHint) => void): () => void {
  hints.on(articleId, listener);
  return () => hints.off(articleId, listener);
}

/** The event every article's streams hear (an article id is a string, never this). */
const EVERY_ARTICLE = Symbol("every article");

/**
 * Tells every article's streams that hints may have been missed (PostgreSQL: the LISTEN connection was
 * not there, and is now), so each reads its article's log at once instead of at its next poll.
 */
export function announceHintsMissed(): void {
  hints.emit(EVERY_ARTICLE);
}

/** Calls `listener` whenever hints may have been missed; answers the function that stops it. */
export function onHintsMissed(listener: () => void): () => void {
  hints.on(EVERY_ARTICLE, listener);
  return () => hints.off(EVERY_ARTICLE, listener);
}

/** Reads a NOTIFY payload (`<articleId>:<changeNumber>`); null when it is not one. */
export function parseChangePayload(payload: string | undefined): ChangeHint | null {
  const match = /^(.+):(\d{1,15})$/.exec(payload ?? "");
  return match?.[1] && match[2] ? { articleId: match[1], changeNumber: Number(match[2]) } : null;
}
