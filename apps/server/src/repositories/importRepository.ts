import {
  type Actor,
  type Article,
  ASSIGNABLE_ROLES,
  changeEvent,
  DEFAULT_CLAIM_STATUS,
  type ImportedOrigin,
  type ImportedReport,
  type ImportedWorkflow,
  type ImportSource,
} from "@factmark/core";
import { timeOrderedId } from "../db/timeOrderedId";
import { type DbClient, toArticle } from "./articleRepository";
import { batchesOf } from "./batchesOf";
import { selectorColumns } from "./claimRepository";
import { changeNumberOf, type EventInput, insertEvents, lockArticleForChanges } from "./eventRepository";

/**
 * Stores an imported report as a new article: the article, its claims, their evidence and reviews, the links between
 * them and, when the document carries one, its whole history; then the import's own "article.imported" entry (and,
 * for a document without a history, one "claim.imported" entry per claim). Who originally did each thing and when
 * are kept (`originalAuthorName`, `originalReviewerName`, `originalActorName`, and the times themselves, the
 * article's too); the importing account is every row's author and every entry's actor, as the one who brought it
 * in. An exported assignee is kept only when the same account can be assigned here (a re-import on the same desk);
 * otherwise the claim is left unassigned, and its history still says who had it.
 *
 * An import never approves (see trustedWorkflow): anyone can write a document, and its reviews and the names in
 * them prove nothing here. A claim that says it is approved comes in ready for review in a new round, with an entry
 * by the importer saying so; every imported review is kept, in the round it was given, and none counts toward this
 * newsroom's `requiredApprovals`. Where the desk's rules ask who did something, an account of the same id here is
 * kept: a verdict's setter (who may not approve it) and a review's reviewer; a verdict whose setter is not here is
 * the importer's to stand behind, and nobody approves a verdict they brought in. Nothing comes in published. A
 * handful of statements whatever the size; the caller runs them in one transaction.
 */
