-- "Reviewer" held every account, admins and viewers too: the table, and the session's column, say so now.
-- Renamed in place (Prisma would drop and recreate the table, and every row with it).

ALTER TABLE "Reviewer" RENAME TO "Account";
DROP INDEX "Reviewer_email_key";
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");

ALTER TABLE "Session" RENAME COLUMN "reviewerId" TO "accountId";
DROP INDEX "Session_reviewerId_idx";
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");
