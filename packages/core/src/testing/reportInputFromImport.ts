// Test support only: what the server does with an import, minus the database: fresh ids, one reviewer, fixed times.
import type { ImportedReport } from "../report/ImportedReport";
import type { ReportInput, ReportOrganisation } from "../report/ReportModel";
import { UNCONCLUDED_ARTICLE } from "../schemas/publication";
import { UNTOUCHED_CLAIM_WORKFLOW } from "../schemas/workflow";

export function reportInputFromImport(imported: ImportedReport, organisation: ReportOrganisation): ReportInput {
  const at = "2026-02-01T00:00:00.000Z";
  const by = { id: "rev_importer", name: "Importer" };
  const articleId = "art_imported";
  const claimIds = imported.claims.map((_, index) => `clm_imported_${index}`);
  return {
    article: {
      id: articleId,
      ...imported.article,
      ...UNCONCLUDED_ARTICLE,
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    claims: imported.claims.map((claim, index) => ({
      id: claimIds[index] as string,
      articleId,
      selectors: claim.selectors,
      verdict: claim.verdict,
      speaker: claim.speaker,
      rationale: claim.rationale,
      isOrphaned: claim.isOrphaned,
      isAnchorUnconfirmed: claim.isAnchorUnconfirmed,
      version: 1,
      createdAt: at,
      updatedAt: at,
      createdBy: by,
      ...UNTOUCHED_CLAIM_WORKFLOW,
    })),
    evidence: imported.claims.flatMap((claim, index) =>
      claim.evidence.map((item, itemIndex) => ({
        id: `evd_imported_${index}_${itemIndex}`,
        claimId: claimIds[index] as string,
        ...item,
        version: 1,
        createdAt: at,
        updatedAt: at,
        createdBy: by,
      })),
    ),
    links: imported.links.map((link, index) => ({
      id: `lnk_imported_${index}`,
      articleId,
      fromClaimId: claimIds[link.fromClaim] as string,
      toClaimId: claimIds[link.toClaim] as string,
      kind: link.kind,
      note: link.note,
      createdAt: at,
      createdBy: by,
    })),
    events: [],
    generatedAt: at,
    organisation,
  };
}
