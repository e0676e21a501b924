import { describe, expect, it } from "vitest";
import { changeEvent } from "./changeEvent";
import { buildChangeEvent, CHANGE_EVENT_FIXTURES, UNDO_FIXTURES } from "./changeEventFixtures";
import { describeChangeEvent } from "./describeChangeEvent";
import { parseChangeEvent } from "./parseChangeEvent";
import { CHANGE_ACTIONS, type ChangeAction, type UndoableChangeAction } from "./ZChangeEvent";

const ENVOY = "“transferred dozens just this summer”";

/** The words for each fixture of each kind, in order. Typed by action: a new kind needs its words here. */
const EXPECTED: Record<Exclude<ChangeAction, "claim.undone">, string[]> = {
  "article.created": ["added the article “Iran denies arming Russia”"],
  "article.updated": [
    "edited the article's details (title and outlet)",
    "edited the article's text (claims: 1 moved, 1 to check, 1 orphaned)",
  ],
  "article.deleted": ["deleted the article “Iran denies arming Russia”"],
  "article.restored": ["restored the article “Iran denies arming Russia”"],
  "article.imported": ["imported the article “Iran denies arming Russia” from a Factmark JSON export"],
  "claim.created": ["marked the claim as Unverified", "marked the claim as Unverified, from a suggestion"],
  "claim.imported": ["imported the claim as Supported"],
  "claim.verdict_changed": ["changed the verdict from Unverified to Contradicted"],
  "claim.speaker_changed": [
    "attributed the claim to Robert Malley",
    "changed the speaker from Robert Malley to Oleg Nikolenko",
    "removed the speaker (was Robert Malley)",
  ],
  "claim.rationale_changed": ["wrote the rationale", "edited the rationale", "cleared the rationale"],
  "claim.deleted": ["deleted the claim"],
  "claim.restored": ["restored the claim"],
  "claim.reanchored": [
    "edited the article; the claim moved with its quote",
    "edited the article; the claim moved onto edited words — check it",
    "re-attached the claim to “baseless”",
  ],
  "claim.orphaned": ["edited the article; the claim's quote is no longer in it (orphaned)"],
  "claim.anchor_confirmed": ["confirmed the claim's new place"],
  "evidence.added": [
    "added evidence “Reuters” (Contradicts)",
    "added evidence “https://www.reuters.com/world/iran-drones” (Context)",
  ],
  "evidence.updated": ["edited evidence (stance from Supports to Context)", "edited evidence “New” (title, excerpt)"],
  "evidence.removed": ["removed evidence “Reuters”"],
  "link.added": [
    `linked it as contradicting ${ENVOY}`,
    `linked it as supporting ${ENVOY}`,
    `linked it as supported by ${ENVOY}`,
    `linked it as contradicting ${ENVOY}, from a suggestion`,
  ],
  "link.removed": [`removed the link contradicting ${ENVOY}`, `removed the link from ${ENVOY}`],
  "claim.assigned": [
    "assigned the claim to Ana Ruiz",
    "reassigned the claim from Ana Ruiz to Bo Chen",
    "unassigned the claim (was Bo Chen)",
  ],
  "claim.status_changed": ["moved the claim from To check to In progress"],
  "claim.review_reopened": ["changed the claim after review, so it went back from Approved to Ready for review"],
  "claim.reviewed": [
    "approved the claim",
    "approved the claim (one more approval needed)",
    "requested changes: “Cite the ministry's statement.”",
  ],
  "article.conclusion_changed": [
    "wrote the conclusion (Mostly inaccurate)",
    "changed the overall rating from Mostly inaccurate to Inaccurate and edited its summary",
    "removed the conclusion",
  ],
  "article.speaker_kinds_changed": ["set Robert Malley as a person and Foreign ministry as an organisation"],
  "article.published": [
    "published the fact-check",
    "published version 2 with a correction: “The envoy's title was wrong.”",
  ],
  "article.retracted": ["retracted the fact-check: “The source was fabricated.”"],
};

