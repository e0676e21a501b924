-- The search index's rows carry their claim's verdict and speaker (issue 20's read speed): a claim's row its own,
-- an evidence item's row its claim's, an article's row neither. A verdict or speaker filter is then a test of the
-- index's own row, where it read a Claim row per match (SQLite: 44-48 ms for a verdict with words on 100,000
-- claims; PostgreSQL: 0.2-27 s, when the planner drove the search from every claim of the verdict). Kept in step by
-- the triggers below, in the same transaction as every write (a verdict set, a speaker renamed, evidence added).

ALTER TABLE "SearchEntry" ADD COLUMN "verdict" TEXT;
ALTER TABLE "SearchEntry" ADD COLUMN "speaker" TEXT;
-- A speaker's rows, newest first (a speaker filter, with or without words).
CREATE INDEX "SearchEntry_speaker_createdAt_idx" ON "SearchEntry"("speaker", "createdAt");

-- A claim's verdict or speaker changes: its row and its evidence's rows say so.
CREATE TRIGGER "Claim_search_filters" AFTER UPDATE OF "verdict", "speaker" ON "Claim"
WHEN old."verdict" IS NOT new."verdict" OR old."speaker" IS NOT new."speaker"
BEGIN
    UPDATE "SearchEntry" SET "verdict" = new."verdict", "speaker" = new."speaker" WHERE "claimId" = new."id";
END;

-- Migration 0012's triggers that write a claim's or an evidence item's row, now with the claim's verdict and speaker.
DROP TRIGGER "Claim_search_insert";
CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" WHEN new."deletedAt" IS NULL
BEGIN
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt",
        "verdict", "speaker")
        SELECT 'claim', new."id", new."articleId", new."id", new."createdAt", "createdAt", "deletedAt", new."verdict",
            new."speaker"
        FROM "Article" WHERE "id" = new."articleId";
    INSERT INTO "SearchText" ("rowid", "quote", "rationale", "speaker")
        VALUES (last_insert_rowid(), new."exact", new."rationale", new."speaker");
END;

DROP TRIGGER "Claim_search_update";
CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "exact", "rationale", "speaker", "deletedAt" ON "Claim"
WHEN old."exact" IS NOT new."exact" OR old."rationale" IS NOT new."rationale" OR old."speaker" IS NOT new."speaker"
    OR (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = old."id";
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt",
        "verdict", "speaker")
        SELECT 'claim', new."id", new."articleId", new."id", new."createdAt", "createdAt", "deletedAt", new."verdict",
            new."speaker"
        FROM "Article" WHERE "id" = new."articleId" AND new."deletedAt" IS NULL;
    INSERT INTO "SearchText" ("rowid", "quote", "rationale", "speaker")
        SELECT "entryId", new."exact", new."rationale", new."speaker"
        FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = new."id";
END;

DROP TRIGGER "Evidence_search_insert";
CREATE TRIGGER "Evidence_search_insert" AFTER INSERT ON "Evidence" WHEN new."deletedAt" IS NULL
BEGIN
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt",
        "claimDeletedAt", "verdict", "speaker")
        SELECT 'evidence', new."id", "Claim"."articleId", new."claimId", new."createdAt", "Article"."createdAt",
            "Article"."deletedAt", "Claim"."deletedAt", "Claim"."verdict", "Claim"."speaker"
        FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Claim"."id" = new."claimId";
    INSERT INTO "SearchText" ("rowid", "evidenceTitle")
        SELECT "entryId", new."title" FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = new."id";
END;

DROP TRIGGER "Evidence_search_update";
CREATE TRIGGER "Evidence_search_update" AFTER UPDATE OF "title", "deletedAt" ON "Evidence"
WHEN old."title" IS NOT new."title" OR (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = old."id";
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt",
        "claimDeletedAt", "verdict", "speaker")
        SELECT 'evidence', new."id", "Claim"."articleId", new."claimId", new."createdAt", "Article"."createdAt",
            "Article"."deletedAt", "Claim"."deletedAt", "Claim"."verdict", "Claim"."speaker"
        FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId"
        WHERE "Claim"."id" = new."claimId" AND new."deletedAt" IS NULL;
    INSERT INTO "SearchText" ("rowid", "evidenceTitle")
        SELECT "entryId", new."title" FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = new."id";
END;

-- What is already stored.
UPDATE "SearchEntry" SET
    "verdict" = (SELECT "verdict" FROM "Claim" WHERE "Claim"."id" = "SearchEntry"."claimId"),
    "speaker" = (SELECT "speaker" FROM "Claim" WHERE "Claim"."id" = "SearchEntry"."claimId")
WHERE "claimId" IS NOT NULL;
