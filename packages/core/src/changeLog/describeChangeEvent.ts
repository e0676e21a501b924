import type { ReanchorSummary } from "../anchoring/reanchorAll";
import { EVIDENCE_STANCE_LABELS } from "../report/reportLabels";
import { CONCLUSION_RATING_LABELS, type Conclusion } from "../schemas/publication";
import { VERDICT_LABELS } from "../schemas/verdict";
import { CLAIM_STATUS_LABELS } from "../schemas/workflow";
import type { ArticleDetails, ArticleDetailsAfter, EvidenceFields, ImportSource, LinkValue } from "./changeValues";
import type { ReadChangeEvent, UnreadableChangeEvent } from "./parseChangeEvent";
import {
  CHANGE_ACTIONS,
  type ChangeAction,
  type ChangeEvent,
  type ChangeEventOf,
  type ChangePayloadOf,
  type UndoableChangeAction,
  type UndoneChange,
  ZChangePayload,
} from "./ZChangeEvent";

/** What a description may draw on besides the event itself. */
export interface DescribeChangeContext {
  /**
   * The rest of the change log, in any order: an undo row written before undos carried values finds
   * the values of the change it reverted there.
   */
  events?: readonly ReadChangeEvent[];
}

/**
 * A change put into words a person reads after the actor's name: "changed the verdict from
 * Unverified to Contradicted", "added evidence “Reuters” (Contradicts)", "restored the verdict to
 * Supported (undo of the change to Contradicted)". The one wording of the change log: the history
 * panel and every report format show these words.
 */
export function describeChangeEvent(event: ReadChangeEvent, context: DescribeChangeContext = {}): string {
  if (event.action === "unreadable") return describeUnreadable(event);
  // The table is keyed by action, so each entry takes its own kind; TypeScript cannot pair them up here.
  const describe = CHANGE_WORDING[event.action] as (event: ChangeEvent, context: DescribeChangeContext) => string;
  return describe(event, context);
}

/** Said after a change the reviewer made by accepting a suggestion (issue 19). */
const FROM_SUGGESTION = ", from a suggestion";

type ChangeWording = {
  [Action in ChangeAction]: (event: ChangeEventOf<Action>, context: DescribeChangeContext) => string;
};

