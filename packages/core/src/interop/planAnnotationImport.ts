import { REANCHOR_THRESHOLDS, type SearchBudget } from "../anchoring/reanchor";
import type { Selectors } from "../anchoring/types";
import { IMPORT_LIMITS, type ImportedEvidence, type ImportedOrigin } from "../report/ImportedReport";
import { importValidationError } from "../report/importValidationError";
import { CLAIM_LIMITS } from "../schemas/claim";
import type { LinkKind } from "../schemas/link";
import type { Verdict } from "../schemas/verdict";
import { codePointOffsets } from "../text/codePointOffsets";
import { normalizeWithOffsets } from "../text/normalizeWithOffsets";
import type { AnnotationImportItem } from "./annotationImportResult";
import { placeForeignSelectors } from "./placeForeignSelectors";
import {
  type AnnotationDocumentEntry,
  describeUnreadPage,
  readAnnotationDocument,
  TOO_DEEP_REASON,
} from "./readAnnotationDocument";
import { readForeignAnnotation } from "./readForeignAnnotation";

/** A claim to store for an anchored or orphaned item: selectors in UTF-16 offsets of the article's text. */
export interface PlannedClaim {
  selectors: Selectors;
  verdict: Verdict;
  speaker: string | null;
  rationale: string;
  isOrphaned: boolean;
  isAnchorUnconfirmed: boolean;
  origin: ImportedOrigin;
  evidence: ImportedEvidence[];
}

/**
 * A link annotation as read: its two ends by annotation id, in its direction (`linkFrom`/`linkTo`, else the order of
 * its two targets), its kind (`linkKind`, else a `tagging` body "contradicts" or "supports"), note and origin.
 */
export interface PlannedLink {
  fromId: string;
  toId: string;
  kind: LinkKind;
  note: string | null;
  origin: ImportedOrigin;
  /** The claims it joins, once resolveImportedLinks has found both (a `linked` item). */
  ends?: { fromClaimId: string; toClaimId: string };
}

/**
 * One item of the answer before it is stored: `claim` for anchored and orphaned items; `link` for a link annotation
 * Factmark can keep, answered `skipped` until resolveImportedLinks finds its two ends among the claims.
 */
export type PlannedItem = Omit<AnnotationImportItem, "claimId" | "linkId"> & {
  claim?: PlannedClaim;
  link?: PlannedLink;
  /**
   * For an orphaned item, why its quote was not placed, without what was done about it (`reason` adds "Kept as an
   * orphan…"): what a strict import, which stores nothing, says instead.
   */
  orphanCause?: string;
};

/** What the answer adds to an orphaned item's cause: what was done about it. */
export const ORPHAN_KEPT = "Kept as an orphaned claim for a reviewer to attach.";

/** What a link item says until its ends are looked up (resolveImportedLinks). */
export const UNRESOLVED_LINK_REASON = "It links two annotations; its ends have not been looked up among the claims.";

/**
 * What importing a Web Annotation document onto an article with this `text` would do, item by item, in the
 * document's order: each annotation read (readForeignAnnotation), placed (placeForeignSelectors, positions in code
 * points), and answered `anchored`, `orphaned` or `skipped` with the reason; a link annotation Factmark can keep
 * carries its `link`, for resolveImportedLinks to answer once the claims are known. Throws VALIDATION_FAILED only when the
 * document as a whole is not a Web Annotation document or is over the limits (readAnnotationDocument; more evidence
 * bodies than IMPORT_LIMITS.evidence); one bad item is skipped, never thrown. Close-match searches share one budget (REANCHOR_THRESHOLDS.maxSearchCostPerSave).
 */
export function planAnnotationImport(text: string, document: unknown): PlannedItem[] {
  return planAnnotationEntries(text, readAnnotationDocument(document));
}

/**
 * planAnnotationImport for a document already read (readAnnotationDocument): what a worker thread is sent, so that
 * an annotation nested too deep to walk (left out by readAnnotationDocument) is never cloned nor walked there.
 */
