import { z } from "zod";
import { ZActor, ZId, ZList, ZTimestamp, ZUserText } from "./common";
import { ZVerdict } from "./verdict";
import { ZClaimWorkflow, ZReview, ZSettableClaimStatus } from "./workflow";

export const CLAIM_LIMITS = {
  quoteLength: 20_000,
  contextLength: 200,
  speakerLength: 200,
  rationaleLength: 20_000,
} as const;

export const ZTextPosition = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((value) => value.start <= value.end, { message: "start must not be after end.", path: ["start"] })
  .refine((value) => value.start < value.end, { message: "The selection is empty.", path: ["end"] });

export const ZTextQuote = z.object({
  exact: ZUserText(CLAIM_LIMITS.quoteLength).refine((value) => value.trim().length > 0, "The quote is empty."),
  prefix: ZUserText(CLAIM_LIMITS.contextLength).optional(),
  suffix: ZUserText(CLAIM_LIMITS.contextLength).optional(),
});

/** What a client sends to place a claim: a position, a quote, or both. */
export const ZSelectorInput = z
  .strictObject({
    position: ZTextPosition.optional(),
    quote: ZTextQuote.optional(),
  })
  .refine((value) => value.position !== undefined || value.quote !== undefined, "Give a position, a quote, or both.");

/**
 * "__proto__" is the one name a JSON object cannot hold as a key in JavaScript (parsers and zod drop or misread it), so
 * it could never be given a kind (ZSpeakerKinds) and would block publishing for good: refused as a speaker's name.
 */
export const RESERVED_SPEAKER_NAMES: readonly string[] = ["__proto__"];

export const ZSpeaker = ZUserText(CLAIM_LIMITS.speakerLength)
  .transform((value) => value.trim())
  .refine((value) => !RESERVED_SPEAKER_NAMES.includes(value), "“__proto__” cannot be a speaker's name.")
  .transform((value) => (value.length === 0 ? null : value))
  .nullable();

export const ZRationale = ZUserText(CLAIM_LIMITS.rationaleLength);

/** POST /api/articles/:id/claims */
export const ZClaimCreate = z.strictObject({
  selectors: ZSelectorInput,
  verdict: ZVerdict.optional(),
  speaker: ZSpeaker.optional(),
  rationale: ZRationale.optional(),
  /** The reviewer accepted a suggestion (issue 19): the history says "from a suggestion". */
  fromSuggestion: z.boolean().optional(),
});
export type ClaimCreate = z.infer<typeof ZClaimCreate>;

/** POST /api/claims/:id/reattach: new selectors for a claim (an orphan, usually), checked as on creation. */
export const ZClaimReattach = z.strictObject({ selectors: ZSelectorInput });
export type ClaimReattach = z.infer<typeof ZClaimReattach>;

/**
 * PATCH /api/claims/:id (with If-Match). `assigneeId` (editors; null: nobody) must be a reviewer, editor or
 * admin; `status` up to `ready-for-review` (a reviewer only on a claim assigned to them or, unassigned, made by
 * them). A change of verdict, rationale or evidence on a claim in review or approved sends it back to
 * `ready-for-review`.
 */
export const ZClaimUpdate = z
  .strictObject({
    verdict: ZVerdict.optional(),
    speaker: ZSpeaker.optional(),
    rationale: ZRationale.optional(),
    assigneeId: ZId.nullable().optional(),
    status: ZSettableClaimStatus.optional(),
  })
  .refine(
    (value) => Object.keys(value).length > 0,
    "Say what to change: verdict, speaker, rationale, assigneeId or status.",
  );
export type ClaimUpdate = z.infer<typeof ZClaimUpdate>;

/** Both selectors as the API answers them: position in UTF-16 code units, quote with its context. */
const ZSelectors = z.object({
  position: z.object({ start: z.number().int(), end: z.number().int() }),
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
});

/** A claim as the API answers it, both selectors filled in. */
export const ZClaim = z
  .object({
    id: ZId,
    articleId: ZId,
    selectors: ZSelectors,
    verdict: ZVerdict,
    speaker: z.string().nullable(),
    rationale: z.string(),
    isOrphaned: z.boolean(),
    /**
     * True after a save moved the claim onto edited words (a fuzzy match, not its exact quote), until a
     * reviewer confirms the new place (POST /api/claims/:id/anchor-confirmation) or re-attaches it.
     */
    isAnchorUnconfirmed: z.boolean(),
    version: z.number().int().positive(),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
    createdBy: ZActor,
    /** Who first wrote it, when an import brought it in ("originally by …"); `createdBy` is then the importer. */
    originalAuthorName: z.string().nullable().optional(),
  })
  .extend(ZClaimWorkflow.shape);