const CHANGE_WORDING: ChangeWording = {
  "article.created": (event) => sentence("added the article", quoted(event.to.title)),
  "article.updated": (event) => describeArticleEdit(event.from, event.to),
  "article.deleted": (event) => sentence("deleted the article", quoted(event.from.title)),
  "article.restored": (event) => sentence("restored the article", quoted(event.to.title)),
  "article.imported": (event) =>
    sentence("imported the article", quoted(event.to.title), `from ${IMPORT_SOURCE_NAMES[event.to.source]}`),
  "claim.created": (event) =>
    `marked the claim as ${VERDICT_LABELS[event.to.verdict]}${event.to.fromSuggestion ? FROM_SUGGESTION : ""}`,
  "claim.imported": (event) => `imported the claim as ${VERDICT_LABELS[event.to.verdict]}`,
  "claim.verdict_changed": (event) =>
    `changed the verdict from ${VERDICT_LABELS[event.from]} to ${VERDICT_LABELS[event.to]}`,
  "claim.speaker_changed": (event) => describeSpeakerChange(event.from, event.to),
  "claim.rationale_changed": (event) => describeRationaleChange(event.from, event.to),
  "claim.deleted": () => "deleted the claim",
  "claim.restored": () => "restored the claim",
  "claim.reanchored": (event) => {
    if (event.to.status === "fuzzy") return "edited the article; the claim moved onto edited words — check it";
    if (event.to.status === "reattached") return sentence("re-attached the claim to", quoted(event.to.exact));
    return "edited the article; the claim moved with its quote";
  },
  "claim.orphaned": () => "edited the article; the claim's quote is no longer in it (orphaned)",
  "claim.anchor_confirmed": () => "confirmed the claim's new place",
  "evidence.added": (event) =>
    sentence("added evidence", evidenceName(event.to), `(${EVIDENCE_STANCE_LABELS[event.to.stance]})`),
  "evidence.updated": (event) => describeEvidenceEdit(event.from, event.to),
  "evidence.removed": (event) => sentence("removed evidence", evidenceName(event.from)),
  "link.added": (event) =>
    `linked it as ${linkRelation(event.to, event.claimId)}${event.to.fromSuggestion ? FROM_SUGGESTION : ""}`,
  "link.removed": (event) => describeLinkRemoval(event.from, event.claimId),
  "claim.undone": (event, context) => describeUndo(event.from, event.claimId, context),
  "claim.assigned": (event) => {
    if (!event.to) return event.from ? `unassigned the claim (was ${event.from.name})` : "unassigned the claim";
    if (!event.from) return `assigned the claim to ${event.to.name}`;
    return `reassigned the claim from ${event.from.name} to ${event.to.name}`;
  },
  "claim.status_changed": (event) =>
    `moved the claim from ${CLAIM_STATUS_LABELS[event.from]} to ${CLAIM_STATUS_LABELS[event.to]}`,
  "claim.review_reopened": (event) =>
    `changed the claim after review, so it went back from ${CLAIM_STATUS_LABELS[event.from]} to ${CLAIM_STATUS_LABELS[event.to]}`,
  "claim.reviewed": (event) => {
    const note = quoted(event.to.note);
    if (event.to.decision === "request-changes") return sentence("requested changes:", note);
    return event.to.status === "approved" ? "approved the claim" : "approved the claim (one more approval needed)";
  },
  "article.conclusion_changed": (event) => describeConclusionChange(event.from, event.to),
  "article.speaker_kinds_changed": (event) => {
    const changes = Object.entries(event.to).map(([name, kind]) =>
      kind ? `${name} as ${kind === "Person" ? "a person" : "an organisation"}` : `no kind for ${name}`,
    );
    return `set ${listOf(changes)}`;
  },
  "article.published": (event) =>
    event.to.version === 1
      ? "published the fact-check"
      : sentence(`published version ${event.to.version} with a correction:`, quoted(event.to.correctionNote)),
  "article.retracted": (event) => sentence("retracted the fact-check:", quoted(event.to.note)),
};

/** The words for a row that does not read: what its action says, without the values it holds. */
const BARE_WORDING: Record<ChangeAction, string> = {
  "article.created": "added the article",
  "article.updated": "edited the article",
  "article.deleted": "deleted the article",
  "article.restored": "restored the article",
  "article.imported": "imported the article",
  "claim.created": "marked the claim",
  "claim.imported": "imported the claim",
  "claim.verdict_changed": "changed the verdict",
  "claim.speaker_changed": "changed the speaker",
  "claim.rationale_changed": "edited the rationale",
  "claim.deleted": "deleted the claim",
  "claim.restored": "restored the claim",
  "claim.reanchored": "moved the claim to other words",
  "claim.orphaned": "edited the article; the claim's quote is no longer in it (orphaned)",
  "claim.anchor_confirmed": "confirmed the claim's new place",
  "evidence.added": "added evidence",
  "evidence.updated": "edited evidence",
  "evidence.removed": "removed evidence",
  "link.added": "added a link",
  "link.removed": "removed a link",
  "claim.undone": "undid a change",
  "claim.assigned": "changed who the claim is assigned to",
  "claim.status_changed": "changed the claim's status",
  "claim.review_reopened": "sent the claim back to review",
  "claim.reviewed": "reviewed the claim",
  "article.conclusion_changed": "changed the conclusion",
  "article.speaker_kinds_changed": "set the speakers' kinds",
  "article.published": "published the fact-check",
  "article.retracted": "retracted the fact-check",
};

function describeUnreadable(event: UnreadableChangeEvent): string {
  const action = CHANGE_ACTIONS.find((known) => known === event.storedAction);
  return action ? BARE_WORDING[action] : "made a change";
}

// Undo: what the undo put back, then what it undid. The reverted change's values come with the undo
// (or, for old rows, from the reverted row in the log); without them the undo still says it is one.

type UndoWording = {
  [Action in UndoableChangeAction]: (reverted: ChangePayloadOf<Action>, claimId: string | null) => string;
};

