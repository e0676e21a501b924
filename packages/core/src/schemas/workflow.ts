import { z } from "zod";
import { type Role, ZRole } from "./account";
import { ZActor, ZId, ZList, ZTimestamp, ZUserText } from "./common";
import type { Verdict } from "./verdict";

/**
 * Where a claim is in the desk's work: `to-check` → `in-progress` → `ready-for-review` → `approved`, or
 * `changes-requested` (back to the assignee with a note) on the way. Reviewers and editors set the first
 * three (PATCH /api/claims/:id); only a review (POST /api/claims/:id/reviews) sets the last two.
 */
export const CLAIM_STATUSES = ["to-check", "in-progress", "ready-for-review", "changes-requested", "approved"] as const;
export const ZClaimStatus = z.enum(CLAIM_STATUSES, {
  error: `status must be one of: ${CLAIM_STATUSES.join(", ")}.`,
});
export type ClaimStatus = z.infer<typeof ZClaimStatus>;

/** The statuses a PATCH may set; `approved` and `changes-requested` come from reviews only. */
export const SETTABLE_CLAIM_STATUSES = ["to-check", "in-progress", "ready-for-review"] as const;
export const ZSettableClaimStatus = z.enum(SETTABLE_CLAIM_STATUSES, {
  error: `status must be one of: ${SETTABLE_CLAIM_STATUSES.join(", ")} (approved and changes-requested come from reviews).`,
});
export type SettableClaimStatus = z.infer<typeof ZSettableClaimStatus>;

/** A claim's status new claims get. */
export const DEFAULT_CLAIM_STATUS: ClaimStatus = "to-check";

/** How a status reads to a person. */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  "to-check": "To check",
  "in-progress": "In progress",
  "ready-for-review": "Ready for review",
  "changes-requested": "Changes requested",
  approved: "Approved",
};

/**
 * Whether a claim is part of what gets published: it has a verdict other than unverified ("unverified" is a
 * review not finished, and gets no ClaimReview), and its words are where the reviewer put them (not an
 * orphan, not moved onto edited words awaiting a check). Publishing waits until each such claim is approved.
 */
export function isPublishableClaim(claim: {
  verdict: Verdict;
  isOrphaned: boolean;
  isAnchorUnconfirmed: boolean;
}): boolean {
  return claim.verdict !== "unverified" && !claim.isOrphaned && !claim.isAnchorUnconfirmed;
}

/** A claim that has a verdict to publish (verdict other than unverified), whatever the state of its anchor. */
export function hasPublishableVerdict(claim: { verdict: Verdict }): boolean {
  return claim.verdict !== "unverified";
}

export const REVIEW_NOTE_LENGTH = 2_000;

/** An editor's decision on a claim's verdict, rationale and evidence. */
export const REVIEW_DECISIONS = ["approve", "request-changes"] as const;
export const ZReviewDecision = z.enum(REVIEW_DECISIONS, {
  error: `decision must be one of: ${REVIEW_DECISIONS.join(", ")}.`,
});
export type ReviewDecision = z.infer<typeof ZReviewDecision>;

/**
 * POST /api/claims/:id/reviews (editors, with If-Match on the claim's version): approve the claim as it stands,
 * or request changes with a note saying what to change. Nobody reviews a verdict they set themselves (403).
 */
export const ZReviewCreate = z
  .strictObject({
    decision: ZReviewDecision,
    note: ZUserText(REVIEW_NOTE_LENGTH)
      .transform((value) => value.trim())
      .optional(),
  })
  .refine((review) => review.decision !== "request-changes" || (review.note ?? "").length > 0, {
    message: "Say what to change: a request for changes needs a note.",
    path: ["note"],
  });
export type ReviewCreate = z.infer<typeof ZReviewCreate>;

/** A review as the API answers it. `round` counts the claim's times in review: a change after approval opens a new one. */
export const ZReview = z.object({
  id: ZId,
  claimId: ZId,
  decision: ZReviewDecision,
  note: z.string().nullable(),
  round: z.number().int().positive(),
  by: ZActor,
  /** Who gave it, when an import brought it in ("originally by …"); `by` is then the importer. */
  originalReviewerName: z.string().nullable().optional(),
  at: ZTimestamp,
});
export type Review = z.infer<typeof ZReview>;

