import type { Selectors } from "../anchoring/types";
import type { Claim } from "../schemas/claim";
import type { Actor } from "../schemas/common";
import type { Evidence } from "../schemas/evidence";
import type { Link } from "../schemas/link";
import type { Conclusion, SpeakerKind } from "../schemas/publication";
import type { Verdict } from "../schemas/verdict";
import type { ClaimStatus, Review } from "../schemas/workflow";
import type {
  AnchorValue,
  ArticleDetails,
  ArticleDetailsAfter,
  ClaimSnapshot,
  EvidenceFields,
  EvidenceValue,
  ImportSource,
  LinkValue,
} from "./changeValues";
import type { ChangePayloadOf, UndoableChangeEvent } from "./ZChangeEvent";

type ClaimOnRecord = Pick<Claim, "verdict"> & { selectors: Pick<Selectors, "quote"> };
type EvidenceOnRecord = Pick<Evidence, "id" | "url" | "title" | "excerpt" | "stance">;
type LinkOnRecord = Pick<Link, "id" | "kind" | "fromClaimId" | "toClaimId" | "note">;
/** The claim at the other end of a link, as its quote shows it. */
type OtherClaim = { id: string; exact: string };
/** The claim fields a reviewer edits, each recorded as its own change. */
export type EditableClaimField = "verdict" | "speaker" | "rationale";

function snapshotOf(claim: ClaimOnRecord): ClaimSnapshot {
  return { verdict: claim.verdict, exact: claim.selectors.quote.exact };
}

function anchorOf(selectors: Selectors): AnchorValue {
  return { start: selectors.position.start, end: selectors.position.end, exact: selectors.quote.exact };
}

function evidenceValueOf(evidence: EvidenceOnRecord): EvidenceValue {
  return {
    evidenceId: evidence.id,
    url: evidence.url,
    title: evidence.title,
    excerpt: evidence.excerpt,
    stance: evidence.stance,
  };
}

function linkValueOf(link: LinkOnRecord, other: OtherClaim): LinkValue {
  return {
    linkId: link.id,
    kind: link.kind,
    fromClaimId: link.fromClaimId,
    toClaimId: link.toClaimId,
    note: link.note,
    otherClaimId: other.id,
    otherQuote: other.exact,
  };
}

/**
 * The typed builders of change events: each answers the `{ action, from?, to? }` the server stores,
 * in the shape ZChangePayload reads back. The server records changes only through these, so what a
 * kind stores is written in one place.
 */
