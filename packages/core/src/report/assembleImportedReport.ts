import { anchor } from "../anchoring/anchor";
import type { Selectors } from "../anchoring/types";
import { ARTICLE_LIMITS } from "../schemas/article";
import { compareClaimsInDocumentOrder } from "../schemas/claim";
import type { EvidenceStance } from "../schemas/evidence";
import type { LinkKind } from "../schemas/link";
import type { Verdict } from "../schemas/verdict";
import type { DocNode } from "../text/articleText";
import { articleText } from "../text/articleText";
import type { ImportedClaim, ImportedEvent, ImportedOrigin, ImportedReport, ImportedWorkflow } from "./ImportedReport";
import { type ImportIssue, importValidationError } from "./importValidationError";

/** A claim as an import format describes it, before it is checked against the article. */
export interface ClaimToImport {
  /** The claim's id in the imported document, which evidence and links refer to; used nowhere else. */
  key: string;
  /** Where the claim sits in the document, for error messages: "claims.3" or "first.items.3". */
  path: string;
  position?: { start: number; end: number };
  quote?: { exact: string; prefix?: string; suffix?: string };
  verdict: Verdict;
  speaker: string | null;
  rationale: string;
  isOrphaned: boolean;
  isAnchorUnconfirmed?: boolean;
  /** Who first wrote it and when, as the document says. */
  origin?: ImportedOrigin;
  /** Where it stood in the desk's work, from a native export. */
  workflow?: ImportedWorkflow;
}

export interface EvidenceToImport {
  /** The evidence's id in the imported document, when it has one: history entries name it. */
  key?: string;
  claimKey: string;
  path: string;
  url: string;
  title: string | null;
  excerpt: string | null;
  stance: EvidenceStance;
  origin?: ImportedOrigin;
  version?: number;
  updatedAt?: string;
}

export interface LinkToImport {
  /** The link's id in the imported document, when it has one: history entries name it. */
  key?: string;
  fromClaimKey: string;
  toClaimKey: string;
  path: string;
  kind: LinkKind;
  note: string | null;
  origin?: ImportedOrigin;
}

/** A history entry as a native export has it: on the claim `claimKey` names, or on the article (null). */
export type EventToImport = Omit<ImportedEvent, "claim"> & { claimKey: string | null; path: string };

/**
 * Checks that the parts of an imported document fit together and puts them in the shape the server re-creates:
 * every claim's selectors hold in the article text (orphans excepted), claim keys are unique, evidence and links
 * name claims that exist, no link joins a claim to itself or repeats another, every history entry (when there is a
 * history) is on the article or on a claim of the document. Throws UNPROCESSABLE naming each misfit.
 */