const UNDO_WORDING: UndoWording = {
  "claim.verdict_changed": (reverted) =>
    `restored the verdict to ${VERDICT_LABELS[reverted.from]} (undo of the change to ${VERDICT_LABELS[reverted.to]})`,
  "claim.speaker_changed": (reverted) => {
    const restored = reverted.from ? `restored the speaker to ${reverted.from}` : "removed the speaker again";
    return `${restored} (undo of ${reverted.to ? `the change to ${reverted.to}` : "its removal"})`;
  },
  "claim.rationale_changed": (reverted) =>
    `${reverted.from ? "restored the earlier rationale" : "cleared the rationale again"} (undo of an edit)`,
  "claim.deleted": () => "restored the claim (undo of its deletion)",
  "claim.restored": () => "deleted the claim again (undo of its restoring)",
  "evidence.added": (reverted) =>
    `${sentence("removed evidence", evidenceName(reverted.to))} again (undo of adding it)`,
  "evidence.updated": (reverted) => {
    const fields = listOf(evidenceFieldNames(reverted.from));
    const name = evidenceName(reverted.from, reverted.to);
    const stance = reverted.from.stance ? `${EVIDENCE_STANCE_LABELS[reverted.from.stance]}; ` : "";
    return `restored the earlier ${fields || "version"} of ${name ? `evidence ${name}` : "the evidence"} (${stance}undo of an edit)`;
  },
  "evidence.removed": (reverted) =>
    `${sentence("restored evidence", evidenceName(reverted.from))} (undo of its removal)`,
  "link.added": (reverted, claimId) => `${describeLinkRemoval(reverted.to, claimId)} again (undo of adding it)`,
  "link.removed": (reverted, claimId) =>
    `restored the link ${linkRelation(reverted.from, claimId)} (undo of its removal)`,
};