export async function insertImportedReport(
  db: DbClient,
  imported: ImportedReport,
  actor: Actor,
  at: Date,
  source: ImportSource,
): Promise<Article> {
  const articleId = timeOrderedId();
  const { article, history = [] } = imported;
  const row = await db.article.create({
    data: {
      id: articleId,
      title: article.title,
      sourceUrl: article.sourceUrl,
      outlet: article.outlet,
      author: article.author,
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : null,
      doc: JSON.stringify(article.doc),
      text: article.text,
      conclusionSummary: article.conclusion?.summary ?? null,
      conclusionRating: article.conclusion?.rating ?? null,
      speakerKinds: JSON.stringify(article.speakerKinds ?? {}),
      createdById: actor.id,
      createdAt: article.createdAt ? new Date(article.createdAt) : at,
      updatedAt: article.updatedAt ? new Date(article.updatedAt) : at,
    },
  });

  // The history keeps its change numbers, so entries of one change stay together; the import's own change comes
  // after the last of them.
  const lastChangeNumber = Math.max(0, ...history.map((event) => event.changeNumber ?? 0));
  if (lastChangeNumber > 0) {
    await db.articleChangeCounter.create({ data: { articleId, lastChangeNumber } });
  }
  await lockArticleForChanges(db, articleId);
  const changeNumber = changeNumberOf(db, articleId);
  const articleEvent: EventInput = { claimId: null, ...changeEvent.articleImported(article, source) };
  const newIds = new IdMap();
  const claimIds = imported.claims.map((claim) => newIds.of(claim.sourceId));
  if (claimIds.length === 0 && history.length === 0) {
    await insertEvents(db, articleId, actor, [articleEvent], at);
    return toArticle(row);
  }
  const timeOf = (origin: { at: string | null } | undefined) => (origin?.at ? new Date(origin.at) : at);
  const assignable = await assignableAccountIds(
    db,
    imported.claims.flatMap((claim) => (claim.workflow?.assignee ? [claim.workflow.assignee.id] : [])),
  );
  const here = await existingAccountIds(
    db,
    imported.claims.flatMap(({ workflow }) => [workflow?.verdictSetBy?.accountId]),
  );
  const accountHere = (origin: ImportedOrigin | null | undefined) =>
    origin?.accountId !== undefined && here.has(origin.accountId) ? origin.accountId : null;
  const trusted = imported.claims.map((claim) => (claim.workflow ? trustedWorkflow(claim.workflow) : null));
  // Each claim that came in approved by the document: the importer's entry, in the import's own change.
  const statusEntries = imported.claims.flatMap((claim, index): EventInput[] => {
    const from = claim.workflow?.status;
    const to = trusted[index]?.status;
    return from !== undefined && to && to !== from
      ? [{ claimId: claimIds[index] as string, ...changeEvent.statusChanged(from, to) }]
      : [];
  });

  if (claimIds.length > 0) {
    await db.claim.createMany({
      data: imported.claims.map((claim, index) => {
        const { workflow } = claim;
        const assigneeId = workflow?.assignee?.id;
        return {
          id: claimIds[index] as string,
          articleId,
          ...selectorColumns(claim.selectors),
          verdict: claim.verdict,
          speaker: claim.speaker,
          rationale: claim.rationale,
          isOrphaned: claim.isOrphaned,
          isAnchorUnconfirmed: claim.isAnchorUnconfirmed,
          // Its setter when they are here, else the importer, who stands behind it: someone else approves it.
          verdictSetById: claim.verdict === "unverified" ? null : (accountHere(workflow?.verdictSetBy) ?? actor.id),
          status: trusted[index]?.status ?? DEFAULT_CLAIM_STATUS,
          assigneeId: assigneeId !== undefined && assignable.has(assigneeId) ? assigneeId : null,
          reviewRound: trusted[index]?.reviewRound ?? 1,
          version: workflow?.version ?? 1,
          createdById: actor.id,
          originalAuthorName: claim.origin?.authorName ?? null,
          createdAt: timeOf(claim.origin),
          updatedAt: workflow?.updatedAt ? new Date(workflow.updatedAt) : timeOf(claim.origin),
          changeNumber,
        };
      }),
    });
  }
  const evidence = imported.claims.flatMap((claim, index) =>
    claim.evidence.map((item) => ({
      id: newIds.of(item.sourceId),
      claimId: claimIds[index] as string,
      url: item.url,
      title: item.title,
      excerpt: item.excerpt,
      stance: item.stance,
      version: item.version ?? 1,
      createdById: actor.id,
      originalAuthorName: item.origin?.authorName ?? null,
      createdAt: timeOf(item.origin),
      updatedAt: item.updatedAt ? new Date(item.updatedAt) : timeOf(item.origin),
      changeNumber,
    })),
  );
  if (evidence.length > 0) await db.evidence.createMany({ data: evidence });
  if (imported.links.length > 0) {
    await db.link.createMany({
      data: imported.links.map((link) => ({
        id: newIds.of(link.sourceId),
        articleId,
        fromClaimId: claimIds[link.fromClaim] as string,
        toClaimId: claimIds[link.toClaim] as string,
        kind: link.kind,
        note: link.note,
        createdById: actor.id,
        originalAuthorName: link.origin?.authorName ?? null,
        createdAt: timeOf(link.origin),
        changeNumber,
      })),
    });
  }
  const reviews = imported.claims.flatMap((claim, index) =>
    (claim.workflow?.reviews ?? []).map((review) => ({
      id: newIds.of(review.sourceId),
      claimId: claimIds[index] as string,
      articleId,
      // Filed under the importer with the original name ("Olga (imported by Sam)"): a document names reviewers, it
      // cannot prove them, so no account here is credited with a review it never gave. It counts in no round here.
      reviewerId: actor.id,
      originalReviewerName: review.origin.authorName,
      decision: review.decision,
      note: review.note,
      round: review.round,
      createdAt: timeOf(review.origin),
      changeNumber,
    })),
  );
  if (reviews.length > 0) await db.review.createMany({ data: reviews });

  if (history.length > 0) {
    // Ids are made in the history's order, so entries of one instant keep it.
    const eventIds = history.map((event) => newIds.of(event.sourceId));
    await db.event.createMany({
      data: history.map((event, index) => ({
        id: eventIds[index] as string,
        articleId,
        changeNumber: event.changeNumber ?? changeNumber,
        claimId: event.claim === null ? null : (claimIds[event.claim] as string),
        actorId: actor.id,
        originalActorName: event.origin.authorName,
        action: event.action,
        from: "from" in event && event.from !== undefined ? JSON.stringify(newIds.within(event.from)) : null,
        to: "to" in event && event.to !== undefined ? JSON.stringify(newIds.within(event.to)) : null,
        at: timeOf(event.origin),
      })),
    });
    // The import is one change after the history: the claims' statuses it changed, then its own entry, on the article.
    await insertEvents(db, articleId, actor, [...statusEntries, articleEvent], at);
    return toArticle(row);
  }
  // Without a history, the import is each claim's first entry: the article's entry and one per claim share its number.
  await insertEvents(
    db,
    articleId,
    actor,
    [
      articleEvent,
      ...imported.claims.map(
        (claim, index): EventInput => ({ claimId: claimIds[index] as string, ...changeEvent.claimImported(claim) }),
      ),
      ...statusEntries,
    ],
    at,
  );
  return toArticle(row);
}

