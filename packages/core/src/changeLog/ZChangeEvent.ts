import { z } from "zod";
import { ZActor, ZId, ZTimestamp } from "../schemas/common";
import { ZConclusion, ZSpeakerKind } from "../schemas/publication";
import { ZVerdict } from "../schemas/verdict";
import { ZClaimStatus, ZReviewDecision } from "../schemas/workflow";
import {
  ZAnchorValue,
  ZArticleDetails,
  ZArticleDetailsAfter,
  ZClaimSnapshot,
  ZEvidenceFields,
  ZEvidenceValue,
  ZImportSource,
  ZLinkValue,
  ZReanchorChangeStatus,
} from "./changeValues";

// One schema per kind of change, keyed by `action`. `from` is what was there before, `to` what is
// there after; a kind has only the side it records. The shapes are the ones stored since the first
// release, so old rows read as they are.

const ZArticleCreated = z.object({ action: z.literal("article.created"), to: z.object({ title: z.string() }) });
const ZArticleUpdated = z.object({
  action: z.literal("article.updated"),
  from: ZArticleDetails,
  to: ZArticleDetailsAfter,
});
const ZArticleDeleted = z.object({ action: z.literal("article.deleted"), from: z.object({ title: z.string() }) });
/** An editor brought a deleted article back, with everything it held. */
const ZArticleRestored = z.object({ action: z.literal("article.restored"), to: z.object({ title: z.string() }) });
const ZArticleImported = z.object({
  action: z.literal("article.imported"),
  to: z.object({ title: z.string(), source: ZImportSource }),
});

