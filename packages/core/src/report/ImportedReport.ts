import type { Selectors } from "../anchoring/types";
import type { ChangePayload } from "../changeLog/ZChangeEvent";
import type { Actor } from "../schemas/common";
import type { EvidenceStance } from "../schemas/evidence";
import type { LinkKind } from "../schemas/link";
import type { Conclusion, SpeakerKinds } from "../schemas/publication";
import type { Verdict } from "../schemas/verdict";
import type { ClaimStatus, ReviewDecision } from "../schemas/workflow";
import type { DocNode } from "../text/articleText";

/**
 * What an import re-creates, ids aside: a new article with its claims, their evidence and the links between them.
 * Claims are in document order; links name their claims by index into `claims`.
 */
export interface ImportedReport {
  article: {
    title: string;
    sourceUrl: string | null;
    outlet: string | null;
    author: string | null;
    publishedAt: string | null;
    doc: DocNode;
    /** articleText(doc), which every claim's selectors have been checked against. */
    text: string;
    /** Kept from a native export; absent from formats that have none. */
    conclusion?: Conclusion | null;
    speakerKinds?: SpeakerKinds;
    /** When it was created and last changed there (ISO 8601), kept by a native import; absent when not said. */
    createdAt?: string;
    updatedAt?: string;
  };
  claims: ImportedClaim[];
  links: ImportedLink[];
  /**
   * The whole history a native export carries, oldest first: each entry as it was, its people and time kept as its
   * origin. Absent from formats that carry none; the import then records one "claim.imported" entry per claim.
   */
  history?: ImportedEvent[];
}

/**
 * A history entry an import brings in. `claim` is its claim's index into `claims` (null: the article). The ids its
 * `from` and `to` hold are the exported document's; the import puts the new ids of the same claims, evidence, links,
 * entries and reviews in their place (see `sourceIds`). An entry of an action this Factmark does not know keeps it.
 */
export interface ImportedEvent {
  /** The entry's id in the exported document, which an undo's `from.eventId` names. */
  sourceId: string;
  claim: number | null;
  origin: ImportedOrigin;
  /** The article's change number the entry had, which keeps entries of one change together. */
  changeNumber: number | null;
  /** A ChangePayload's action, `from` and `to` (checked against its shape), or those of a row no shape fits. */
  action: ChangePayload["action"] | (string & {});
  from?: unknown;
  to?: unknown;
}

/** A review an import brings in: its decision, note and round, who gave it and when. */
export interface ImportedReview {
  /** The review's id in the exported document, which its history entry names. */
  sourceId: string;
  decision: ReviewDecision;
  note: string | null;
  round: number;
  origin: ImportedOrigin;
}

/** Where a claim stood in the desk's work when it was exported; absent from formats that do not say. */
export interface ImportedWorkflow {
  status: ClaimStatus;
  /** The account it was assigned to there; kept only when the same account is here (see importRepository). */
  assignee: Actor | null;
  /** Its reviews, oldest first. */
  reviews: ImportedReview[];
  /** The review round it is in: only approvals given in it count. */
  reviewRound: number;
  /** Its version and last change, as exported (null: not said). */
  version: number;
  updatedAt: string | null;
  /**
   * Who set the verdict it has, as the document says (null: unverified, or not said). Kept as that account when it is
   * here; otherwise the importer stands behind the verdict (and may not approve it), the history naming who set it.
   */
  verdictSetBy: ImportedOrigin | null;
}

/**
 * Who first wrote something an import brings in, and when, as the imported document says (a Factmark export's
 * author and time, a foreign annotation's `creator` and `created`). Stored as "originally by …"; the importing
 * account is recorded as the one who brought it in, never as its author.
 */
export interface ImportedOrigin {
  /** The author's display name, or null when the document names none. */
  authorName: string | null;
  /** When it was first written (ISO 8601), or null when the document gives no valid time. */
  at: string | null;
  /**
   * The account that did it in the exported document, when that account did it itself (not when it only brought it
   * in by an import of its own). When an account with this id exists here (the same desk re-importing), the import
   * keeps it as the one who did it where the desk's rules ask who (a verdict's setter, a review's reviewer).
   */
  accountId?: string;
}

export interface ImportedClaim {
  /** The claim's id in the imported document, when it has one: history entries and links name it. */
  sourceId?: string;
  selectors: Selectors;
  /** Who first wrote the claim and when; absent or null fields when the document does not say. */
  origin?: ImportedOrigin;
  verdict: Verdict;
  speaker: string | null;
  rationale: string;
  /** Kept from a native export: an orphaned claim's selectors no longer match the text. */
  isOrphaned: boolean;
  /** Kept from a native export: a save moved the claim onto edited words and no reviewer confirmed them yet. */
  isAnchorUnconfirmed: boolean;
  evidence: ImportedEvidence[];
  workflow?: ImportedWorkflow;
}

export interface ImportedEvidence {
  sourceId?: string;
  url: string;
  origin?: ImportedOrigin;
  title: string | null;
  excerpt: string | null;
  stance: EvidenceStance;
  /** Its version and last change, as exported. */
  version?: number;
  updatedAt?: string;
}

export interface ImportedLink {
  sourceId?: string;
  fromClaim: number;
  origin?: ImportedOrigin;
  toClaim: number;
  kind: LinkKind;
  note: string | null;
}

/** How much one import may hold; beyond that the request is refused before any work. */
export const IMPORT_LIMITS = {
  claims: 10_000,
  links: 10_000,
  evidence: 20_000,
  /** History entries: a claim's whole working history, a few dozen each. */
  events: 500_000,
} as const;