export function planAnnotationEntries(text: string, entries: readonly AnnotationDocumentEntry[]): PlannedItem[] {
  // Worked out once for the text, not once per annotation: each costs the whole text.
  const offsets = codePointOffsets(text);
  const normalized = normalizeWithOffsets(text);
  let lowerCase: string | undefined;
  const lowerCaseText = () => {
    lowerCase ??= text.toLowerCase();
    return lowerCase;
  };
  const searchBudget: SearchBudget = { remaining: REANCHOR_THRESHOLDS.maxSearchCostPerSave };
  const planned = entries.map((entry): PlannedItem => {
    if ("unreadPage" in entry) {
      return {
        path: entry.path,
        annotationId: entry.unreadPage,
        outcome: "skipped",
        reason: describeUnreadPage(entry.unreadPage),
      };
    }
    if ("tooDeep" in entry)
      return { path: entry.path, annotationId: null, outcome: "skipped", reason: TOO_DEEP_REASON };
    const read = readForeignAnnotation(entry.annotation);
    const base = { path: entry.path, annotationId: read.id };
    if (read.kind === "skipped") return { ...base, outcome: "skipped", reason: read.reason };
    if (read.problems.length > 0) {
      const problems = read.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
      return { ...base, outcome: "skipped", reason: `Factmark cannot keep it as it is: ${problems}` };
    }
    if (read.kind === "link") {
      const { fromId, toId, linkKind: kind, note, origin } = read;
      return {
        ...base,
        outcome: "skipped",
        reason: UNRESOLVED_LINK_REASON,
        link: { fromId, toId, kind, note, origin },
      };
    }
    const placed = placeForeignSelectors(text, read.selectors, {
      offsets,
      normalized,
      lowerCaseText,
      searchBudget,
      isMarkedOrphaned: read.isMarkedOrphaned,
    });
    if (placed.outcome === "unplaceable") return { ...base, outcome: "skipped", reason: placed.reason };
    const { exact } = placed.selectors.quote;
    if (exact.length > CLAIM_LIMITS.quoteLength) {
      return {
        ...base,
        outcome: "skipped",
        reason: `The passage it marks is ${exact.length} characters long; a claim's quote holds at most ${CLAIM_LIMITS.quoteLength}.`,
      };
    }
    const notes = [
      ...read.notes,
      ...(read.evidenceProblems.length > 0
        ? [
            `Evidence left out: ${read.evidenceProblems.map((problem) => `${problem.path}: ${problem.message}`).join("; ")}`,
          ]
        : []),
    ];
    const said = (reason: string) =>
      notes.length === 0
        ? reason
        : `${reason} ${notes.map((note) => `${note[0]?.toUpperCase()}${note.slice(1)}${note.endsWith(".") ? "" : "."}`).join(" ")}`;
    const isOrphaned = placed.outcome === "orphaned";
    return {
      ...base,
      outcome: placed.outcome,
      reason: said(isOrphaned ? `${placed.reason} ${ORPHAN_KEPT}` : placed.reason),
      ...(isOrphaned ? { orphanCause: said(placed.reason) } : {}),
      claim: {
        selectors: placed.selectors,
        verdict: read.verdict,
        speaker: read.speaker,
        rationale: read.rationale,
        isOrphaned,
        isAnchorUnconfirmed: placed.outcome === "anchored" && placed.isAnchorUnconfirmed,
        origin: read.origin,
        evidence: read.evidence,
      },
    };
  });
  const evidenceCount = planned.reduce((count, item) => count + (item.claim?.evidence.length ?? 0), 0);
  if (evidenceCount > IMPORT_LIMITS.evidence) {
    throw importValidationError("Too much to import at once", [
      {
        path: "",
        message: `At most ${IMPORT_LIMITS.evidence} evidence bodies can be imported at once (${evidenceCount} given).`,
      },
    ]);
  }
  return planned;
}
