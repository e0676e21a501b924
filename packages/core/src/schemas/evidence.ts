import { z } from "zod";
import { ZActor, ZHttpUrl, ZId, ZList, ZOptionalLine, ZTimestamp, ZUserText } from "./common";

export const EVIDENCE_STANCES = ["supports", "contradicts", "context"] as const;
export const ZEvidenceStance = z.enum(EVIDENCE_STANCES);
export type EvidenceStance = z.infer<typeof ZEvidenceStance>;

const ZExcerpt = ZUserText(5000).nullable().optional();

/** POST /api/claims/:id/evidence */
export const ZEvidenceCreate = z.strictObject({
  url: ZHttpUrl,
  title: ZOptionalLine(500),
  excerpt: ZExcerpt,
  stance: ZEvidenceStance,
});
export type EvidenceCreate = z.infer<typeof ZEvidenceCreate>;

/** PATCH /api/evidence/:id (with If-Match). */
export const ZEvidenceUpdate = z
  .strictObject({
    url: ZHttpUrl.optional(),
    title: ZOptionalLine(500),
    excerpt: ZExcerpt,
    stance: ZEvidenceStance.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "Say what to change.");
export type EvidenceUpdate = z.infer<typeof ZEvidenceUpdate>;

export const ZEvidence = z.object({
  id: ZId,
  claimId: ZId,
  url: z.string(),
  title: z.string().nullable(),
  excerpt: z.string().nullable(),
  stance: ZEvidenceStance,
  version: z.number().int().positive(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  createdBy: ZActor,
  /** Who first wrote it, when an import brought it in ("originally by …"); `createdBy` is then the importer. */
  originalAuthorName: z.string().nullable().optional(),
});
export type Evidence = z.infer<typeof ZEvidence>;

export const ZEvidenceList = ZList(ZEvidence);
