// Test support only: what a round trip must keep, ids aside, from either side of an import.
import type { ImportedReport } from "../report/ImportedReport";
import type { ReportModel } from "../report/ReportModel";

export interface ComparableReview {
  text: string;
  claims: {
    selectors: { position: { start: number; end: number }; quote: { exact: string; prefix: string; suffix: string } };
    verdict: string;
    speaker: string | null;
    rationale: string;
    evidence: { url: string; title: string | null; excerpt: string | null; stance: string }[];
  }[];
  /** Links as "kind from->to", by claim index in document order. */
  links: string[];
}

export function reviewOfModel(model: ReportModel): ComparableReview {
  const indexById = new Map(model.claims.map((claim, index) => [claim.id, index]));
  return {
    text: model.article.text,
    claims: model.claims.map((claim) => ({
      selectors: claim.selectors,
      verdict: claim.verdict,
      speaker: claim.speaker,
      rationale: claim.rationale,
      evidence: claim.evidence.map(({ url, title, excerpt, stance }) => ({ url, title, excerpt, stance })),
    })),
    links: model.links
      .map(
        (link) =>
          `${link.kind} ${indexById.get(link.fromClaimId)}->${indexById.get(link.toClaimId)} ${link.note ?? ""}`,
      )
      .sort(),
  };
}

export function reviewOfImport(imported: ImportedReport): ComparableReview {
  return {
    text: imported.article.text,
    claims: imported.claims.map(({ selectors, verdict, speaker, rationale, evidence }) => ({
      selectors,
      verdict,
      speaker,
      rationale,
      evidence: evidence.map(({ url, title, excerpt, stance }) => ({ url, title, excerpt, stance })),
    })),
    links: imported.links.map((link) => `${link.kind} ${link.fromClaim}->${link.toClaim} ${link.note ?? ""}`).sort(),
  };
}
