
-- The live-link index of the SQLite migration, for PostgreSQL (Prisma's datamodel cannot say it, so
-- `pnpm prisma:derive` appends this file to the derived migration): duplicates made before it are removed,
-- the oldest kept, then one live link per unordered pair and kind.
UPDATE "Link" SET "deletedAt" = "createdAt"
WHERE "deletedAt" IS NULL AND EXISTS (
  SELECT 1 FROM "Link" AS "older"
  WHERE "older"."deletedAt" IS NULL AND "older"."kind" = "Link"."kind" AND "older"."id" < "Link"."id"
    AND LEAST("older"."fromClaimId", "older"."toClaimId") = LEAST("Link"."fromClaimId", "Link"."toClaimId")
    AND GREATEST("older"."fromClaimId", "older"."toClaimId") = GREATEST("Link"."fromClaimId", "Link"."toClaimId")
);

CREATE UNIQUE INDEX "Link_live_pair_kind_key"
  ON "Link"(LEAST("fromClaimId", "toClaimId"), GREATEST("fromClaimId", "toClaimId"), "kind")
  WHERE "deletedAt" IS NULL;
