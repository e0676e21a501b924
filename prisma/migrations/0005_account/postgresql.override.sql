-- PostgreSQL's version of the rename, written by hand: Prisma's diff would drop and recreate the table.
ALTER TABLE "Reviewer" RENAME TO "Account";
ALTER TABLE "Account" RENAME CONSTRAINT "Reviewer_pkey" TO "Account_pkey";
ALTER INDEX "Reviewer_email_key" RENAME TO "Account_email_key";

ALTER TABLE "Session" RENAME COLUMN "reviewerId" TO "accountId";
ALTER TABLE "Session" RENAME CONSTRAINT "Session_reviewerId_fkey" TO "Session_accountId_fkey";
ALTER INDEX "Session_reviewerId_idx" RENAME TO "Session_accountId_idx";
