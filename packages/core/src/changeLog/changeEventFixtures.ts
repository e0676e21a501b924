import type { Selectors } from "../anchoring/types";
import { changeEvent } from "./changeEvent";
import {
  type ChangeAction,
  type ChangeEnvelope,
  type ChangeEventOf,
  type ChangePayload,
  UNDOABLE_CHANGE_ACTIONS,
  type UndoableChangeAction,
} from "./ZChangeEvent";

// Events of every kind, as the server's builders write them, for the change log's tests. Typed by
// action, so a new kind without fixtures does not compile.

const REVIEWER = { id: "local-reviewer", name: "Local reviewer" };
let eventCount = 0;

/** An event of claim-1 (or the article, with `claimId: null`) by the local reviewer. */
export function buildChangeEvent<Payload extends ChangePayload>(
  payload: Payload,
  envelope: Partial<ChangeEnvelope> = {},
): ChangeEnvelope & Payload {
  eventCount += 1;
  return {
    id: `event-${eventCount}`,
    at: "2026-01-10T09:00:00.000Z",
    by: REVIEWER,
    claimId: "claim-1",
    ...envelope,
    ...payload,
  };
}

function selectorsOf(start: number, exact: string): Selectors {
  return { position: { start, end: start + exact.length }, quote: { exact, prefix: "", suffix: "" } };
}

const MINISTER = "a limited number of drones months before the Ukraine war";
const ENVOY = "transferred dozens just this summer";
const CLAIM = { verdict: "unverified" as const, selectors: selectorsOf(40, MINISTER) };
const REUTERS = {
  id: "evidence-1",
  url: "https://www.reuters.com/world/iran-drones",
  title: "Reuters",
  excerpt: "Iran supplied drones to Russia this summer.",
  stance: "contradicts" as const,
};
const CONTRADICTS = {
  id: "link-1",
  kind: "contradicts" as const,
  fromClaimId: "claim-1",
  toClaimId: "claim-2",
  note: null,
};
const SUPPORTS = { ...CONTRADICTS, id: "link-2", kind: "supports" as const };
const SUPPORTED_BY = { ...SUPPORTS, id: "link-3", fromClaimId: "claim-2", toClaimId: "claim-1" };
const OTHER = { id: "claim-2", exact: ENVOY };
const ARTICLE = { claimId: null };

type Fixtures = { [Action in ChangeAction]: readonly ChangeEventOf<Action>[] };
type UndoableFixtures = Omit<Fixtures, "claim.undone">;

