-- Issue 15: an admin deactivates an account (it keeps its name in the history, and its sessions end) and
-- revokes a pending invite; a pair of claims holds at most one live link of a kind, whatever the race.

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "deactivatedAt" DATETIME;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN "revokedAt" DATETIME;

-- Links that two requests at once made twice (before this index) are kept once: the oldest stays (ids are
-- time-ordered), the others are removed as a reviewer's delete would, stamped with their own creation time.
UPDATE "Link" SET "deletedAt" = "createdAt"
WHERE "deletedAt" IS NULL AND EXISTS (
  SELECT 1 FROM "Link" AS "older"
  WHERE "older"."deletedAt" IS NULL AND "older"."kind" = "Link"."kind" AND "older"."id" < "Link"."id"
    AND min("older"."fromClaimId", "older"."toClaimId") = min("Link"."fromClaimId", "Link"."toClaimId")
    AND max("older"."fromClaimId", "older"."toClaimId") = max("Link"."fromClaimId", "Link"."toClaimId")
);

-- One live link per unordered pair and kind. Prisma's datamodel cannot say an expression or partial index,
-- so it is written here (and in postgresql.sql with LEAST/GREATEST); createLink answers a violation with 409.
CREATE UNIQUE INDEX "Link_live_pair_kind_key"
  ON "Link"(min("fromClaimId", "toClaimId"), max("fromClaimId", "toClaimId"), "kind")
  WHERE "deletedAt" IS NULL;
