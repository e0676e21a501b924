-- PostgreSQL's version of migration.sql: the search index's rows carry their claim's verdict and speaker (a claim's
-- row its own, an evidence item's row its claim's), so a verdict or speaker filter tests the index's own row. The
-- planner, with no statistics yet (a freshly loaded archive), drove "renewables" with verdict=supported from every
-- supported claim, one trigram index scan each: 27 s. The datamodel does not change (no diff to derive).

ALTER TABLE "search"."SearchEntry" ADD COLUMN "verdict" TEXT COLLATE "C", ADD COLUMN "speaker" TEXT;
-- A speaker's rows, newest first (a speaker filter, with or without words).
CREATE INDEX "SearchEntry_speaker_createdAt_idx" ON "search"."SearchEntry" ("speaker", "createdAt");

-- Claims' own rows' words, for precedents (claimCandidates): the whole index's lookups also return nearly every
-- article (an article's text holds most words), and reading those rows to drop them was most of a request (1,500-
-- 2,000 heap rows a lookup on the bench archive).
CREATE INDEX "SearchEntry_claim_document_idx" ON "search"."SearchEntry" USING GIN ("document")
    WHERE "claimId" = "refId";

-- Migration 0012's claim trigger, now also for a verdict change (which only updates the rows' verdict).
CREATE OR REPLACE FUNCTION "search"."index_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW."verdict" IS DISTINCT FROM OLD."verdict" OR NEW."speaker" IS DISTINCT FROM OLD."speaker")
  THEN
    -- Its row and its evidence's rows.
    UPDATE "search"."SearchEntry" SET "verdict" = NEW."verdict", "speaker" = NEW."speaker"
      WHERE "claimId" = NEW."id";
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."exact" IS NOT DISTINCT FROM OLD."exact"
     AND NEW."rationale" IS NOT DISTINCT FROM OLD."rationale" AND NEW."speaker" IS NOT DISTINCT FROM OLD."speaker"
     AND (NEW."deletedAt" IS NULL) = (OLD."deletedAt" IS NULL) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW."deletedAt" IS NULL) <> (OLD."deletedAt" IS NULL) THEN
    -- Deleted or restored: its evidence's rows say so.
    UPDATE "search"."SearchEntry" SET "claimDeletedAt" = NEW."deletedAt"
      WHERE "articleId" = NEW."articleId" AND "kind" = 'evidence' AND "claimId" = NEW."id";
  END IF;
  IF TG_OP = 'DELETE' OR NEW."deletedAt" IS NOT NULL THEN
    DELETE FROM "search"."SearchEntry" WHERE "kind" = 'claim' AND "refId" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "search"."SearchEntry"
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt", "document", "names",
     "verdict", "speaker")
    SELECT 'claim', NEW."id", NEW."articleId", NEW."id", NEW."createdAt", "Article"."createdAt", "Article"."deletedAt",
           "search"."vector"(NEW."exact", 'A') || "search"."vector"(NEW."speaker", 'B')
             || "search"."vector"(NEW."rationale", 'C'),
           lower(coalesce(NEW."speaker", '')), NEW."verdict", NEW."speaker"
    FROM "Article" WHERE "Article"."id" = NEW."articleId"
    ON CONFLICT ("kind", "refId") DO UPDATE SET "document" = EXCLUDED."document", "names" = EXCLUDED."names",
      "verdict" = EXCLUDED."verdict", "speaker" = EXCLUDED."speaker";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "search"."index_evidence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."title" IS NOT DISTINCT FROM OLD."title"
     AND (NEW."deletedAt" IS NULL) = (OLD."deletedAt" IS NULL) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' OR NEW."deletedAt" IS NOT NULL THEN
    DELETE FROM "search"."SearchEntry" WHERE "kind" = 'evidence' AND "refId" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "search"."SearchEntry"
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt", "claimDeletedAt",
     "document", "names", "verdict", "speaker")
    SELECT 'evidence', NEW."id", "Claim"."articleId", NEW."claimId", NEW."createdAt", "Article"."createdAt",
           "Article"."deletedAt", "Claim"."deletedAt", "search"."vector"(NEW."title", 'B'), lower(coalesce(NEW."title", '')),
           "Claim"."verdict", "Claim"."speaker"
    FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Claim"."id" = NEW."claimId"
    ON CONFLICT ("kind", "refId") DO UPDATE SET "document" = EXCLUDED."document", "names" = EXCLUDED."names",
      "verdict" = EXCLUDED."verdict", "speaker" = EXCLUDED."speaker";
  RETURN NULL;
END $$;

DROP TRIGGER "Claim_search" ON "Claim";
CREATE TRIGGER "Claim_search" AFTER INSERT OR UPDATE OF "exact", "rationale", "speaker", "verdict", "deletedAt" OR DELETE
    ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search"."index_claim"();

-- What is already stored.
UPDATE "search"."SearchEntry" e SET "verdict" = c."verdict", "speaker" = c."speaker"
    FROM "Claim" c WHERE c."id" = e."claimId";