/** How an undo names what it reverted when the values of that change are nowhere to be found. */
const UNDONE_NAMES: Record<UndoableChangeAction, string> = {
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

function describeUndo(reference: UndoneChange, claimId: string | null, context: DescribeChangeContext): string {
  const reverted = ZChangePayload.safeParse(withValuesFromLog(reference, context.events));
  if (!reverted.success) return `undid ${UNDONE_NAMES[reference.action]}`;
  const describe = UNDO_WORDING[reference.action] as (reverted: unknown, claimId: string | null) => string;
  return describe(reverted.data, claimId);
}

/** An old undo row names the reverted change only; its values are in that change's own row. */
function withValuesFromLog(reference: UndoneChange, events: readonly ReadChangeEvent[] = []): UndoneChange {
  const hasValues =
    ("from" in reference && reference.from !== undefined) || ("to" in reference && reference.to !== undefined);
  if (hasValues) return reference;
  const reverted = events.find((event) => event.id === reference.eventId);
  if (!reverted || reverted.action !== reference.action) return reference;
  return {
    ...reference,
    ...("from" in reverted ? { from: reverted.from } : {}),
    ...("to" in reverted ? { to: reverted.to } : {}),
  } as UndoneChange;
}

// Claims.

function describeSpeakerChange(from: string | null, to: string | null): string {
  if (!to) return from ? `removed the speaker (was ${from})` : "removed the speaker";
  if (!from) return `attributed the claim to ${to}`;
  return `changed the speaker from ${from} to ${to}`;
}

function describeRationaleChange(from: string, to: string): string {
  if (!from) return "wrote the rationale";
  if (!to) return "cleared the rationale";
  return "edited the rationale";
}

// Evidence.

/** How evidence is named in a sentence: its title, else its URL, from the first value that has one. */
function evidenceName(...values: EvidenceFields[]): string | null {
  for (const value of values) {
    const name = quoted(value.title) ?? quoted(value.url);
    if (name) return name;
  }
  return null;
}

const EVIDENCE_FIELD_NAMES = { url: "URL", title: "title", excerpt: "excerpt" } as const;

/** The fields an evidence edit touched, in words. */
function evidenceFieldNames(fields: EvidenceFields): string[] {
  const names: string[] = [];
  if (fields.stance !== undefined) names.push("stance");
  for (const field of ["url", "title", "excerpt"] as const) {
    if (field in fields) names.push(EVIDENCE_FIELD_NAMES[field]);
  }
  return names;
}

function describeEvidenceEdit(from: EvidenceFields, to: EvidenceFields): string {
  const changes: string[] = [];
  if (from.stance !== undefined && to.stance !== undefined) {
    changes.push(`stance from ${EVIDENCE_STANCE_LABELS[from.stance]} to ${EVIDENCE_STANCE_LABELS[to.stance]}`);
  }
  for (const name of evidenceFieldNames({ ...to, stance: undefined })) changes.push(name);
  const what = changes.length > 0 ? ` (${changes.join(", ")})` : "";
  return `${sentence("edited evidence", evidenceName(to, from))}${what}`;
}

// Links: each claim's entry names the other claim, and a "supports" link reads by its direction.

function linkRelation(link: LinkValue, claimId: string | null): string {
  const other = quoted(link.otherQuote) ?? "another claim";
  if (link.kind === "contradicts") return `contradicting ${other}`;
  return link.toClaimId === claimId ? `supported by ${other}` : `supporting ${other}`;
}

function describeLinkRemoval(link: LinkValue, claimId: string | null): string {
  const other = quoted(link.otherQuote) ?? "another claim";
  if (link.kind === "contradicts") return `removed the link contradicting ${other}`;
  return link.toClaimId === claimId ? `removed the link from ${other}` : `removed the link supporting ${other}`;
}

// Articles.

const IMPORT_SOURCE_NAMES: Record<ImportSource, string> = {
  "factmark-json": "a Factmark JSON export",
  "w3c-web-annotation": "a W3C Web Annotation export",
};

const ARTICLE_FIELD_NAMES = {
  title: "title",
  sourceUrl: "source URL",
  outlet: "outlet",
  author: "author",
  publishedAt: "publication date",
} as const;

function describeArticleEdit(from: ArticleDetails, to: ArticleDetailsAfter): string {
  const fields = (Object.keys(ARTICLE_FIELD_NAMES) as (keyof typeof ARTICLE_FIELD_NAMES)[])
    .filter((field) => field in to || field in from)
    .map((field) => ARTICLE_FIELD_NAMES[field]);
  const isTextEdited = to.textLength !== undefined;
  const what = isTextEdited
    ? `edited the article's text${fields.length > 0 ? " and details" : ""}`
    : "edited the article's details";
  const notes = [listOf(fields), to.reanchored ? claimsAfterEdit(to.reanchored) : ""].filter(Boolean);
  return notes.length > 0 ? `${what} (${notes.join("; ")})` : what;
}

/** What an edit of the text did to the claims that did not simply stay on their words. */
function claimsAfterEdit(summary: ReanchorSummary): string {
  const parts = [
    summary.moved > 0 ? `${summary.moved} moved` : "",
    summary.fuzzy > 0 ? `${summary.fuzzy} to check` : "",
    summary.orphaned > 0 ? `${summary.orphaned} orphaned` : "",
  ].filter(Boolean);
  return parts.length > 0 ? `claims: ${parts.join(", ")}` : "";
}

function describeConclusionChange(from: Conclusion | null, to: Conclusion | null): string {
  if (!to) return "removed the conclusion";
  if (!from) return `wrote the conclusion (${CONCLUSION_RATING_LABELS[to.rating]})`;
  if (from.rating !== to.rating) {
    const edited = from.summary !== to.summary ? " and edited its summary" : "";
    return `changed the overall rating from ${CONCLUSION_RATING_LABELS[from.rating]} to ${CONCLUSION_RATING_LABELS[to.rating]}${edited}`;
  }
  return "edited the conclusion";
}

// Words.

const QUOTE_PREVIEW_LENGTH = 60;

/** Text in curly quotes, cut on a word boundary when long; null when there is none. */
function quoted(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  if (!text) return null;
  if (text.length <= QUOTE_PREVIEW_LENGTH) return `“${text}”`;
  const cut = text.slice(0, QUOTE_PREVIEW_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  return `“${lastSpace > QUOTE_PREVIEW_LENGTH * 0.6 ? cut.slice(0, lastSpace) : cut}…”`;
}

/** Words joined by spaces, leaving out the missing ones. */
function sentence(...words: (string | null)[]): string {
  return words.filter(Boolean).join(" ");
}

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
