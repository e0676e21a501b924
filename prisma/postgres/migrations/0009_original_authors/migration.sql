-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "originalReviewerName" TEXT;

-- AlterTable
ALTER TABLE "Link" ADD COLUMN     "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "originalAuthorName" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "originalActorName" TEXT;

