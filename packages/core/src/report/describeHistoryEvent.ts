import type { HistoryEvent } from "../schemas/event";
import { VERDICT_LABELS, type Verdict, ZVerdict } from "../schemas/verdict";

/** A history event put into words for the report: "Verdict changed from Unverified to Contradicted". */
export function describeHistoryEvent(event: Pick<HistoryEvent, "action" | "from" | "to">): string {
  const from = valueText(event.from);
  const to = valueText(event.to);
  switch (event.action) {
    case "article.created":
      return "Article added";
    case "article.updated":
      return "Article details edited";
    case "article.deleted":
      return "Article deleted";
    case "article.imported":
      return "Article imported from a report export";
    case "claim.created":
      return to ? `Claim marked ${to}` : "Claim marked";
    case "claim.verdict_changed":
      return from && to ? `Verdict changed from ${from} to ${to}` : `Verdict changed${to ? ` to ${to}` : ""}`;
    case "claim.speaker_changed":
      if (!to) return "Speaker removed";
      return from ? `Speaker changed from ${from} to ${to}` : `Speaker set to ${to}`;
    case "claim.rationale_changed":
      return "Rationale edited";
    case "claim.imported":
      return to ? `Claim imported as ${to}` : "Claim imported";
    case "claim.deleted":
      return "Claim deleted";
    case "claim.restored":
      return "Claim restored";
    case "claim.reanchored":
      return describeReanchoring(event.to);
    case "claim.anchor_confirmed":
      return "Claim's new place confirmed by a reviewer";
    case "claim.orphaned":
      return "Claim orphaned: its text is no longer in the article";
    case "evidence.added":
      return to ? `Evidence added: ${to}` : "Evidence added";
    case "evidence.updated":
      return "Evidence edited";
    case "evidence.removed":
      return from ? `Evidence removed: ${from}` : "Evidence removed";
    case "link.added":
      return "Link added";
    case "link.removed":
      return "Link removed";
    default:
      return "Changed";
  }
}

/** How a claim found its words again: carried by the edit, moved onto edited words, or re-attached by hand. */
function describeReanchoring(to: unknown): string {
  const status = typeof to === "object" && to !== null ? (to as Record<string, unknown>).status : undefined;
  if (status === "fuzzy") return "Claim moved onto edited words after an edit to the article (to be checked)";
  if (status === "reattached") return "Claim re-attached to new words";
  return "Claim re-anchored after an edit to the article";
}

/** The part of an event's value worth naming: a verdict's label, a speaker, an evidence title or URL. */
function valueText(value: unknown): string | null {
  if (typeof value === "string") {
    const verdict = ZVerdict.safeParse(value);
    return verdict.success ? VERDICT_LABELS[verdict.data as Verdict] : value.length > 0 ? value : null;
  }
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  for (const key of ["verdict", "speaker", "title", "url"]) {
    const field = record[key];
    if (typeof field === "string" && field.length > 0) return valueText(field);
  }
  return null;
}
