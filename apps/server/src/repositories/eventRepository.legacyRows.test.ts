import {
  CHANGE_ACTIONS,
  type ChangeAction,
  type Claim,
  describeChangeEvent,
  ZClaimHistory,
  ZReportModel,
  ZUndoResult,
} from "@factmark/core";
import { describe, expect, it } from "vitest";
import { buildArticle } from "../test/buildArticle";
import { buildClaim } from "../test/buildClaim";
import { createTestApp } from "../test/createTestApp";
import { expectApiError } from "../test/expectApiError";
import { expectUnchanged } from "../test/expectUnchanged";
import { SEED_ADMIN } from "./accountRepository";

// The change log as the writers stored it before they built entries with core's `changeEvent`: raw rows in
// the shapes of that time (undo rows naming only the change they reverted, fuzzy moves without
// `isAnchorUnconfirmed`, a speaker that was none stored as JSON null, no change number). No migration
// rewrites them: the history and the report must read each one as it was meant, and lose none.

const { db, request } = await createTestApp();

/** A row as an old writer stored it, and the words the history and the report give it. */
interface LegacyRow {
  id: string;
  claimId: string | null;
  action: string;
  from?: unknown;
  to?: unknown;
  words: string;
}

/** Where a claim stood, as a move or an orphaning recorded it. */
function anchorOf(claim: Claim, shift = 0) {
  const { position, quote } = claim.selectors;
  return { start: position.start + shift, end: position.end + shift, exact: quote.exact };
}

/**
 * An article whose claims (each with at most five entries, all of which the report shows) and the article
 * itself hold every kind of change, stored as the old writers did; the factories' own entries are removed.
 */