/**
 * The workflow fields every claim answer carries (ZClaim extends these). `approvals`: approvals in the current
 * round, toward the newsroom's `requiredApprovals`. `verdictSetBy`: who last set the verdict, who may not approve it.
 */
export const ZClaimWorkflow = z.object({
  status: ZClaimStatus,
  assignee: ZActor.nullable(),
  verdictSetBy: ZActor.nullable(),
  approvals: z.number().int().nonnegative(),
  /** The latest review of the claim, so the card can say "Changes requested: …" without another request. */
  latestReview: ZReview.nullable(),
});
export type ClaimWorkflow = z.infer<typeof ZClaimWorkflow>;

/** GET /api/claims/:id/reviews: the claim's reviews, oldest first. */
export const ZReviewList = ZList(ZReview);

/** The newsroom's settings (GET/PATCH /api/settings; admins change them, with If-Match). */
export const ZNewsroomSettings = z.object({
  /** How many editors must approve a claim: 1 by default, 2 for a two-person rule. */
  requiredApprovals: z.union([z.literal(1), z.literal(2)]),
  version: z.number().int().positive(),
});
export type NewsroomSettings = z.infer<typeof ZNewsroomSettings>;

export const ZNewsroomSettingsUpdate = z.strictObject({
  requiredApprovals: z.union([z.literal(1), z.literal(2)], { error: "requiredApprovals must be 1 or 2." }),
});
export type NewsroomSettingsUpdate = z.infer<typeof ZNewsroomSettingsUpdate>;

/** An article's progress through review, for the article list: "7 of 12 approved", and who is on it. */
export const ZArticleProgress = z.object({
  /** Live claims with a verdict other than unverified: the ones publishing waits for. */
  withVerdict: z.number().int().nonnegative(),
  approved: z.number().int().nonnegative(),
  readyForReview: z.number().int().nonnegative(),
  changesRequested: z.number().int().nonnegative(),
  /** Everyone assigned a live claim of the article, by name. */
  assignees: z.array(ZActor),
});
export type ArticleProgress = z.infer<typeof ZArticleProgress>;

/** One claim of "My work": the claim's words and state, and the article it is in. */
export const ZWorkItem = z.object({
  claimId: ZId,
  article: z.object({ id: ZId, title: z.string() }),
  exact: z.string(),
  verdict: z.enum(["supported", "contradicted", "unverified"]),
  status: ZClaimStatus,
  latestReview: ZReview.nullable(),
  updatedAt: ZTimestamp,
});
export type WorkItem = z.infer<typeof ZWorkItem>;

/** The most claims "My work" answers: the most recently changed first, the rest left off. */
export const MY_WORK_LIMIT = 500;

/**
 * GET /api/me/work: the live claims assigned to me that are not approved, across articles, most recently
 * changed first; at most MY_WORK_LIMIT of them.
 */
export const ZWorkList = ZList(ZWorkItem);
export type WorkList = z.infer<typeof ZWorkList>;

/** The roles a claim may be assigned to: whoever may work on a verdict (not a viewer). */
export const ASSIGNABLE_ROLES = ["reviewer", "editor", "admin"] as const satisfies readonly Role[];

/** Whether an account of this role may be assigned a claim. */
export function isAssignableRole(role: Role): boolean {
  return (ASSIGNABLE_ROLES as readonly Role[]).includes(role);
}

/** An account a claim may be assigned to. */
export const ZAssignee = z.object({ id: z.string(), name: z.string(), role: ZRole });
export type Assignee = z.infer<typeof ZAssignee>;

/** GET /api/assignees: every account a claim may be assigned to (reviewers, editors, admins), by name. */
export const ZAssigneeList = ZList(ZAssignee);
export type AssigneeList = z.infer<typeof ZAssigneeList>;

/** The workflow of a claim nobody has touched yet: to check, unassigned, never reviewed. */
export const UNTOUCHED_CLAIM_WORKFLOW: ClaimWorkflow = Object.freeze({
  status: DEFAULT_CLAIM_STATUS,
  assignee: null,
  verdictSetBy: null,
  approvals: 0,
  latestReview: null,
});