/** `fromSuggestion`: the reviewer accepted a suggested span (issue 19); rows before it lack the field. */
const ZClaimCreated = z.object({
  action: z.literal("claim.created"),
  to: ZClaimSnapshot.extend({ fromSuggestion: z.boolean().optional() }),
});
const ZClaimImported = z.object({ action: z.literal("claim.imported"), to: ZClaimSnapshot });
const ZVerdictChanged = z.object({ action: z.literal("claim.verdict_changed"), from: ZVerdict, to: ZVerdict });
/** null: no speaker. */
const ZSpeakerChanged = z.object({
  action: z.literal("claim.speaker_changed"),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
/** "" : no rationale. */
const ZRationaleChanged = z.object({ action: z.literal("claim.rationale_changed"), from: z.string(), to: z.string() });
const ZClaimDeleted = z.object({ action: z.literal("claim.deleted"), from: ZClaimSnapshot });
const ZClaimRestored = z.object({ action: z.literal("claim.restored"), to: ZClaimSnapshot });
/**
 * A claim put on other words: after a save of the article's text (status "moved" or "fuzzy"), or by a
 * reviewer (status "reattached", `from.isOrphaned` saying whether it was an orphan). Rows written before
 * 2026-11-30 lack `isAnchorUnconfirmed`; a "fuzzy" move always asked for a check all the same.
 */
const ZClaimReanchored = z.object({
  action: z.literal("claim.reanchored"),
  from: ZAnchorValue.extend({ isOrphaned: z.boolean().optional() }),
  to: ZAnchorValue.extend({ status: ZReanchorChangeStatus, isAnchorUnconfirmed: z.boolean().optional() }),
});
/** A save left the claim's quote nowhere in the text; `from` is where it was (its selectors are kept). */
const ZClaimOrphaned = z.object({ action: z.literal("claim.orphaned"), from: ZAnchorValue });
/** A reviewer's word that a "fuzzy" move put the claim on the right words. */
const ZClaimAnchorConfirmed = z.object({ action: z.literal("claim.anchor_confirmed"), to: ZAnchorValue });

const ZEvidenceAdded = z.object({ action: z.literal("evidence.added"), to: ZEvidenceValue });
const ZEvidenceUpdated = z.object({
  action: z.literal("evidence.updated"),
  from: ZEvidenceFields,
  to: ZEvidenceFields,
});
const ZEvidenceRemoved = z.object({ action: z.literal("evidence.removed"), from: ZEvidenceValue });

/** Written on both claims of the link, each naming the other one. */
/** `fromSuggestion`: the reviewer linked a contradiction candidate (issue 19); rows before it lack the field. */
const ZLinkAdded = z.object({
  action: z.literal("link.added"),
  to: ZLinkValue.extend({ fromSuggestion: z.boolean().optional() }),
});
const ZLinkRemoved = z.object({ action: z.literal("link.removed"), from: ZLinkValue });

// The desk's workflow: assignment, status, reviews, the conclusion, publication.

/** null: nobody. */
const ZClaimAssigned = z.object({
  action: z.literal("claim.assigned"),
  from: ZActor.nullable(),
  to: ZActor.nullable(),
});
/** A status set by hand (up to ready-for-review). */
const ZClaimStatusChanged = z.object({
  action: z.literal("claim.status_changed"),
  from: ZClaimStatus,
  to: ZClaimStatus,
});
/**
 * The claim sent back to review because its verdict, rationale or evidence changed while it was in review or
 * approved: its earlier approvals stop counting. Recorded beside the change that caused it.
 */
const ZClaimReviewReopened = z.object({
  action: z.literal("claim.review_reopened"),
  from: ZClaimStatus,
  to: ZClaimStatus,
});
/** An editor's review, with the status it left the claim in (approved only once enough editors approve). */
const ZClaimReviewed = z.object({
  action: z.literal("claim.reviewed"),
  to: z.object({
    reviewId: ZId,
    decision: ZReviewDecision,
    note: z.string().nullable(),
    round: z.number().int().positive(),
    status: ZClaimStatus,
  }),
});
/** null: no conclusion. */
const ZConclusionChanged = z.object({
  action: z.literal("article.conclusion_changed"),
  from: ZConclusion.nullable(),
  to: ZConclusion.nullable(),
});
/** Only the speakers whose kind changed; null: no kind set. */
const ZSpeakerKindsChanged = z.object({
  action: z.literal("article.speaker_kinds_changed"),
  from: z.record(z.string(), ZSpeakerKind.nullable()),
  to: z.record(z.string(), ZSpeakerKind.nullable()),
});
const ZArticlePublished = z.object({
  action: z.literal("article.published"),
  to: z.object({
    publicationId: ZId,
    version: z.number().int().positive(),
    slug: z.string(),
    correctionNote: z.string().nullable(),
  }),
});
const ZArticleRetracted = z.object({
  action: z.literal("article.retracted"),
  to: z.object({ publicationId: ZId, version: z.number().int().positive(), note: z.string() }),
});

/**
 * A reference to the change an undo reverted: its id and action, and what it had recorded. Undo rows
 * written before the change log was typed hold only `eventId` and `action`; a reader finds the values
 * in the reverted row itself (see describeChangeEvent's `events`).
 */
function undoneReferenceTo<Shape extends { action: z.ZodLiteral<string> } & z.ZodRawShape>(kind: z.ZodObject<Shape>) {
  const action: Shape["action"] = kind.shape.action;
  return kind.partial().extend({ eventId: z.string().min(1), action });
}

/** The changes an undo can revert, and what it records of each. Creation is not one: deleting the claim is its undo. */
export const ZUndoneChange = z.discriminatedUnion("action", [
  undoneReferenceTo(ZVerdictChanged),
  undoneReferenceTo(ZSpeakerChanged),
  undoneReferenceTo(ZRationaleChanged),
  undoneReferenceTo(ZClaimDeleted),
  undoneReferenceTo(ZClaimRestored),
  undoneReferenceTo(ZEvidenceAdded),
  undoneReferenceTo(ZEvidenceUpdated),
  undoneReferenceTo(ZEvidenceRemoved),
  undoneReferenceTo(ZLinkAdded),
  undoneReferenceTo(ZLinkRemoved),
]);
export type UndoneChange = z.infer<typeof ZUndoneChange>;
export type UndoableChangeAction = UndoneChange["action"];
export const UNDOABLE_CHANGE_ACTIONS: readonly UndoableChangeAction[] = ZUndoneChange.options.map(
  (option) => option.shape.action.value,
);

/** An undo: `from` is the change it reverted, so the entry says what it put back without another lookup. */
const ZClaimUndone = z.object({ action: z.literal("claim.undone"), from: ZUndoneChange });

/**
 * What changed, by kind: the payload of every change event, discriminated by `action`. A new kind of
 * change is one more schema here, a
 * builder in `changeEvent`, a wording in describeChangeEvent and a fixture; the tests fail until all
 * four are there.
 */
export const ZChangePayload = z.discriminatedUnion("action", [
  ZArticleCreated,
  ZArticleUpdated,
  ZArticleDeleted,
  ZArticleRestored,
  ZArticleImported,
  ZClaimCreated,
  ZClaimImported,
  ZVerdictChanged,
  ZSpeakerChanged,
  ZRationaleChanged,
  ZClaimDeleted,
  ZClaimRestored,
  ZClaimReanchored,
  ZClaimOrphaned,
  ZClaimAnchorConfirmed,
  ZEvidenceAdded,
  ZEvidenceUpdated,
  ZEvidenceRemoved,
  ZLinkAdded,
  ZLinkRemoved,
  ZClaimUndone,
  ZClaimAssigned,
  ZClaimStatusChanged,
  ZClaimReviewReopened,
  ZClaimReviewed,
  ZConclusionChanged,
  ZSpeakerKindsChanged,
  ZArticlePublished,
  ZArticleRetracted,
]);
export type ChangePayload = z.infer<typeof ZChangePayload>;
export type ChangeAction = ChangePayload["action"];
export type ChangePayloadOf<Action extends ChangeAction> = Extract<ChangePayload, { action: Action }>;

/** Every action the change log knows, in the union's order. */
export const CHANGE_ACTIONS: readonly ChangeAction[] = ZChangePayload.options.map(
  (option) => option.shape.action.value,
);

/** Who changed it, when, on which claim (null: the article itself), and whether a later undo reverted it. */
export const ZChangeEnvelope = z.object({
  id: ZId,
  at: ZTimestamp,
  by: ZActor,
  /** Who did it, when an import brought the entry in ("originally by …"); `by` is then the importer. */
  originalActorName: z.string().nullable().optional(),
  claimId: z.string().nullable(),
  /** The article's change number of the write that recorded this entry (entries of one write share it). */
  changeNumber: z.number().int().nonnegative().optional(),
  /** Whether a later "claim.undone" entry reverted this one. */
  isUndone: z.boolean().optional(),
});
export type ChangeEnvelope = z.infer<typeof ZChangeEnvelope>;

/** One entry of an article's change log, typed by its action. */
export const ZChangeEvent = z.intersection(ZChangeEnvelope, ZChangePayload);
export type ChangeEvent = z.infer<typeof ZChangeEvent>;
export type ChangeEventOf<Action extends ChangeAction> = Extract<ChangeEvent, { action: Action }>;
export type UndoableChangeEvent = ChangeEventOf<UndoableChangeAction>;
