import {
  type Actor,
  type Article,
  ASSIGNABLE_ROLES,
  changeEvent,
  DEFAULT_CLAIM_STATUS,
  type ImportedReport,
  type ImportSource,
} from "@factmark/core";
import { timeOrderedId } from "../db/timeOrderedId";
import { type DbClient, toArticle } from "./articleRepository";
import { changeNumberOf, type EventInput, insertEvents, lockArticleForChanges } from "./eventRepository";

/**
 * Stores an imported report as a new article: the article, its claims, their evidence and reviews, the links between
 * them and, when the document carries one, its whole history; then the import's own "article.imported" entry (and,
 * for a document without a history, one "claim.imported" entry per claim). Who originally did each thing and when
 * are kept (`originalAuthorName`, `originalReviewerName`, `originalActorName`, and the times themselves); the
 * importing account is the one every row points at, as the one who brought it in. An exported assignee is kept only
 * when the same account can be assigned here (a re-import on the same desk); otherwise the claim is left unassigned,
 * and its history still says who had it. A handful of statements whatever the size; the caller runs them in one
 * transaction.
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
      createdAt: at,
      updatedAt: at,
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

  if (claimIds.length > 0) {
    await db.claim.createMany({
      data: imported.claims.map((claim, index) => {
        const { workflow } = claim;
        const assigneeId = workflow?.assignee?.id;
        return {
          id: claimIds[index] as string,
          articleId,
          start: claim.selectors.position.start,
          end: claim.selectors.position.end,
          exact: claim.selectors.quote.exact,
          prefix: claim.selectors.quote.prefix,
          suffix: claim.selectors.quote.suffix,
          verdict: claim.verdict,
          speaker: claim.speaker,
          rationale: claim.rationale,
          isOrphaned: claim.isOrphaned,
          isAnchorUnconfirmed: claim.isAnchorUnconfirmed,
          // The importer gives each verdict here: someone else approves it.
          verdictSetById: claim.verdict === "unverified" ? null : actor.id,
          status: workflow?.status ?? DEFAULT_CLAIM_STATUS,
          assigneeId: assigneeId !== undefined && assignable.has(assigneeId) ? assigneeId : null,
          reviewRound: workflow?.reviewRound ?? 1,
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
    // The import is one change after the history: its own entry, on the article.
    await insertEvents(db, articleId, actor, [articleEvent], at);
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
    ],
    at,
  );
  return toArticle(row);
}

/** The accounts among `ids` a claim may be assigned to here: reviewers, editors and admins not deactivated. */
async function assignableAccountIds(db: DbClient, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const accounts = await db.account.findMany({
    where: { id: { in: [...new Set(ids)] }, role: { in: [...ASSIGNABLE_ROLES] }, deactivatedAt: null },
    select: { id: true },
  });
  return new Set(accounts.map((account) => account.id));
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
