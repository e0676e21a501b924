import { VERDICT_KEYS, VERDICT_LABELS, VERDICTS, type Verdict } from "@factmark/core";
import { useEffect, useRef } from "react";

/** What a key on the reviewer's desk (the article page) can ask for. */
export type DeskCommand =
  | "showShortcuts"
  | "focusSearch"
  | "goToText"
  | "nextClaim"
  | "previousClaim"
  | "openClaim"
  | "linkClaim"
  | "editRationale"
  | "addEvidence"
  | "acceptSuggestion"
  | "dismissSuggestion"
  | `verdict:${Verdict}`
  | "stepBack"
  | "undo"
  | "saveRationale"
  | "moveInList"
  | "resizePanel";

/** One shortcut: the key sequences that run it (any one of them), and what it does, as the shortcut sheet says it. */
export interface DeskShortcut {
  command: DeskCommand;
  /** Each entry is one way to press it: a sequence of keys, as `KeyboardEvent.key` names them (letters lower case). */
  keys: readonly (readonly string[])[];
  description: string;
  /** Shown in the sheet but run by someone else (Ctrl+Z is the notice's undo, useUndoShortcut). */
  isHandledElsewhere?: boolean;
}

/**
 * Every shortcut of the desk, in the order the shortcut sheet lists them. The handlers (useDeskShortcuts) and
 * the sheet (ShortcutSheet) both read this table, so neither can know a key the other does not.
 */
export const DESK_SHORTCUTS: readonly DeskShortcut[] = [
  { command: "showShortcuts", keys: [["?"]], description: "Show these shortcuts" },
  {
    command: "focusSearch",
    keys: [["/"]],
    description: "Search every article, claim and evidence (the header's box; on any page)",
    // The header's box listens for it on every page (useSearchShortcut), not only on the desk.
    isHandledElsewhere: true,
  },
  { command: "goToText", keys: [["g", "t"]], description: "Go to the article text" },
  {
    command: "nextClaim",
    keys: [["j"]],
    description: "Select the next claim in the text (on the Suggestions tab: the next suggestion)",
  },
  {
    command: "previousClaim",
    keys: [["k"]],
    description: "Select the previous claim in the text (on the Suggestions tab: the previous suggestion)",
  },
  {
    command: "openClaim",
    keys: [["Enter"]],
    description: "Open the selected claim's details (on a highlight: its claim, or a chooser where claims overlap)",
  },
  ...VERDICTS.map(
    (verdict): DeskShortcut => ({
      command: `verdict:${verdict}`,
      keys: VERDICT_KEYS[verdict].map((key) => [key]),
      description: `${VERDICT_LABELS[verdict]}: mark the selected text, or set the selected claim's verdict`,
    }),
  ),
  { command: "linkClaim", keys: [["l"]], description: "Link the selected claim to another" },
  { command: "editRationale", keys: [["r"]], description: "Write the selected claim's rationale" },
  { command: "addEvidence", keys: [["e"]], description: "Add evidence to the selected claim" },
  {
    command: "acceptSuggestion",
    keys: [["a"]],
    description:
      "Suggestions tab: accept the suggestion (an unverified claim with its speaker; a pair marked and linked)",
  },
  { command: "dismissSuggestion", keys: [["x"]], description: "Suggestions tab: dismiss the suggestion" },
  { command: "stepBack", keys: [["Escape"]], description: "Step back: close what is open, then unselect the claim" },
  {
    command: "undo",
    keys: [["Control+z"]],
    description: "Undo what the last notice offers to",
    isHandledElsewhere: true,
  },
  {
    command: "saveRationale",
    keys: [["Control+Enter"]],
    description: "In the rationale: save it",
    isHandledElsewhere: true,
  },
  {
    command: "moveInList",
    keys: [["ArrowUp"], ["ArrowDown"], ["Home"], ["End"]],
    description: "In the claim list: the previous, next, first or last claim it shows",
    isHandledElsewhere: true,
  },
  {
    command: "resizePanel",
    keys: [["ArrowLeft"], ["ArrowRight"], ["Home"], ["End"]],
    description: "On the panel's resize handle: wider, narrower, narrowest, widest",
    isHandledElsewhere: true,
  },
];

