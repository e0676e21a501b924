-- Issue 17: an import keeps who first wrote each claim, link, evidence item, review and history entry
-- ("originally by …"), while the importing account is recorded as the one who brought it in.

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "Link" ADD COLUMN "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN "originalReviewerName" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN "originalActorName" TEXT;
