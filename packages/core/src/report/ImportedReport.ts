import type { Selectors } from "../anchoring/types";
import type { EvidenceStance } from "../schemas/evidence";
import type { LinkKind } from "../schemas/link";
import type { Verdict } from "../schemas/verdict";
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
  };
  claims: ImportedClaim[];
  links: ImportedLink[];
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
}

export interface ImportedClaim {
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
}

export interface ImportedEvidence {
  url: string;
  origin?: ImportedOrigin;
  title: string | null;
  excerpt: string | null;
  stance: EvidenceStance;
}

export interface ImportedLink {
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
} as const;
