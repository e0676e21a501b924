import { z } from "zod";
import { ZReanchorSummary } from "../schemas/article";
import { ZId } from "../schemas/common";
import { ZEvidenceStance } from "../schemas/evidence";
import { ZLinkKind } from "../schemas/link";
import { ZVerdict } from "../schemas/verdict";

// The pieces a change event stores in its `from` and `to`, exactly as the server has written them
// since the first release, so every stored row reads with these schemas.

/** A claim as its creation, import, deletion or restoring records it: its verdict then, and its words. */
export const ZClaimSnapshot = z.object({ verdict: ZVerdict, exact: z.string() });
export type ClaimSnapshot = z.infer<typeof ZClaimSnapshot>;

/** Where a claim stood in the article's text projection. */
export const ZAnchorValue = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string(),
});
export type AnchorValue = z.infer<typeof ZAnchorValue>;

/**
 * How a claim found its words again: by its quote elsewhere ("moved"), on edited words, to be
 * checked ("fuzzy"), or put there by a reviewer ("reattached").
 */
export const REANCHOR_CHANGE_STATUSES = ["moved", "fuzzy", "reattached"] as const;
export const ZReanchorChangeStatus = z.enum(REANCHOR_CHANGE_STATUSES);
export type ReanchorChangeStatus = z.infer<typeof ZReanchorChangeStatus>;

/** What an evidence change keeps of the evidence: enough to show it and to undo the change. */
export const ZEvidenceValue = z.object({
  evidenceId: ZId,
  url: z.string(),
  title: z.string().nullable(),
  excerpt: z.string().nullable(),
  stance: ZEvidenceStance,
});
export type EvidenceValue = z.infer<typeof ZEvidenceValue>;

/** An evidence edit: the evidence's id and only the fields that changed (before, or after). */
export const ZEvidenceFields = ZEvidenceValue.partial().extend({ evidenceId: ZId });
export type EvidenceFields = z.infer<typeof ZEvidenceFields>;

/**
 * A link as each of its claims records it: the link, and the other claim with its quote, so a
 * timeline reads without another request.
 */
export const ZLinkValue = z.object({
  linkId: ZId,
  kind: ZLinkKind,
  fromClaimId: ZId,
  toClaimId: ZId,
  note: z.string().nullable(),
  otherClaimId: ZId,
  otherQuote: z.string(),
});
export type LinkValue = z.infer<typeof ZLinkValue>;

/**
 * An article edit: the metadata fields that were given, and the body by its length only (an article
 * can be megabytes). `to` also says how the claims fared when the body changed.
 */
export const ZArticleDetails = z.object({
  title: z.string().optional(),
  sourceUrl: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
  textLength: z.number().int().nonnegative().optional(),
});
export type ArticleDetails = z.infer<typeof ZArticleDetails>;

export const ZArticleDetailsAfter = ZArticleDetails.extend({ reanchored: ZReanchorSummary.optional() });
export type ArticleDetailsAfter = z.infer<typeof ZArticleDetailsAfter>;

/** Where an imported article came from. */
export const IMPORT_SOURCES = ["factmark-json", "w3c-web-annotation"] as const;
export const ZImportSource = z.enum(IMPORT_SOURCES);
export type ImportSource = z.infer<typeof ZImportSource>;
