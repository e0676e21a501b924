import { EVIDENCE_STANCES, type EventAction, type HistoryEvent, VERDICT_LABELS, VERDICTS } from "@factmark/core";
import { STANCE_LABELS } from "../evidence/stanceLabels";
import { quotePreview } from "../links/quotePreview";

type Values = Record<string, unknown>;

/** What an entry recorded in `from` or `to`, as a record; the server writes them, so anything else reads as empty. */
function record(value: unknown): Values {
  return typeof value === "object" && value !== null ? (value as Values) : {};
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

function quoted(value: unknown, maxLength = 60): string | null {
  const found = text(value);
  return found === null ? null : `“${quotePreview(found, maxLength)}”`;
}

function verdictLabel(value: unknown): string {
  const verdict = VERDICTS.find((item) => item === value);
  return verdict ? VERDICT_LABELS[verdict] : "another verdict";
}

function stanceLabel(value: unknown): string | null {
  const stance = EVIDENCE_STANCES.find((item) => item === value);
  return stance ? STANCE_LABELS[stance] : null;
}

/** How evidence is named in a sentence: its title, else its URL. */
function evidenceName(...values: Values[]): string | null {
  for (const value of values) {
    const name = quoted(value.title) ?? quoted(value.url);
    if (name) return name;
  }
  return null;
}

/** Words joined by spaces, leaving out the missing ones. */
function sentence(...words: (string | null)[]): string {
  return words.filter(Boolean).join(" ");
}

function describeSpeakerChange(from: unknown, to: unknown): string {
  const before = text(from);
  const after = text(to);
  if (!after) return before ? `removed the speaker (was ${before})` : "removed the speaker";
  if (!before) return `attributed the claim to ${after}`;
  return `changed the speaker from ${before} to ${after}`;
}

function describeRationaleChange(from: unknown, to: unknown): string {
  if (!text(from)) return "wrote the rationale";
  if (!text(to)) return "cleared the rationale";
  return "edited the rationale";
}

function describeLink(event: HistoryEvent): string {
  const isAdded = event.action === "link.added";
  const value = record(isAdded ? event.to : event.from);
  const other = quoted(value.otherQuote) ?? "another claim";
  const isSupportedBy = value.kind === "supports" && value.toClaimId === event.claimId;
  if (isAdded) {
    if (value.kind === "supports") return `linked it as ${isSupportedBy ? "supported by" : "supporting"} ${other}`;
    return `linked it as contradicting ${other}`;
  }
  if (value.kind === "supports") return `removed the link ${isSupportedBy ? "from" : "supporting"} ${other}`;
  return `removed the link contradicting ${other}`;
}

function describeEvidenceUpdate(from: Values, to: Values): string {
  const name = evidenceName(to, from);
  const changes: string[] = [];
  if ("stance" in to) changes.push(`stance from ${stanceLabel(from.stance)} to ${stanceLabel(to.stance)}`);
  for (const field of ["url", "title", "excerpt"] as const) {
    if (field in to) changes.push(field === "url" ? "URL" : field);
  }
  const what = changes.length > 0 ? ` (${changes.join(", ")})` : "";
  return `${sentence("edited evidence", name)}${what}`;
}

/** How an undo names what it reverted, when that entry is not at hand to describe in full. */
const UNDONE_CHANGE_NAMES: Partial<Record<EventAction, string>> = {
  "claim.verdict_changed": "a verdict change",
  "claim.speaker_changed": "a speaker change",
  "claim.rationale_changed": "a rationale edit",
  "claim.deleted": "the deletion of the claim",
  "claim.restored": "the restoring of the claim",
  "evidence.added": "adding evidence",
  "evidence.updated": "an evidence edit",
  "evidence.removed": "removing evidence",
  "link.added": "adding a link",
  "link.removed": "removing a link",
};

function describeUndo(event: HistoryEvent, events: readonly HistoryEvent[]): string {
  const reference = record(event.from);
  const undone = events.find((item) => item.id === reference.eventId);
  if (undone && undone.action !== "claim.undone") return `undid “${describeHistoryEvent(undone, [])}”`;
  const name = UNDONE_CHANGE_NAMES[reference.action as EventAction];
  return name ? `undid ${name}` : "undid a change";
}

/**
 * What an entry of a claim's history says, in words a reviewer reads after the actor's name:
 * "changed the verdict from Unverified to Contradicted", "added evidence “…”", "undid …".
 * `events` is the rest of the history, so an undo can say what it undid.
 */
export function describeHistoryEvent(event: HistoryEvent, events: readonly HistoryEvent[]): string {
  const from = record(event.from);
  const to = record(event.to);
  switch (event.action) {
    case "claim.created":
      return `marked the claim as ${verdictLabel(to.verdict)}`;
    case "claim.imported":
      return `imported the claim as ${verdictLabel(to.verdict)}`;
    case "claim.verdict_changed":
      return `changed the verdict from ${verdictLabel(event.from)} to ${verdictLabel(event.to)}`;
    case "claim.speaker_changed":
      return describeSpeakerChange(event.from, event.to);
    case "claim.rationale_changed":
      return describeRationaleChange(event.from, event.to);
    case "claim.deleted":
      return "deleted the claim";
    case "claim.restored":
      return "restored the claim";
    case "claim.reanchored":
      if (to.status === "fuzzy") return "edited the article; the claim moved onto edited words — check it";
      if (to.status === "reattached") return "re-attached the claim to new words";
      return "edited the article; the claim moved with its quote";
    case "claim.anchor_confirmed":
      return "confirmed the claim's new place";
    case "claim.orphaned":
      return "edited the article; the claim's quote is no longer in it (orphaned)";
    case "evidence.added":
      return sentence("added evidence", evidenceName(to), stanceLabel(to.stance) && `(${stanceLabel(to.stance)})`);
    case "evidence.removed":
      return sentence("removed evidence", evidenceName(from));
    case "evidence.updated":
      return describeEvidenceUpdate(from, to);
    case "link.added":
    case "link.removed":
      return describeLink(event);
    case "claim.undone":
      return describeUndo(event, events);
    default:
      // Article entries, and actions newer than this app: say something true rather than nothing.
      return "changed the article";
  }
}