export const changeEvent = {
  articleCreated: (article: { title: string }): ChangePayloadOf<"article.created"> => ({
    action: "article.created",
    to: { title: article.title },
  }),
  /** `from`: the given fields as they were (and `textLength` when the body changed); `to`: as they are now. */
  articleUpdated: (from: ArticleDetails, to: ArticleDetailsAfter): ChangePayloadOf<"article.updated"> => ({
    action: "article.updated",
    from,
    to,
  }),
  articleDeleted: (article: { title: string }): ChangePayloadOf<"article.deleted"> => ({
    action: "article.deleted",
    from: { title: article.title },
  }),
  articleRestored: (article: { title: string }): ChangePayloadOf<"article.restored"> => ({
    action: "article.restored",
    to: { title: article.title },
  }),
  articleImported: (article: { title: string }, source: ImportSource): ChangePayloadOf<"article.imported"> => ({
    action: "article.imported",
    to: { title: article.title, source },
  }),

  /** `fromSuggestion`: the reviewer accepted a suggested span, which the history says. */
  claimCreated: (claim: ClaimOnRecord & { fromSuggestion?: boolean }): ChangePayloadOf<"claim.created"> => ({
    action: "claim.created",
    to: { ...snapshotOf(claim), ...(claim.fromSuggestion ? { fromSuggestion: true } : {}) },
  }),
  claimImported: (claim: ClaimOnRecord): ChangePayloadOf<"claim.imported"> => ({
    action: "claim.imported",
    to: snapshotOf(claim),
  }),
  verdictChanged: (from: Verdict, to: Verdict): ChangePayloadOf<"claim.verdict_changed"> => ({
    action: "claim.verdict_changed",
    from,
    to,
  }),
  /** null: no speaker. */
  speakerChanged: (from: string | null, to: string | null): ChangePayloadOf<"claim.speaker_changed"> => ({
    action: "claim.speaker_changed",
    from,
    to,
  }),
  rationaleChanged: (from: string, to: string): ChangePayloadOf<"claim.rationale_changed"> => ({
    action: "claim.rationale_changed",
    from,
    to,
  }),
  /** One of the three above, by field: for code that walks the fields of an update. */
  claimFieldChanged<Field extends EditableClaimField>(
    field: Field,
    from: Claim[Field],
    to: Claim[Field],
  ): ChangePayloadOf<`claim.${Field}_changed`> {
    return { action: `claim.${field}_changed`, from, to } as ChangePayloadOf<`claim.${Field}_changed`>;
  },
  claimDeleted: (claim: ClaimOnRecord): ChangePayloadOf<"claim.deleted"> => ({
    action: "claim.deleted",
    from: snapshotOf(claim),
  }),
  claimRestored: (claim: ClaimOnRecord): ChangePayloadOf<"claim.restored"> => ({
    action: "claim.restored",
    to: snapshotOf(claim),
  }),
  /** A save of the article's text carried the claim to other words: found by its quote, or on edited words. */
  claimReanchored: (
    before: Selectors,
    after: Selectors,
    status: "moved" | "fuzzy",
  ): ChangePayloadOf<"claim.reanchored"> => ({
    action: "claim.reanchored",
    from: anchorOf(before),
    to: { ...anchorOf(after), status, ...(status === "fuzzy" ? { isAnchorUnconfirmed: true } : {}) },
  }),
  /** A reviewer put the claim (an orphan, usually) on new words. */
  claimReattached: (
    claim: Pick<Claim, "isOrphaned"> & { selectors: Selectors },
    selectors: Selectors,
  ): ChangePayloadOf<"claim.reanchored"> => ({
    action: "claim.reanchored",
    from: { ...anchorOf(claim.selectors), isOrphaned: claim.isOrphaned },
    to: { ...anchorOf(selectors), status: "reattached" },
  }),
  /** `selectors`: where the claim was; they stay on the claim. */
  claimOrphaned: (selectors: Selectors): ChangePayloadOf<"claim.orphaned"> => ({
    action: "claim.orphaned",
    from: anchorOf(selectors),
  }),
  anchorConfirmed: (selectors: Selectors): ChangePayloadOf<"claim.anchor_confirmed"> => ({
    action: "claim.anchor_confirmed",
    to: anchorOf(selectors),
  }),

  evidenceAdded: (evidence: EvidenceOnRecord): ChangePayloadOf<"evidence.added"> => ({
    action: "evidence.added",
    to: evidenceValueOf(evidence),
  }),
  /** `from` and `to`: only the fields that changed. */
  evidenceUpdated: (
    evidenceId: string,
    from: Omit<EvidenceFields, "evidenceId">,
    to: Omit<EvidenceFields, "evidenceId">,
  ): ChangePayloadOf<"evidence.updated"> => ({
    action: "evidence.updated",
    from: { evidenceId, ...from },
    to: { evidenceId, ...to },
  }),
  evidenceRemoved: (evidence: EvidenceOnRecord): ChangePayloadOf<"evidence.removed"> => ({
    action: "evidence.removed",
    from: evidenceValueOf(evidence),
  }),

  /** The entry on one claim of the link; `other` is the claim at its other end. */
  /** `fromSuggestion`: the reviewer linked a contradiction candidate, which the history says. */
  linkAdded: (
    link: LinkOnRecord,
    other: OtherClaim,
    { fromSuggestion = false }: { fromSuggestion?: boolean } = {},
  ): ChangePayloadOf<"link.added"> => ({
    action: "link.added",
    to: { ...linkValueOf(link, other), ...(fromSuggestion ? { fromSuggestion: true } : {}) },
  }),
  linkRemoved: (link: LinkOnRecord, other: OtherClaim): ChangePayloadOf<"link.removed"> => ({
    action: "link.removed",
    from: linkValueOf(link, other),
  }),

  /** null: nobody. */
  claimAssigned: (from: Actor | null, to: Actor | null): ChangePayloadOf<"claim.assigned"> => ({
    action: "claim.assigned",
    from: from && { id: from.id, name: from.name },
    to: to && { id: to.id, name: to.name },
  }),
  /** A status set by hand. */
  statusChanged: (from: ClaimStatus, to: ClaimStatus): ChangePayloadOf<"claim.status_changed"> => ({
    action: "claim.status_changed",
    from,
    to,
  }),
  /** A change after review sent the claim from `from` back to ready-for-review. */
  reviewReopened: (from: ClaimStatus): ChangePayloadOf<"claim.review_reopened"> => ({
    action: "claim.review_reopened",
    from,
    to: "ready-for-review",
  }),
  /** `status`: the claim's status after the review. */
  claimReviewed: (
    review: Pick<Review, "id" | "decision" | "note" | "round">,
    status: ClaimStatus,
  ): ChangePayloadOf<"claim.reviewed"> => ({
    action: "claim.reviewed",
    to: { reviewId: review.id, decision: review.decision, note: review.note, round: review.round, status },
  }),
  conclusionChanged: (
    from: Conclusion | null,
    to: Conclusion | null,
  ): ChangePayloadOf<"article.conclusion_changed"> => ({ action: "article.conclusion_changed", from, to }),
  /** Only the speakers whose kind changed. */
  speakerKindsChanged: (
    from: Record<string, SpeakerKind | null>,
    to: Record<string, SpeakerKind | null>,
  ): ChangePayloadOf<"article.speaker_kinds_changed"> => ({ action: "article.speaker_kinds_changed", from, to }),
  articlePublished: (publication: {
    id: string;
    version: number;
    slug: string;
    correctionNote: string | null;
  }): ChangePayloadOf<"article.published"> => ({
    action: "article.published",
    to: {
      publicationId: publication.id,
      version: publication.version,
      slug: publication.slug,
      correctionNote: publication.correctionNote,
    },
  }),
  articleRetracted: (
    publication: { id: string; version: number },
    note: string,
  ): ChangePayloadOf<"article.retracted"> => ({
    action: "article.retracted",
    to: { publicationId: publication.id, version: publication.version, note },
  }),

  /** An undo of `reverted`, carrying what it had recorded so the undo says what it put back. */
  undone: (reverted: UndoableChangeEvent): ChangePayloadOf<"claim.undone"> => {
    const { id, action } = reverted;
    const values = {
      ...("from" in reverted ? { from: reverted.from } : {}),
      ...("to" in reverted ? { to: reverted.to } : {}),
    };
    return {
      action: "claim.undone",
      from: { eventId: id, action, ...values } as ChangePayloadOf<"claim.undone">["from"],
    };
  },
};