export function assembleImportedReport(
  what: string,
  article: Omit<ImportedReport["article"], "text">,
  claims: ClaimToImport[],
  evidence: EvidenceToImport[],
  links: LinkToImport[],
  history?: EventToImport[],
): ImportedReport {
  const issues: ImportIssue[] = [];
  const text = articleText(article.doc as DocNode);
  if (text.trim().length === 0) issues.push({ path: "article", message: "The article has no text." });
  if (text.length > ARTICLE_LIMITS.contentLength) {
    issues.push({
      path: "article",
      message: `The article's text is longer than ${ARTICLE_LIMITS.contentLength} characters.`,
    });
  }

  const placed: { key: string; claim: ImportedClaim }[] = [];
  const seenKeys = new Set<string>();
  for (const claim of claims) {
    if (seenKeys.has(claim.key)) {
      issues.push({ path: claim.path, message: `Another claim has the same id "${claim.key}".` });
      continue;
    }
    seenKeys.add(claim.key);
    const selectors = placeClaim(text, claim, issues);
    if (!selectors) continue;
    placed.push({
      key: claim.key,
      claim: {
        sourceId: claim.key,
        selectors,
        verdict: claim.verdict,
        speaker: claim.speaker,
        rationale: claim.rationale,
        isOrphaned: claim.isOrphaned,
        isAnchorUnconfirmed: claim.isAnchorUnconfirmed ?? false,
        ...(claim.origin ? { origin: claim.origin } : {}),
        ...(claim.workflow ? { workflow: claim.workflow } : {}),
        evidence: [],
      },
    });
  }
  placed.sort((a, b) => compareClaimsInDocumentOrder(a.claim, b.claim));
  const indexByKey = new Map(placed.map((entry, index) => [entry.key, index]));

  for (const item of evidence) {
    const index = indexByKey.get(item.claimKey);
    if (index === undefined) {
      if (!seenKeys.has(item.claimKey)) {
        issues.push({
          path: item.path,
          message: `The evidence belongs to claim "${item.claimKey}", which is not in the document.`,
        });
      }
      continue;
    }
    placed[index]?.claim.evidence.push({
      ...(item.key === undefined ? {} : { sourceId: item.key }),
      url: item.url,
      title: item.title,
      excerpt: item.excerpt,
      stance: item.stance,
      ...(item.origin ? { origin: item.origin } : {}),
      ...(item.version === undefined ? {} : { version: item.version }),
      ...(item.updatedAt === undefined ? {} : { updatedAt: item.updatedAt }),
    });
  }

  const importedLinks: ImportedReport["links"] = [];
  const seenLinks = new Set<string>();
  for (const link of links) {
    const fromClaim = indexByKey.get(link.fromClaimKey);
    const toClaim = indexByKey.get(link.toClaimKey);
    if (fromClaim === undefined || toClaim === undefined) {
      const missing = [link.fromClaimKey, link.toClaimKey].filter((key) => !seenKeys.has(key));
      if (missing.length > 0) {
        issues.push({
          path: link.path,
          message: `The link names a claim that is not in the document: "${missing[0]}".`,
        });
      }
      continue;
    }
    if (fromClaim === toClaim) {
      issues.push({ path: link.path, message: "A link must join two different claims." });
      continue;
    }
    const signature = `${Math.min(fromClaim, toClaim)}:${Math.max(fromClaim, toClaim)}:${link.kind}`;
    if (seenLinks.has(signature)) {
      issues.push({ path: link.path, message: "The same two claims are already linked this way." });
      continue;
    }
    seenLinks.add(signature);
    importedLinks.push({
      ...(link.key === undefined ? {} : { sourceId: link.key }),
      fromClaim,
      toClaim,
      kind: link.kind,
      note: link.note,
      ...(link.origin ? { origin: link.origin } : {}),
    });
  }

  const importedHistory = history?.flatMap(({ claimKey, path, ...event }): ImportedEvent[] => {
    if (claimKey === null) return [{ ...event, claim: null } as ImportedEvent];
    const claim = indexByKey.get(claimKey);
    if (claim === undefined) {
      if (!seenKeys.has(claimKey)) {
        issues.push({ path, message: `The history entry is on claim "${claimKey}", which is not in the document.` });
      }
      return [];
    }
    return [{ ...event, claim } as ImportedEvent];
  });

  if (issues.length > 0) throw importValidationError(what, issues, "UNPROCESSABLE");
  return {
    article: { ...article, text },
    claims: placed.map((entry) => entry.claim),
    links: importedLinks,
    ...(importedHistory ? { history: importedHistory } : {}),
  };
}

/** The claim's selectors checked against the text; orphans keep theirs, as they no longer match by definition. */
function placeClaim(text: string, claim: ClaimToImport, issues: ImportIssue[]): Selectors | null {
  if (claim.isOrphaned) {
    if (!claim.position || !claim.quote) {
      issues.push({ path: claim.path, message: "An orphaned claim needs both its position and its quote." });
      return null;
    }
    return {
      position: claim.position,
      quote: { exact: claim.quote.exact, prefix: claim.quote.prefix ?? "", suffix: claim.quote.suffix ?? "" },
    };
  }
  const result = anchor(text, { position: claim.position, quote: claim.quote });
  if (result.ok) return result.selectors;
  issues.push({ path: claim.path, message: result.message });
  return null;
}