async function buildArticleWithLegacyLog() {
  const article = await buildArticle(db);
  const mark = (exact: string) => buildClaim(db, article, exact);
  const claims = {
    limited: await mark("Iran sold a limited number of drones"),
    months: await mark("months before the Ukraine war"),
    said: await mark("said Amir-Abdollahian"),
    malley: await mark("Robert Malley said"),
    dozens: await mark("transferred dozens just this summer"),
    iravani: await mark("Iravani called"),
    unfounded: await mark("totally unfounded"),
  };
  const rows: LegacyRow[] = [];
  function stored(claim: Claim | null, action: string, values: { from?: unknown; to?: unknown }, words: string) {
    const id = `legacy-${String(rows.length + 1).padStart(3, "0")}`;
    rows.push({ id, claimId: claim?.id ?? null, action, ...values, words });
    return id;
  }
  /** An undo as it was stored before undos carried values: the reverted entry's id and action only. */
  function undo(claim: Claim, revertedId: string, words: string) {
    const reverted = rows.find((row) => row.id === revertedId);
    if (!reverted) throw new Error(`No row "${revertedId}" to undo.`);
    return stored(claim, "claim.undone", { from: { eventId: revertedId, action: reverted.action } }, words);
  }
  const { limited, months, said, malley, dozens, iravani, unfounded } = claims;
  const reuters = {
    evidenceId: "evidence-legacy-1",
    url: "https://www.reuters.com/world/iran-drones",
    title: "Reuters",
    excerpt: "Iran supplied drones to Russia this summer.",
    stance: "contradicts",
  };
  const stateDepartment = { ...reuters, evidenceId: "evidence-legacy-2", url: "https://www.state.gov/briefing" };
  const link = (id: string, kind: string, from: Claim, to: Claim, other: Claim) => ({
    linkId: id,
    kind,
    fromClaimId: from.id,
    toClaimId: to.id,
    note: null,
    otherClaimId: other.id,
    otherQuote: other.selectors.quote.exact,
  });

  stored(null, "article.created", { to: { title: "Iran and the drones" } }, "added the article “Iran and the drones”");
  stored(
    null,
    "article.imported",
    { to: { title: "Iran and the drones", source: "factmark-json" } },
    "imported the article “Iran and the drones” from a Factmark JSON export",
  );
  stored(
    null,
    "article.updated",
    { from: { title: "Iran", outlet: null }, to: { title: "Iran and the drones", outlet: "AP" } },
    "edited the article's details (title and outlet)",
  );
  stored(
    null,
    "article.updated",
    { from: { textLength: 180 }, to: { textLength: 200, reanchored: { exact: 3, moved: 1, fuzzy: 1, orphaned: 1 } } },
    "edited the article's text (claims: 1 moved, 1 to check, 1 orphaned)",
  );
  // The report reads rows, not the article's state: an article-level deletion row reads like any other.
  stored(null, "article.deleted", { from: { title: "Iran" } }, "deleted the article “Iran”");

  stored(limited, "claim.created", { to: { verdict: "unverified", exact: "x" } }, "marked the claim as Unverified");
  const verdictChange = stored(
    limited,
    "claim.verdict_changed",
    { from: "unverified", to: "contradicted" },
    "changed the verdict from Unverified to Contradicted",
  );
  undo(limited, verdictChange, "restored the verdict to Unverified (undo of the change to Contradicted)");
  stored(
    limited,
    "claim.speaker_changed",
    { from: null, to: "Hossein Amir-Abdollahian" },
    "attributed the claim to Hossein Amir-Abdollahian",
  );
  stored(limited, "claim.rationale_changed", { from: "", to: "Malley says dozens." }, "wrote the rationale");

  stored(months, "claim.imported", { to: { verdict: "supported", exact: "x" } }, "imported the claim as Supported");
  stored(
    months,
    "claim.speaker_changed",
    { from: "Robert Malley", to: null },
    "removed the speaker (was Robert Malley)",
  );
  const rationaleCleared = stored(
    months,
    "claim.rationale_changed",
    { from: "Because", to: "" },
    "cleared the rationale",
  );
  undo(months, rationaleCleared, "restored the earlier rationale (undo of an edit)");
  stored(months, "claim.rationale_changed", { from: "Because", to: "Since" }, "edited the rationale");

  const deletion = stored(said, "claim.deleted", { from: { verdict: "supported", exact: "x" } }, "deleted the claim");
  undo(said, deletion, "restored the claim (undo of its deletion)");
  stored(
    said,
    "claim.reanchored",
    { from: anchorOf(said), to: { ...anchorOf(said, 4), status: "moved" } },
    "edited the article; the claim moved with its quote",
  );
  stored(
    said,
    "claim.reanchored",
    { from: anchorOf(said, 4), to: { ...anchorOf(said), status: "fuzzy" } },
    "edited the article; the claim moved onto edited words — check it",
  );
  stored(said, "claim.anchor_confirmed", { to: anchorOf(said) }, "confirmed the claim's new place");

  stored(
    malley,
    "claim.orphaned",
    { from: anchorOf(malley) },
    "edited the article; the claim's quote is no longer in it (orphaned)",
  );
  stored(
    malley,
    "claim.reanchored",
    { from: { ...anchorOf(malley), isOrphaned: true }, to: { ...anchorOf(malley), status: "reattached" } },
    "re-attached the claim to “Robert Malley said”",
  );
  const restoring = stored(
    malley,
    "claim.restored",
    { to: { verdict: "unverified", exact: "x" } },
    "restored the claim",
  );
  undo(malley, restoring, "deleted the claim again (undo of its restoring)");

  stored(dozens, "evidence.added", { to: reuters }, "added evidence “Reuters” (Contradicts)");
  const stanceEdit = stored(
    dozens,
    "evidence.updated",
    {
      from: { evidenceId: reuters.evidenceId, stance: "contradicts" },
      to: { evidenceId: reuters.evidenceId, stance: "context" },
    },
    "edited evidence (stance from Contradicts to Context)",
  );
  undo(dozens, stanceEdit, "restored the earlier stance of the evidence (Contradicts; undo of an edit)");
  const removal = stored(dozens, "evidence.removed", { from: reuters }, "removed evidence “Reuters”");
  undo(dozens, removal, "restored evidence “Reuters” (undo of its removal)");

  const untitled = { ...stateDepartment, title: null, stance: "supports" };
  const adding = stored(
    iravani,
    "evidence.added",
    { to: untitled },
    "added evidence “https://www.state.gov/briefing” (Supports)",
  );
  undo(iravani, adding, "removed evidence “https://www.state.gov/briefing” again (undo of adding it)");
  const linking = stored(
    iravani,
    "link.added",
    { to: link("link-legacy-1", "contradicts", iravani, limited, limited) },
    "linked it as contradicting “Iran sold a limited number of drones”",
  );
  undo(
    iravani,
    linking,
    "removed the link contradicting “Iran sold a limited number of drones” again (undo of adding it)",
  );
  stored(
    iravani,
    "link.removed",
    { from: link("link-legacy-2", "supports", months, iravani, months) },
    "removed the link from “months before the Ukraine war”",
  );

  stored(
    unfounded,
    "link.added",
    { to: link("link-legacy-3", "supports", unfounded, limited, limited) },
    "linked it as supporting “Iran sold a limited number of drones”",
  );
  const unlinking = stored(
    unfounded,
    "link.removed",
    { from: link("link-legacy-3", "supports", unfounded, limited, limited) },
    "removed the link supporting “Iran sold a limited number of drones”",
  );
  undo(
    unfounded,
    unlinking,
    "restored the link supporting “Iran sold a limited number of drones” (undo of its removal)",
  );
  const speakerChange = stored(
    unfounded,
    "claim.speaker_changed",
    { from: "Robert Malley", to: "Oleg Nikolenko" },
    "changed the speaker from Robert Malley to Oleg Nikolenko",
  );
  undo(unfounded, speakerChange, "restored the speaker to Robert Malley (undo of the change to Oleg Nikolenko)");

  await storeLegacyRows(article.id, rows);
  return { article, claims, rows };
}

