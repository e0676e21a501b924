-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "originalAuthorName" TEXT COLLATE "C";

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "originalReviewerName" TEXT COLLATE "C";

-- AlterTable
ALTER TABLE "Link" ADD COLUMN     "originalAuthorName" TEXT COLLATE "C";

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "originalAuthorName" TEXT COLLATE "C";

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "originalActorName" TEXT COLLATE "C";

