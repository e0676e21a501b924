import { type Actor, type Article, changeEvent, type ImportedReport, type ImportSource } from "@factmark/core";
import { timeOrderedId } from "../db/timeOrderedId";
import { type DbClient, toArticle } from "./articleRepository";
import { changeNumberOf, type EventInput, insertEvents, lockArticleForChanges } from "./eventRepository";

/**
 * Stores an imported report as a new article: the article, its claims, their evidence and the links between them,
 * with an "article.imported" entry and one "claim.imported" entry per claim. Five statements whatever the size;
 * the caller runs them in one transaction.
 */
export async function insertImportedReport(
  db: DbClient,
  imported: ImportedReport,
  actor: Actor,
  at: Date,
  source: ImportSource,
): Promise<Article> {
  const articleId = timeOrderedId();
  const { article } = imported;
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
      createdById: actor.id,
      createdAt: at,
      updatedAt: at,
    },
  });

  await lockArticleForChanges(db, articleId);
  const claimIds = imported.claims.map(() => timeOrderedId());
  const stamp = { createdById: actor.id, createdAt: at, updatedAt: at, changeNumber: changeNumberOf(db, articleId) };
  const articleEvent: EventInput = { claimId: null, ...changeEvent.articleImported(article, source) };
  if (claimIds.length === 0) {
    await insertEvents(db, articleId, actor, [articleEvent], at);
    return toArticle(row);
  }
  await db.claim.createMany({
    data: imported.claims.map((claim, index) => ({
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
      ...stamp,
    })),
  });
  const evidence = imported.claims.flatMap((claim, index) =>
    claim.evidence.map((item) => ({
      id: timeOrderedId(),
      claimId: claimIds[index] as string,
      url: item.url,
      title: item.title,
      excerpt: item.excerpt,
      stance: item.stance,
      ...stamp,
    })),
  );
  if (evidence.length > 0) await db.evidence.createMany({ data: evidence });
  if (imported.links.length > 0) {
    await db.link.createMany({
      data: imported.links.map((link) => ({
        id: timeOrderedId(),
        articleId,
        fromClaimId: claimIds[link.fromClaim] as string,
        toClaimId: claimIds[link.toClaim] as string,
        kind: link.kind,
        note: link.note,
        createdById: actor.id,
        createdAt: at,
        changeNumber: stamp.changeNumber,
      })),
    });
  }
  // The import is one change: the article's entry and one per claim share its number.
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