const CHANGES = {
  "article.created": [buildChangeEvent(changeEvent.articleCreated({ title: "Iran denies arming Russia" }), ARTICLE)],
  "article.updated": [
    buildChangeEvent(
      changeEvent.articleUpdated(
        { title: "Iran denies", outlet: null },
        { title: "Iran denies arming Russia", outlet: "AP" },
      ),
      ARTICLE,
    ),
    buildChangeEvent(
      changeEvent.articleUpdated(
        { textLength: 1200 },
        { textLength: 1250, reanchored: { exact: 1, moved: 1, fuzzy: 1, orphaned: 1 } },
      ),
      ARTICLE,
    ),
  ],
  "article.deleted": [buildChangeEvent(changeEvent.articleDeleted({ title: "Iran denies arming Russia" }), ARTICLE)],
  "article.restored": [buildChangeEvent(changeEvent.articleRestored({ title: "Iran denies arming Russia" }), ARTICLE)],
  "article.imported": [
    buildChangeEvent(changeEvent.articleImported({ title: "Iran denies arming Russia" }, "factmark-json"), ARTICLE),
  ],
  "claim.created": [
    buildChangeEvent(changeEvent.claimCreated(CLAIM)),
    buildChangeEvent(changeEvent.claimCreated({ ...CLAIM, fromSuggestion: true })),
  ],
  "claim.imported": [buildChangeEvent(changeEvent.claimImported({ ...CLAIM, verdict: "supported" }))],
  "claim.verdict_changed": [buildChangeEvent(changeEvent.verdictChanged("unverified", "contradicted"))],
  "claim.speaker_changed": [
    buildChangeEvent(changeEvent.speakerChanged(null, "Robert Malley")),
    buildChangeEvent(changeEvent.speakerChanged("Robert Malley", "Oleg Nikolenko")),
    buildChangeEvent(changeEvent.speakerChanged("Robert Malley", null)),
  ],
  "claim.rationale_changed": [
    buildChangeEvent(changeEvent.rationaleChanged("", "Because")),
    buildChangeEvent(changeEvent.rationaleChanged("Because", "Since")),
    buildChangeEvent(changeEvent.rationaleChanged("Because", "")),
  ],
  "claim.deleted": [buildChangeEvent(changeEvent.claimDeleted({ ...CLAIM, verdict: "supported" }))],
  "claim.restored": [buildChangeEvent(changeEvent.claimRestored({ ...CLAIM, verdict: "supported" }))],
  "claim.reanchored": [
    buildChangeEvent(changeEvent.claimReanchored(CLAIM.selectors, selectorsOf(52, MINISTER), "moved")),
    buildChangeEvent(
      changeEvent.claimReanchored(CLAIM.selectors, selectorsOf(40, "a limited number of armed drones"), "fuzzy"),
    ),
    buildChangeEvent(changeEvent.claimReattached({ ...CLAIM, isOrphaned: true }, selectorsOf(12, "baseless"))),
  ],
  "claim.orphaned": [buildChangeEvent(changeEvent.claimOrphaned(CLAIM.selectors))],
  "claim.anchor_confirmed": [buildChangeEvent(changeEvent.anchorConfirmed(CLAIM.selectors))],
  "evidence.added": [
    buildChangeEvent(changeEvent.evidenceAdded(REUTERS)),
    buildChangeEvent(changeEvent.evidenceAdded({ ...REUTERS, title: null, stance: "context" })),
  ],
  "evidence.updated": [
    buildChangeEvent(changeEvent.evidenceUpdated("evidence-1", { stance: "supports" }, { stance: "context" })),
    buildChangeEvent(
      changeEvent.evidenceUpdated("evidence-1", { title: "Old", excerpt: null }, { title: "New", excerpt: "…" }),
    ),
  ],
  "evidence.removed": [buildChangeEvent(changeEvent.evidenceRemoved(REUTERS))],
  "link.added": [
    buildChangeEvent(changeEvent.linkAdded(CONTRADICTS, OTHER)),
    buildChangeEvent(changeEvent.linkAdded(SUPPORTS, OTHER)),
    buildChangeEvent(changeEvent.linkAdded(SUPPORTED_BY, OTHER)),
    buildChangeEvent(changeEvent.linkAdded(CONTRADICTS, OTHER, { fromSuggestion: true })),
  ],
  "link.removed": [
    buildChangeEvent(changeEvent.linkRemoved(CONTRADICTS, OTHER)),
    buildChangeEvent(changeEvent.linkRemoved(SUPPORTED_BY, OTHER)),
  ],
  "claim.assigned": [
    buildChangeEvent(changeEvent.claimAssigned(null, { id: "ana", name: "Ana Ruiz" })),
    buildChangeEvent(changeEvent.claimAssigned({ id: "ana", name: "Ana Ruiz" }, { id: "bo", name: "Bo Chen" })),
    buildChangeEvent(changeEvent.claimAssigned({ id: "bo", name: "Bo Chen" }, null)),
  ],
  "claim.status_changed": [buildChangeEvent(changeEvent.statusChanged("to-check", "in-progress"))],
  "claim.review_reopened": [buildChangeEvent(changeEvent.reviewReopened("approved"))],
  "claim.reviewed": [
    buildChangeEvent(
      changeEvent.claimReviewed({ id: "review-1", decision: "approve", note: null, round: 1 }, "approved"),
    ),
    buildChangeEvent(
      changeEvent.claimReviewed({ id: "review-2", decision: "approve", note: null, round: 1 }, "ready-for-review"),
    ),
    buildChangeEvent(
      changeEvent.claimReviewed(
        { id: "review-3", decision: "request-changes", note: "Cite the ministry's statement.", round: 1 },
        "changes-requested",
      ),
    ),
  ],
  "article.conclusion_changed": [
    buildChangeEvent(
      changeEvent.conclusionChanged(null, { summary: "Mostly wrong.", rating: "mostly-inaccurate" }),
      ARTICLE,
    ),
    buildChangeEvent(
      changeEvent.conclusionChanged(
        { summary: "Mostly wrong.", rating: "mostly-inaccurate" },
        { summary: "Wrong.", rating: "inaccurate" },
      ),
      ARTICLE,
    ),
    buildChangeEvent(changeEvent.conclusionChanged({ summary: "Wrong.", rating: "inaccurate" }, null), ARTICLE),
  ],
  "article.speaker_kinds_changed": [
    buildChangeEvent(
      changeEvent.speakerKindsChanged(
        { "Robert Malley": null, "Foreign ministry": null },
        { "Robert Malley": "Person", "Foreign ministry": "Organization" },
      ),
      ARTICLE,
    ),
  ],
  "article.published": [
    buildChangeEvent(
      changeEvent.articlePublished({ id: "publication-1", version: 1, slug: "iran-denies", correctionNote: null }),
      ARTICLE,
    ),
    buildChangeEvent(
      changeEvent.articlePublished({
        id: "publication-2",
        version: 2,
        slug: "iran-denies",
        correctionNote: "The envoy's title was wrong.",
      }),
      ARTICLE,
    ),
  ],
  "article.retracted": [
    buildChangeEvent(
      changeEvent.articleRetracted({ id: "publication-2", version: 2 }, "The source was fabricated."),
      ARTICLE,
    ),
  ],
} satisfies UndoableFixtures;

/** An undo of the first fixture of every kind an undo can revert, in UNDOABLE_CHANGE_ACTIONS order. */
export const UNDO_FIXTURES: { [Action in UndoableChangeAction]: ChangeEventOf<"claim.undone"> } = Object.fromEntries(
  UNDOABLE_CHANGE_ACTIONS.map((action) => {
    const [reverted] = CHANGES[action];
    if (!reverted) throw new Error(`No fixture of "${action}" to undo.`);
    return [action, buildChangeEvent(changeEvent.undone(reverted))];
  }),
) as { [Action in UndoableChangeAction]: ChangeEventOf<"claim.undone"> };

/** Events of every kind the change log knows, several where a kind reads differently by its values. */
export const CHANGE_EVENT_FIXTURES: Fixtures = { ...CHANGES, "claim.undone": Object.values(UNDO_FIXTURES) };