/** How the named keys read in the sheet. */
const KEY_LABELS: Record<string, string> = {
  Escape: "Esc",
  ArrowUp: "↑",
  ArrowDown: "↓",
  ArrowLeft: "←",
  ArrowRight: "→",
};

/** How a key reads in the sheet. */
export function keyLabel(key: string): string {
  if (key.startsWith("Control+")) return `Ctrl+${keyLabel(key.slice("Control+".length))}`;
  return KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/** How long the second key of a sequence (`g t`) may wait for the first. */
const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * What is typed into, where every key (Ctrl+Z too) is the field's: an input, textarea or select, the article text
 * in Edit text mode, or any contenteditable element not marked `aria-readonly="true"` (the article text while it is
 * only annotated is, and types nothing).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("input, textarea, select, .article-editor--editing")) return true;
  const editable = target.closest("[contenteditable]:not([contenteditable='false'])");
  return editable !== null && editable.getAttribute("aria-readonly") !== "true";
}

/**
 * Whether a key press is free for a shortcut: not typed into a field, not inside a modal dialog or a list box, and
 * not already taken by a widget (one that called `preventDefault`, outside the article text, whose read-only
 * editor swallows every letter).
 */
export function isFreeForShortcuts(event: KeyboardEvent): boolean {
  const target = event.target as Element | null;
  if (isTypingTarget(target)) return false;
  if (target?.closest?.("[role='dialog'][aria-modal='true'], [role='listbox']")) return false;
  return !event.defaultPrevented || Boolean(target?.closest?.(".article-text"));
}

/** What a key press is called in the table, or null when it is none of the desk's (a modifier held, say). */
function keyName(event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key.length === 1) return event.key.toLowerCase();
  return event.key === "Enter" || event.key === "Escape" ? event.key : null;
}

/**
 * Runs the desk's shortcuts (DESK_SHORTCUTS) anywhere on the page but in a field being typed into, a modal
 * dialog, or a widget that already took the key (one that called `preventDefault`, outside the article text,
 * whose read-only editor swallows every letter). A handler returning `false` lets the key go on as if unbound.
 */
export function useDeskShortcuts(handlers: Partial<Record<DeskCommand, () => unknown>>) {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  useEffect(() => {
    let pending: { keys: string[]; at: number } | null = null;
    function handleKeyDown(event: KeyboardEvent) {
      const target = event.target as Element | null;
      if (!isFreeForShortcuts(event)) return;
      const key = keyName(event);
      if (!key) return;
      // Enter on a button or link presses it.
      if (key === "Enter" && target?.closest?.("button, a, [role='tab']")) return;
      const now = event.timeStamp || Date.now();
      const prefix = pending && now - pending.at < SEQUENCE_TIMEOUT_MS ? pending.keys : [];
      pending = null;
      for (const sequence of [[...prefix, key], [key]]) {
        const shortcut = DESK_SHORTCUTS.find((candidate) =>
          candidate.keys.some((keys) => keys.length === sequence.length && keys.every((k, i) => k === sequence[i])),
        );
        if (shortcut && !shortcut.isHandledElsewhere) {
          const handler = handlersRef.current[shortcut.command];
          if (handler && handler() !== false) event.preventDefault();
          return;
        }
        const isPrefix = DESK_SHORTCUTS.some((candidate) =>
          candidate.keys.some((keys) => keys.length > sequence.length && sequence.every((k, i) => keys[i] === k)),
        );
        if (isPrefix) {
          pending = { keys: sequence, at: now };
          return;
        }
      }
    }
    window.addEventListener("keydown", handleKeyDown);
    return () => window.removeEventListener("keydown", handleKeyDown);
  }, []);
}
