-- Prisma's diff for PostgreSQL (with the "C" collation Prisma's ALTER TABLE leaves out on added text columns), and the same backfill of who set each verdict as the SQLite migration.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "conclusionRating" TEXT COLLATE "C",
ADD COLUMN     "conclusionSummary" TEXT COLLATE "C",
ADD COLUMN     "slug" TEXT COLLATE "C",
ADD COLUMN     "speakerKinds" TEXT COLLATE "C" NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "assigneeId" TEXT COLLATE "C",
ADD COLUMN     "reviewRound" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "status" TEXT COLLATE "C" NOT NULL DEFAULT 'to-check',
ADD COLUMN     "verdictSetById" TEXT COLLATE "C";

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT COLLATE "C" NOT NULL,
    "claimId" TEXT COLLATE "C" NOT NULL,
    "articleId" TEXT COLLATE "C" NOT NULL,
    "reviewerId" TEXT COLLATE "C" NOT NULL,
    "decision" TEXT COLLATE "C" NOT NULL,
    "note" TEXT COLLATE "C",
    "round" INTEGER NOT NULL,
    "changeNumber" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT COLLATE "C" NOT NULL,
    "articleId" TEXT COLLATE "C" NOT NULL,
    "version" INTEGER NOT NULL,
    "slug" TEXT COLLATE "C" NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT COLLATE "C" NOT NULL,
    "correctionNote" TEXT COLLATE "C",
    "snapshot" TEXT COLLATE "C" NOT NULL,
    "retractedAt" TIMESTAMP(3),
    "retractedById" TEXT COLLATE "C",
    "retractionNote" TEXT COLLATE "C",

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NewsroomSettings" (
    "id" TEXT COLLATE "C" NOT NULL DEFAULT 'newsroom',
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsroomSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Review_claimId_round_idx" ON "Review"("claimId", "round");

-- CreateIndex
CREATE INDEX "Review_articleId_idx" ON "Review"("articleId");

-- CreateIndex
CREATE INDEX "Publication_slug_version_idx" ON "Publication"("slug", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_articleId_version_key" ON "Publication"("articleId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE INDEX "Claim_assigneeId_status_idx" ON "Claim"("assigneeId", "status");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_verdictSetById_fkey" FOREIGN KEY ("verdictSetById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_retractedById_fkey" FOREIGN KEY ("retractedById") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A verdict already given was set by whoever last changed it, or else by the claim's author.
UPDATE "Claim" SET "verdictSetById" = COALESCE(
  (SELECT "actorId" FROM "Event"
    WHERE "Event"."claimId" = "Claim"."id"
      AND "Event"."action" IN ('claim.verdict_changed', 'claim.created', 'claim.imported')
    ORDER BY "Event"."at" DESC LIMIT 1),
  "createdById")
WHERE "verdict" <> 'unverified';