export type Claim = z.infer<typeof ZClaim>;

/** The answer to POST /api/claims/:id/reviews: the review and the claim as it now stands (its ETag too). */
export const ZReviewResult = z.object({ review: ZReview, claim: ZClaim });
export type ReviewResult = z.infer<typeof ZReviewResult>;

/**
 * GET /api/articles/:id/claims: every live claim, or with `since` only what changed after that cursor.
 * A client keeps the list and the last cursor; refreshing it then costs what changed, not 2,000 claims.
 */
export const ZClaimList = ZList(ZClaim).extend({
  /** With `since`: the claims deleted after it, to drop. Always empty in a full list. */
  deletedIds: z.array(ZId),
  /** Pass as `since` to receive only what changes after this answer. */
  cursor: z.number().int().nonnegative(),
});
export type ClaimList = z.infer<typeof ZClaimList>;

/** A kept list of claims brought up to date with an answer to `?since=`, in document order. */
export function applyClaimChanges(claims: readonly Claim[], changes: Pick<ClaimList, "items" | "deletedIds">): Claim[] {
  const replaced = new Set([...changes.deletedIds, ...changes.items.map((claim) => claim.id)]);
  return [...claims.filter((claim) => !replaced.has(claim.id)), ...changes.items].sort(compareClaimsInDocumentOrder);
}

/** Claims in document order: by start, then the longer one first. */
export function compareClaimsInDocumentOrder(a: Pick<Claim, "selectors">, b: Pick<Claim, "selectors">): number {
  const left = a.selectors.position;
  const right = b.selectors.position;
  return left.start - right.start || right.end - left.end;
}

/**
 * GET /api/claims/:id/nearest-match: for an orphan, the words in the article now that come closest to
 * its old quote (core's findNearestMatch), with what differs in words a reviewer reads
 * ("\"nine\" became \"twelve\""), or null when nothing comes close. Offsets in UTF-16 code units.
 */
export const ZNearestMatchAnswer = z.object({
  match: z
    .object({
      selectors: ZSelectors,
      /** 1 - edits / quote length, 0 to 1. */
      quoteScore: z.number(),
      differences: z.array(z.string()),
    })
    .nullable(),
});
export type NearestMatchAnswer = z.infer<typeof ZNearestMatchAnswer>;

/** GET /api/articles/:id/speakers: the speakers used in an article, for autocomplete. */
export const ZSpeakerList = ZList(z.string());

/** GET /api/articles/:id/speakers/counts: one speaker of the article's live claims and how many claims name them. */
export const ZSpeakerCount = z.object({ name: z.string(), claimCount: z.number().int().positive() });
export type SpeakerCount = z.infer<typeof ZSpeakerCount>;
export const ZSpeakerCountList = ZList(ZSpeakerCount);
export type SpeakerCountList = z.infer<typeof ZSpeakerCountList>;

/**
 * POST /api/articles/:id/speakers/rename: every live claim naming `from` names `to` instead; a `to` that some
 * claims already name merges the two. Names are trimmed; neither may be empty, and they must differ.
 */
export const ZSpeakerRename = z
  .strictObject({
    from: ZUserText(CLAIM_LIMITS.speakerLength).trim().min(1, "Say which speaker to rename."),
    to: ZUserText(CLAIM_LIMITS.speakerLength)
      .trim()
      .min(1, "Give the new name (to remove a speaker, edit the claims).")
      .refine((value) => !RESERVED_SPEAKER_NAMES.includes(value), "“__proto__” cannot be a speaker's name."),
  })
  .refine((value) => value.from !== value.to, { message: "The new name is the same as the old one.", path: ["to"] });
export type SpeakerRename = z.infer<typeof ZSpeakerRename>;

/** The answer to a rename: how many claims now name `to` instead of `from`, and the article's speakers after it. */
export const ZSpeakerRenamed = z.object({
  renamedClaimCount: z.number().int().nonnegative(),
  isMerged: z.boolean(),
  items: z.array(ZSpeakerCount),
});
export type SpeakerRenamed = z.infer<typeof ZSpeakerRenamed>;
