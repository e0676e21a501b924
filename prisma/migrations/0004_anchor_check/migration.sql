-- A claim that a save moved onto edited words (a fuzzy match) is flagged until a reviewer confirms
-- its new place: a fuzzy match can be right and still deserves a second look.

-- AlterTable (added in place: redefining Claim, as Prisma would, drops its triggers from 0003)
ALTER TABLE "Claim" ADD COLUMN "isAnchorUnconfirmed" BOOLEAN NOT NULL DEFAULT false;
