-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "isAnchorUnconfirmed" BOOLEAN NOT NULL DEFAULT false;

