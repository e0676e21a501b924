-- The desk's workflow (issue 14): each claim gets a status, an assignee and the account that set its verdict
-- (who may not approve it); editors' reviews are kept; an article gets a conclusion, its speakers' kinds and a
-- public slug; each publication is a frozen version. Columns are added in place, so no table is rebuilt.

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "note" TEXT,
    "round" INTEGER NOT NULL,
    "changeNumber" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT NOT NULL,
    "correctionNote" TEXT,
    "snapshot" TEXT NOT NULL,
    "retractedAt" DATETIME,
    "retractedById" TEXT,
    "retractionNote" TEXT,
    CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Publication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Publication_retractedById_fkey" FOREIGN KEY ("retractedById") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NewsroomSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'newsroom',
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- Articles: the conclusion, the speakers' kinds and the public address.
ALTER TABLE "Article" ADD COLUMN "slug" TEXT;
ALTER TABLE "Article" ADD COLUMN "conclusionSummary" TEXT;
ALTER TABLE "Article" ADD COLUMN "conclusionRating" TEXT;
ALTER TABLE "Article" ADD COLUMN "speakerKinds" TEXT NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- Claims: where each is in the desk's work.
ALTER TABLE "Claim" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'to-check';
ALTER TABLE "Claim" ADD COLUMN "assigneeId" TEXT REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Claim" ADD COLUMN "verdictSetById" TEXT REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Claim" ADD COLUMN "reviewRound" INTEGER NOT NULL DEFAULT 1;
CREATE INDEX "Claim_assigneeId_status_idx" ON "Claim"("assigneeId", "status");

-- A verdict already given was set by whoever last changed it, or else by the claim's author.
UPDATE "Claim" SET "verdictSetById" = COALESCE(
  (SELECT "actorId" FROM "Event"
    WHERE "Event"."claimId" = "Claim"."id"
      AND "Event"."action" IN ('claim.verdict_changed', 'claim.created', 'claim.imported')
    ORDER BY "Event"."at" DESC LIMIT 1),
  "createdById")
WHERE "verdict" <> 'unverified';

-- CreateIndex
CREATE INDEX "Review_claimId_round_idx" ON "Review"("claimId", "round");

-- CreateIndex
CREATE INDEX "Review_articleId_idx" ON "Review"("articleId");

-- CreateIndex
CREATE INDEX "Publication_slug_version_idx" ON "Publication"("slug", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_articleId_version_key" ON "Publication"("articleId", "version");

