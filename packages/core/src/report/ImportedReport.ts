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

export interface ImportedClaim {
  selectors: Selectors;
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
  title: string | null;
  excerpt: string | null;
  stance: EvidenceStance;
}

export interface ImportedLink {
  fromClaim: number;
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
