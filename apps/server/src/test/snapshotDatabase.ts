import type { Db } from "../db/createDatabase";

/**
 * Every row of every table a request can write, in a stable order: a bad request must leave this unchanged.
 * Compare a snapshot taken before the request with one taken after.
 */
export async function snapshotDatabase(db: Db) {
  const byId = { orderBy: { id: "asc" } } as const;
  const [
    reviewers,
    articles,
    claims,
    links,
    evidence,
    events,
    reviews,
    publications,
    settings,
    dismissals,
    speakers,
    speakerAliases,
  ] = await Promise.all([
    db.account.findMany(byId),
    db.article.findMany(byId),
    db.claim.findMany(byId),
    db.link.findMany(byId),
    db.evidence.findMany(byId),
    db.event.findMany(byId),
    db.review.findMany(byId),
    db.publication.findMany(byId),
    db.newsroomSettings.findMany(byId),
    db.suggestionDismissal.findMany(byId),
    db.speaker.findMany(byId),
    db.speakerAlias.findMany({ orderBy: { name: "asc" } }),
  ]);
  return {
    reviewers,
    articles,
    claims,
    links,
    evidence,
    events,
    reviews,
    publications,
    settings,
    dismissals,
    speakers,
    speakerAliases,
  };
}
