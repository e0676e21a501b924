-- PostgreSQL's version of 0006_change_log, written by hand: Prisma's diff would drop and recreate the
-- counter table and the claims' column, losing their numbers. See the SQLite migration for why.

ALTER TABLE "ClaimSeq" RENAME TO "ArticleChangeCounter";
ALTER TABLE "ArticleChangeCounter" RENAME COLUMN "last" TO "lastChangeNumber";
ALTER TABLE "ArticleChangeCounter" RENAME CONSTRAINT "ClaimSeq_pkey" TO "ArticleChangeCounter_pkey";
ALTER TABLE "ArticleChangeCounter" RENAME CONSTRAINT "ClaimSeq_articleId_fkey" TO "ArticleChangeCounter_articleId_fkey";

DROP TRIGGER "Claim_seq_on_write" ON "Claim";
DROP FUNCTION "Claim_take_seq"();
ALTER TABLE "Claim" RENAME COLUMN "seq" TO "changeNumber";
ALTER INDEX "Claim_articleId_seq_idx" RENAME TO "Claim_articleId_changeNumber_idx";

ALTER TABLE "Link" ADD COLUMN "changeNumber" INTEGER NOT NULL DEFAULT 0;
DROP INDEX "Link_articleId_idx";
CREATE INDEX "Link_articleId_changeNumber_idx" ON "Link"("articleId", "changeNumber");
ALTER TABLE "Evidence" ADD COLUMN "changeNumber" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Event" ADD COLUMN "changeNumber" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "Event_articleId_changeNumber_idx" ON "Event"("articleId", "changeNumber");
