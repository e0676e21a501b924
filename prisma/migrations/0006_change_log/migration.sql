-- One change log per article. Every transaction that writes to an article (its text and details, claims,
-- links, evidence) takes the article's next change number first and stamps it on each row it writes and
-- each log entry it records (eventRepository.lockArticleForChanges). Claim numbers were handed out by
-- triggers (0003), written twice and blind to links and evidence; a client now learns from one number
-- everything that changed after it.

-- The counter: renamed in place, its numbers kept, so the claims' numbers stay valid cursors.
ALTER TABLE "ClaimSeq" RENAME TO "ArticleChangeCounter";
ALTER TABLE "ArticleChangeCounter" RENAME COLUMN "last" TO "lastChangeNumber";

-- Claims keep their numbers; the writers, not triggers, set them now.
DROP TRIGGER "Claim_seq_on_insert";
DROP TRIGGER "Claim_seq_on_update";
DROP INDEX "Claim_articleId_seq_idx";
ALTER TABLE "Claim" RENAME COLUMN "seq" TO "changeNumber";
CREATE INDEX "Claim_articleId_changeNumber_idx" ON "Claim"("articleId", "changeNumber");

-- Links, evidence and log entries get theirs (0 for what was written before: a first read is whole anyway).
ALTER TABLE "Link" ADD COLUMN "changeNumber" INTEGER NOT NULL DEFAULT 0;
DROP INDEX "Link_articleId_idx";
CREATE INDEX "Link_articleId_changeNumber_idx" ON "Link"("articleId", "changeNumber");
ALTER TABLE "Evidence" ADD COLUMN "changeNumber" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Event" ADD COLUMN "changeNumber" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "Event_articleId_changeNumber_idx" ON "Event"("articleId", "changeNumber");
