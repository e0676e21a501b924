import { z } from "zod";
import { ZClaim } from "./claim";
import { ZActor, ZId, ZList, ZTimestamp, ZUserText } from "./common";

export const LINK_KINDS = ["contradicts", "supports"] as const;
export const ZLinkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof ZLinkKind>;

/** POST /api/articles/:id/links */
export const ZLinkCreate = z.strictObject({
  fromClaimId: ZId,
  toClaimId: ZId,
  kind: ZLinkKind,
  note: ZUserText(2000).optional(),
  /** The reviewer linked a contradiction candidate (issue 19): the history says "from a suggestion". */
  fromSuggestion: z.boolean().optional(),
});
export type LinkCreate = z.infer<typeof ZLinkCreate>;

export const ZLink = z.object({
  id: ZId,
  articleId: ZId,
  fromClaimId: ZId,
  toClaimId: ZId,
  kind: ZLinkKind,
  note: z.string().nullable(),
  createdAt: ZTimestamp,
  createdBy: ZActor,
  /** Who first wrote it, when an import brought it in ("originally by …"); `createdBy` is then the importer. */
  originalAuthorName: z.string().nullable().optional(),
});
export type Link = z.infer<typeof ZLink>;

/**
 * GET /api/articles/:id/links: the visible links, or with `since` (a change number, the claims list's
 * cursor) only the links that changed after it, their own writes or their claims' (a deleted claim hides
 * its links): visible ones in `items`, the others in `deletedIds`.
 */
export const ZLinkList = ZList(ZLink).extend({
  /** With `since`: the links hidden after it (removed, or a claim of theirs deleted), to drop. */
  deletedIds: z.array(ZId).optional(),
  /** The article's change number this answer is up to date with: pass it as `since` next time. */
  cursor: z.number().int().nonnegative().optional(),
});

export type LinkList = z.infer<typeof ZLinkList>;

/** A live "contradicts" link with both of its claims, as the contradictions view shows them side by side. */
export const ZContradiction = ZLink.extend({ fromClaim: ZClaim, toClaim: ZClaim });
export type Contradiction = z.infer<typeof ZContradiction>;

export const ZContradictionList = ZList(ZContradiction);
