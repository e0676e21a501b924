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
});
export type Link = z.infer<typeof ZLink>;

export const ZLinkList = ZList(ZLink);

/** A live "contradicts" link with both of its claims, as the contradictions view shows them side by side. */
export const ZContradiction = ZLink.extend({ fromClaim: ZClaim, toClaim: ZClaim });
export type Contradiction = z.infer<typeof ZContradiction>;

export const ZContradictionList = ZList(ZContradiction);