/** An undo of each kind an undo reverts: what it put back, then what it undid. */
const EXPECTED_UNDO: Record<UndoableChangeAction, string> = {
  "claim.verdict_changed": "restored the verdict to Unverified (undo of the change to Contradicted)",
  "claim.speaker_changed": "removed the speaker again (undo of the change to Robert Malley)",
  "claim.rationale_changed": "cleared the rationale again (undo of an edit)",
  "claim.deleted": "restored the claim (undo of its deletion)",
  "claim.restored": "deleted the claim again (undo of its restoring)",
  "evidence.added": "removed evidence “Reuters” again (undo of adding it)",
  "evidence.updated": "restored the earlier stance of the evidence (Supports; undo of an edit)",
  "evidence.removed": "restored evidence “Reuters” (undo of its removal)",
  "link.added": `removed the link contradicting ${ENVOY} again (undo of adding it)`,
  "link.removed": `restored the link contradicting ${ENVOY} (undo of its removal)`,
};

describe("describeChangeEvent", () => {
  it.each(CHANGE_ACTIONS.filter((action) => action !== "claim.undone"))("words every %s fixture", (action) => {
    const fixtures = CHANGE_EVENT_FIXTURES[action];
    const expected = EXPECTED[action as Exclude<ChangeAction, "claim.undone">];
    expect(fixtures.map((event) => describeChangeEvent(event))).toEqual(expected);
  });

  it.each(Object.entries(UNDO_FIXTURES))("words an undo of %s as an undo, with what it put back", (action, undo) => {
    expect(describeChangeEvent(undo)).toBe(EXPECTED_UNDO[action as UndoableChangeAction]);
  });

  it("never says only that something changed", () => {
    for (const action of CHANGE_ACTIONS) {
      for (const event of CHANGE_EVENT_FIXTURES[action]) {
        expect(describeChangeEvent(event)).not.toMatch(/^(made a change|undid a change|changed)$/i);
      }
    }
  });

  it("names the evidence an undone edit put back, and each field it restored", () => {
    const [, titleEdit] = CHANGE_EVENT_FIXTURES["evidence.updated"];
    if (!titleEdit) throw new Error("No evidence title edit fixture.");
    expect(describeChangeEvent(buildChangeEvent(changeEvent.undone(titleEdit)))).toBe(
      "restored the earlier title and excerpt of evidence “Old” (undo of an edit)",
    );
  });

  it("finds the values an old undo row left out in the row it reverted", () => {
    const [verdictChange] = CHANGE_EVENT_FIXTURES["claim.verdict_changed"];
    if (!verdictChange) throw new Error("No verdict change fixture.");
    const oldUndo = parseChangeEvent({
      ...buildChangeEvent(changeEvent.verdictChanged("supported", "contradicted")),
      action: "claim.undone",
      from: { eventId: verdictChange.id, action: "claim.verdict_changed" },
    });
    expect(describeChangeEvent(oldUndo, { events: [oldUndo, verdictChange] })).toBe(
      "restored the verdict to Unverified (undo of the change to Contradicted)",
    );
    expect(describeChangeEvent(oldUndo)).toBe("undid a verdict change");
  });

  it("words a row it cannot read by its action, or as a change when the action is newer than it", () => {
    const envelope = buildChangeEvent(
      changeEvent.claimDeleted({ verdict: "supported", selectors: { quote: { exact: "x", prefix: "", suffix: "" } } }),
    );
    expect(
      describeChangeEvent(
        parseChangeEvent({ ...envelope, action: "link.added", from: undefined, to: { kind: "supports" } }),
      ),
    ).toBe("added a link");
    expect(describeChangeEvent(parseChangeEvent({ ...envelope, action: "claim.translated", to: "fr" }))).toBe(
      "made a change",
    );
  });

  it("cuts long quotes on a word", () => {
    const long = "word ".repeat(40);
    const event = buildChangeEvent(
      changeEvent.linkAdded(
        { id: "link-9", kind: "contradicts", fromClaimId: "claim-1", toClaimId: "claim-2", note: null },
        { id: "claim-2", exact: long },
      ),
    );
    const words = describeChangeEvent(event);
    expect(words.length).toBeLessThan(100);
    expect(words).toMatch(/word…”$/);
  });
});
