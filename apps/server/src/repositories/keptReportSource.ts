import type { Evidence, HistoryEvent, Link } from "@factmark/core";
import { findAccountsLastChange } from "./accountRepository";
import { ARTICLE_INCLUDE, type DbClient, toArticleWithoutDoc } from "./articleRepository";
import { listClaimsOfArticle } from "./claimRepository";
import { findLastChangeNumber, toHistoryEvent } from "./eventRepository";
import { toEvidence } from "./evidenceRepository";
import { toLink } from "./linkRepository";
import { recentPerClient } from "./recentPerClient";
import { type ReportSource, readAccounts } from "./reportRepository";

/**
 * What a report shows besides the article and its claims, as read at change number `cursor` while the accounts
 * last changed at `accountsAt`: every live piece of evidence of the article's claims (deleted claims' too: the
 * report leaves out what hangs off a claim not in the claim list), every live link, every history entry, each
 * with its account's name. Never changed once made: a newer read makes new maps.
 */
interface ReportParts {
  accountsAt: string;
  cursor: number;
  evidence: Map<string, Evidence>;
  links: Map<string, Link>;
  events: Map<string, HistoryEvent>;
}

/**
 * The parts read lately, per database client and article: 8, as the claim list keeps (listClaimsOfArticle). A
 * report after one change then reads that change's rows, not the article's 10,000 history entries.
 */
const recentParts = recentPerClient<ReportParts>(8);

/**
 * findReportSource's answer (reportRepository: a live article with its live claims in document order, their live
 * evidence claim by claim oldest first, the links between live claims and the history of the article and its live
 * claims, oldest first; null when the article is not there), exactly, read in proportion to what changed since the
 * last read of the same article: the claims from the claim list's kept copy (listClaimsOfArticle), the evidence,
 * links and history from kept parts merged with the rows written after their change number. Every write of a
 * piece of evidence, a link or a history entry stamps it with the article's next change number (changeNumberOf),
 * so the rows written after the kept number, read after the counter said N, bring the parts up to N; a row read
 * twice replaces itself. An account renamed or added (the accounts' last update moved) reads everything again, as
 * the claim list does. keptReportSource.test.ts checks every text format built from it against one built from
 * findReportSource, byte for byte, over a seeded series of changes.
 */
export async function findKeptReportSource(db: DbClient, articleId: string): Promise<ReportSource | null> {
  const row = await db.article.findFirst({ where: { id: articleId, deletedAt: null }, include: ARTICLE_INCLUDE });
  if (!row) return null;
  const list = await listClaimsOfArticle(db, articleId);
  if (!list) return null;
  const parts = await readReportParts(db, articleId);
  if (!parts) return null;
  const claims = list.items;
  const claimOrder = new Map(claims.map((claim, index) => [claim.id, index]));
  // As findReportSource orders them: by creation (then id), then claim by claim in document order (a stable sort).
  const evidence = [...parts.evidence.values()]
    .filter((item) => claimOrder.has(item.claimId))
    .sort(byCreation)
    .sort((a, b) => (claimOrder.get(a.claimId) ?? 0) - (claimOrder.get(b.claimId) ?? 0));
  const links = [...parts.links.values()]
    .filter((link) => claimOrder.has(link.fromClaimId) && claimOrder.has(link.toClaimId))
    .sort(byCreation);
  const events = [...parts.events.values()]
    .filter((event) => event.claimId === null || claimOrder.has(event.claimId))
    .sort((a, b) => compareStrings(a.at, b.at) || compareStrings(a.id, b.id));
  const { doc, ...article } = row;
  return { data: { article: toArticleWithoutDoc(article), claims, evidence, links, events }, docJson: doc };
}

function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The article's report parts now: kept, kept merged with what was written since, or read whole; null when gone. */
async function readReportParts(db: DbClient, articleId: string): Promise<ReportParts | null> {
  const cursor = await findLastChangeNumber(db, articleId);
  if (cursor === null) return null;
  const accountsAt = await findAccountsLastChange(db);
  const known = recentParts.get(db, articleId);
  if (known?.accountsAt === accountsAt && known.cursor === cursor) return known;
  const parts =
    known?.accountsAt === accountsAt && known.cursor < cursor
      ? await readChangedParts(db, articleId, known, cursor)
      : await readWholeParts(db, articleId, accountsAt, cursor);
  recentParts.set(db, articleId, parts);
  return parts;
}

async function readWholeParts(
  db: DbClient,
  articleId: string,
  accountsAt: string,
  cursor: number,
): Promise<ReportParts> {
  const evidenceRows = await db.evidence.findMany({ where: { deletedAt: null, claim: { articleId } } });
  const linkRows = await db.link.findMany({ where: { articleId, deletedAt: null } });
  const eventRows = await db.event.findMany({ where: { articleId } });
  const accountOf = await readAccounts(db, [
    ...evidenceRows.map((evidence) => evidence.createdById),
    ...linkRows.map((link) => link.createdById),
    ...eventRows.map((event) => event.actorId),
  ]);
  return {
    accountsAt,
    cursor,
    evidence: new Map(
      evidenceRows.map((row) => [row.id, toEvidence({ ...row, createdBy: accountOf(row.createdById) })]),
    ),
    links: new Map(linkRows.map((row) => [row.id, toLink({ ...row, createdBy: accountOf(row.createdById) })])),
    events: new Map(eventRows.map((row) => [row.id, toHistoryEvent({ ...row, actor: accountOf(row.actorId) })])),
  };
}

/** `known` with the rows written after its change number applied: new and changed ones set, deleted ones dropped. */
async function readChangedParts(
  db: DbClient,
  articleId: string,
  known: ReportParts,
  cursor: number,
): Promise<ReportParts> {
  const since = { gt: known.cursor };
  const evidenceRows = await db.evidence.findMany({ where: { changeNumber: since, claim: { articleId } } });
  const linkRows = await db.link.findMany({ where: { articleId, changeNumber: since } });
  const eventRows = await db.event.findMany({ where: { articleId, changeNumber: since } });
  const accountOf = await readAccounts(db, [
    ...evidenceRows.map((evidence) => evidence.createdById),
    ...linkRows.map((link) => link.createdById),
    ...eventRows.map((event) => event.actorId),
  ]);
  const evidence = new Map(known.evidence);
  for (const row of evidenceRows) {
    if (row.deletedAt === null) evidence.set(row.id, toEvidence({ ...row, createdBy: accountOf(row.createdById) }));
    else evidence.delete(row.id);
  }
  const links = new Map(known.links);
  for (const row of linkRows) {
    if (row.deletedAt === null) links.set(row.id, toLink({ ...row, createdBy: accountOf(row.createdById) }));
    else links.delete(row.id);
  }
  const events = new Map(known.events);
  for (const row of eventRows) events.set(row.id, toHistoryEvent({ ...row, actor: accountOf(row.actorId) }));
  return { accountsAt: known.accountsAt, cursor, evidence, links, events };
}