/**
 * Where an imported claim comes in: an import never approves. A claim the document says is approved comes in ready
 * for review; it, and any claim with an imported review in its current round or later, starts a new round past them
 * all, so no imported approval, whoever it names, counts toward this newsroom's rule: the approvals it needs are
 * given here. Every other status asks for more work, never less, and is kept.
 */
export function trustedWorkflow(workflow: ImportedWorkflow): Pick<ImportedWorkflow, "status" | "reviewRound"> {
  const { status, reviewRound } = workflow;
  const lastReviewedRound = Math.max(0, ...workflow.reviews.map((review) => review.round));
  const isRoundReviewed = status === "approved" || lastReviewedRound >= reviewRound;
  return {
    status: status === "approved" ? "ready-for-review" : status,
    reviewRound: isRoundReviewed ? Math.max(reviewRound, lastReviewedRound) + 1 : reviewRound,
  };
}

/** The ids among `ids` of accounts here, deactivated or not: the same people, on the same desk. */
async function existingAccountIds(db: DbClient, ids: (string | undefined)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== undefined))];
  if (wanted.length === 0) return new Set();
  const found = new Set<string>();
  for (const batch of batchesOf(wanted)) {
    const accounts = await db.account.findMany({ where: { id: { in: batch } }, select: { id: true } });
    for (const account of accounts) found.add(account.id);
  }
  return found;
}

/** The accounts among `ids` a claim may be assigned to here: reviewers, editors and admins not deactivated. */
async function assignableAccountIds(db: DbClient, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of batchesOf([...new Set(ids)])) {
    const accounts = await db.account.findMany({
      where: { id: { in: batch }, role: { in: [...ASSIGNABLE_ROLES] }, deactivatedAt: null },
      select: { id: true },
    });
    for (const account of accounts) found.add(account.id);
  }
  return found;
}

/** The keys under which a history entry's values name a claim, evidence, link, entry, review or publication. */
const ID_KEYS: ReadonlySet<string> = new Set([
  "claimId",
  "fromClaimId",
  "toClaimId",
  "otherClaimId",
  "evidenceId",
  "linkId",
  "eventId",
  "reviewId",
  "publicationId",
]);

/**
 * The new id of each thing an import brings in, by its id in the document, made on first ask. An id the document
 * names only in its history (evidence removed before the export, a publication) gets a new one too, so no entry
 * of the new article points into another.
 */
class IdMap {
  readonly #ids = new Map<string, string>();

  of(sourceId: string | undefined): string {
    if (sourceId === undefined) return timeOrderedId();
    const known = this.#ids.get(sourceId);
    if (known !== undefined) return known;
    const id = timeOrderedId();
    this.#ids.set(sourceId, id);
    return id;
  }

  /** A history entry's `from` or `to`, each id in it (under one of ID_KEYS) replaced by its new one. */
  within(value: unknown, key?: string): unknown {
    if (typeof value === "string") return key !== undefined && ID_KEYS.has(key) ? this.of(value) : value;
    if (Array.isArray(value)) return value.map((item) => this.within(item));
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([entryKey, entry]) => [entryKey, this.within(entry, entryKey)]),
    );
  }
}