/** Replaces the article's change log with `rows`, one minute apart, stored as the old writers did. */
async function storeLegacyRows(articleId: string, rows: readonly Omit<LegacyRow, "words">[]) {
  await db.event.deleteMany({ where: { articleId } });
  const start = Date.parse("2026-01-10T09:00:00.000Z");
  await db.event.createMany({
    data: rows.map((row, index) => ({
      id: row.id,
      articleId,
      claimId: row.claimId,
      actorId: SEED_ADMIN.id,
      action: row.action,
      from: row.from === undefined ? null : JSON.stringify(row.from),
      to: row.to === undefined ? null : JSON.stringify(row.to),
      at: new Date(start + index * 60_000),
    })),
  });
}

async function readHistory(claimId: string) {
  const response = await request("GET", `/api/claims/${claimId}/history`);
  expect(response.status).toBe(200);
  return ZClaimHistory.parse(await response.json());
}

async function readReportModel(articleId: string) {
  const response = await request("GET", `/api/articles/${articleId}/report/model?history=include`);
  expect(response.status).toBe(200);
  // The web app's report page reads the answer with this schema.
  return ZReportModel.parse(await response.json());
}

/**
 * The kinds of change added after the change log was typed: the review workflow's (migration 0007) and restoring
 * a deleted article (issue 18).
 */
const WORKFLOW_CHANGE_ACTIONS = [
  "article.restored",
  "claim.assigned",
  "claim.status_changed",
  "claim.review_reopened",
  "claim.reviewed",
  "article.conclusion_changed",
  "article.speaker_kinds_changed",
  "article.published",
  "article.retracted",
] as const satisfies readonly ChangeAction[];

const legacy = await buildArticleWithLegacyLog();

describe("a change log stored before the change log was typed", () => {
  it("holds every kind of change the change log knows", () => {
    // The kinds that came after the writers were typed: no old row has them.
    const typedLater = new Set<string>(WORKFLOW_CHANGE_ACTIONS);
    expect(new Set(legacy.rows.map((row) => row.action))).toEqual(
      new Set(CHANGE_ACTIONS.filter((action) => !typedLater.has(action))),
    );
  });

  it("reads in each claim's history, typed, worded as it was meant, none lost", async () => {
    for (const claim of Object.values(legacy.claims)) {
      const rows = legacy.rows.filter((row) => row.claimId === claim.id);
      const history = await readHistory(claim.id);
      expect(history.items.map((event) => [event.id, event.action])).toEqual(
        rows.map((row) => [row.id, row.action]).reverse(),
      );
      expect(history.items.map((event) => describeChangeEvent(event, { events: history.items }))).toEqual(
        rows.map((row) => row.words).reverse(),
      );
      // An old undo row still marks the change it reverted.
      const undoneIds = rows.flatMap((row) =>
        row.action === "claim.undone" ? [(row.from as { eventId: string }).eventId] : [],
      );
      expect(history.items.filter((event) => event.isUndone).map((event) => event.id)).toEqual(
        undoneIds.sort().reverse(),
      );
    }
  });

  it("reads in the report model, article's entries included, worded as the history words them", async () => {
    const model = await readReportModel(legacy.article.id);
    expect(model.events.map((event) => [event.id, event.action])).toEqual(
      legacy.rows.map((row) => [row.id, row.action]),
    );
    expect(model.events.map((event) => describeChangeEvent(event, { events: model.events }))).toEqual(
      legacy.rows.map((row) => row.words),
    );
    for (const claim of model.claims) {
      const rows = legacy.rows.filter((row) => row.claimId === claim.id);
      expect(claim.historyTotal).toBe(rows.length);
      expect(claim.history.map((entry) => [entry.action, entry.summary])).toEqual(
        rows.map((row) => [row.action, row.words]),
      );
    }
    expect(model.claims).toHaveLength(Object.keys(legacy.claims).length);
  });

  it("undoes an old change, and the undo it records carries what it reverted", async () => {
    const { limited } = legacy.claims;
    const before = await readHistory(limited.id);
    const [rationaleEdit] = before.items;
    expect(before.undoableEventId).toBe(rationaleEdit?.id);

    const response = await request("POST", `/api/claims/${limited.id}/history/undo`, {});
    expect(response.status).toBe(200);
    const result = ZUndoResult.parse(await response.json());
    expect(result.event).toMatchObject({
      action: "claim.undone",
      from: { eventId: rationaleEdit?.id, action: "claim.rationale_changed", from: "", to: "Malley says dozens." },
    });
    const after = await readHistory(limited.id);
    expect(after.items[0] && describeChangeEvent(after.items[0])).toBe("cleared the rationale again (undo of an edit)");
    // Next is the speaker change: the verdict change under it stays undone by its old undo row.
    expect(after.items.find((event) => event.id === after.undoableEventId)?.action).toBe("claim.speaker_changed");
  });
});

describe("a stored row no shape fits", () => {
  it("is answered as unreadable, worded by its action, and an undo refuses it rather than go past it", async () => {
    const article = await buildArticle(db);
    const claim = await buildClaim(db, article, "totally unfounded");
    await storeLegacyRows(article.id, [
      { id: "odd-001", claimId: claim.id, action: "claim.created", to: { verdict: "unverified", exact: "x" } },
      { id: "odd-002", claimId: claim.id, action: "claim.verdict_changed", from: "unverified", to: "supported" },
      // A writer's bug: evidence without its id or stance.
      { id: "odd-003", claimId: claim.id, action: "evidence.added", to: { url: "https://x.example", title: "X" } },
      // A kind newer than this code.
      { id: "odd-004", claimId: null, action: "article.status_changed", from: "draft", to: "published" },
    ]);

    const history = await readHistory(claim.id);
    const [unreadable] = history.items;
    expect(unreadable).toMatchObject({ id: "odd-003", action: "unreadable", storedAction: "evidence.added" });
    expect(history.items.map((event) => describeChangeEvent(event))).toEqual([
      "added evidence",
      "changed the verdict from Unverified to Supported",
      "marked the claim as Unverified",
    ]);
    expect(history.undoableEventId).toBe("odd-003");
    await expectApiError(
      await expectUnchanged(db, () => request("POST", `/api/claims/${claim.id}/history/undo`, {})),
      409,
      "CONFLICT",
    );

    const model = await readReportModel(article.id);
    expect(model.events.map((event) => [event.id, event.action])).toEqual([
      ["odd-001", "claim.created"],
      ["odd-002", "claim.verdict_changed"],
      ["odd-003", "unreadable"],
      ["odd-004", "unreadable"],
    ]);
    expect(model.events.map((event) => describeChangeEvent(event)).slice(2)).toEqual([
      "added evidence",
      "made a change",
    ]);
    expect(model.claims[0]?.history.map((entry) => entry.summary)).toEqual([
      "marked the claim as Unverified",
      "changed the verdict from Unverified to Supported",
      "added evidence",
    ]);
  });
});
