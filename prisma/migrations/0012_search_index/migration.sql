-- The archive's search index (issue 20): article titles and texts, claim quotes, rationales and speakers, and
-- evidence titles, in FTS5, kept in step by triggers in the same transaction as every write (create, edit, delete
-- and restore through deletedAt, re-anchoring, imports, speaker renames), whichever code writes. Prisma's datamodel
-- cannot describe these tables: migrationsMatchSchema.test.ts allows them by name.
--
-- "SearchEntry" says what each indexed row is; "SearchText" holds its words under the same rowid. A row is indexed
-- while its own deletedAt is null; it carries its article's createdAt and deletedAt (kept by the article's triggers:
-- deleting or restoring an article updates its rows' "articleDeletedAt", the words stay), so a search filters on
-- them without reading Article rows, whose long text SQLite reads past to reach deletedAt. An evidence item's row
-- carries its claim's deletedAt ("claimDeletedAt") the same way. "SearchText" is contentless: the words are read from
-- the rows themselves, and bm25() needs only the index.

CREATE TABLE "SearchEntry" (
    "entryId" INTEGER NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "claimId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "articleCreatedAt" DATETIME NOT NULL,
    "articleDeletedAt" DATETIME,
    "claimDeletedAt" DATETIME
);
CREATE UNIQUE INDEX "SearchEntry_kind_refId_key" ON "SearchEntry"("kind", "refId");
-- Newest first, of every kind or of one (an empty search with filters).
CREATE INDEX "SearchEntry_createdAt_idx" ON "SearchEntry"("createdAt", "refId");
CREATE INDEX "SearchEntry_kind_createdAt_idx" ON "SearchEntry"("kind", "createdAt", "refId");
CREATE INDEX "SearchEntry_articleId_idx" ON "SearchEntry"("articleId");
-- A speaker's claims and their evidence (a speaker filter reads the few claims first).
CREATE INDEX "SearchEntry_claimId_idx" ON "SearchEntry"("claimId");
-- A date range without words: the rows of the articles added in it.
CREATE INDEX "SearchEntry_articleCreatedAt_idx" ON "SearchEntry"("articleCreatedAt");

-- unicode61 folds case and (2) diacritics, as the query parser does; prefix indexes make `dro*` cheap.
CREATE VIRTUAL TABLE "SearchText" USING fts5(
    "title", "text", "quote", "rationale", "speaker", "evidenceTitle",
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);

-- Articles: the title and the text projection.
CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" WHEN new."deletedAt" IS NULL
BEGIN
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt")
        VALUES ('article', new."id", new."id", NULL, new."createdAt", new."createdAt");
    INSERT INTO "SearchText" ("rowid", "title", "text") VALUES (last_insert_rowid(), new."title", new."text");
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "title", "text", "deletedAt" ON "Article"
WHEN old."title" IS NOT new."title" OR old."text" IS NOT new."text"
    OR (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'article' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'article' AND "refId" = old."id";
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt")
        SELECT 'article', new."id", new."id", NULL, new."createdAt", new."createdAt" WHERE new."deletedAt" IS NULL;
    INSERT INTO "SearchText" ("rowid", "title", "text")
        SELECT "entryId", new."title", new."text" FROM "SearchEntry" WHERE "kind" = 'article' AND "refId" = new."id";
END;

-- Deleting or restoring an article: its claims' and evidence's rows say so (their words stay indexed).
CREATE TRIGGER "Article_search_liveness" AFTER UPDATE OF "deletedAt" ON "Article"
WHEN (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    UPDATE "SearchEntry" SET "articleDeletedAt" = new."deletedAt" WHERE "articleId" = new."id";
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article"
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'article' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'article' AND "refId" = old."id";
END;

-- Claims: the quote, the rationale and the speaker. Verdict, status and anchoring writes leave the index alone.
CREATE TRIGGER "Claim_search_insert" AFTER INSERT ON "Claim" WHEN new."deletedAt" IS NULL
BEGIN
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt")
        SELECT 'claim', new."id", new."articleId", new."id", new."createdAt", "createdAt", "deletedAt"
        FROM "Article" WHERE "id" = new."articleId";
    INSERT INTO "SearchText" ("rowid", "quote", "rationale", "speaker")
        VALUES (last_insert_rowid(), new."exact", new."rationale", new."speaker");
END;

CREATE TRIGGER "Claim_search_update" AFTER UPDATE OF "exact", "rationale", "speaker", "deletedAt" ON "Claim"
WHEN old."exact" IS NOT new."exact" OR old."rationale" IS NOT new."rationale" OR old."speaker" IS NOT new."speaker"
    OR (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = old."id";
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt")
        SELECT 'claim', new."id", new."articleId", new."id", new."createdAt", "createdAt", "deletedAt"
        FROM "Article" WHERE "id" = new."articleId" AND new."deletedAt" IS NULL;
    INSERT INTO "SearchText" ("rowid", "quote", "rationale", "speaker")
        SELECT "entryId", new."exact", new."rationale", new."speaker"
        FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = new."id";
END;

-- Deleting or restoring a claim: its evidence's rows say so.
CREATE TRIGGER "Claim_search_liveness" AFTER UPDATE OF "deletedAt" ON "Claim"
WHEN (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    UPDATE "SearchEntry" SET "claimDeletedAt" = new."deletedAt"
        WHERE "articleId" = new."articleId" AND "kind" = 'evidence' AND "claimId" = new."id";
END;

CREATE TRIGGER "Claim_search_delete" AFTER DELETE ON "Claim"
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'claim' AND "refId" = old."id";
END;

-- Evidence: its title.
CREATE TRIGGER "Evidence_search_insert" AFTER INSERT ON "Evidence" WHEN new."deletedAt" IS NULL
BEGIN
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt",
        "claimDeletedAt")
        SELECT 'evidence', new."id", "Claim"."articleId", new."claimId", new."createdAt", "Article"."createdAt",
            "Article"."deletedAt", "Claim"."deletedAt"
        FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Claim"."id" = new."claimId";
    INSERT INTO "SearchText" ("rowid", "evidenceTitle")
        SELECT "entryId", new."title" FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = new."id";
END;

CREATE TRIGGER "Evidence_search_update" AFTER UPDATE OF "title", "deletedAt" ON "Evidence"
WHEN old."title" IS NOT new."title" OR (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = old."id";
    INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt",
        "claimDeletedAt")
        SELECT 'evidence', new."id", "Claim"."articleId", new."claimId", new."createdAt", "Article"."createdAt",
            "Article"."deletedAt", "Claim"."deletedAt"
        FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId"
        WHERE "Claim"."id" = new."claimId" AND new."deletedAt" IS NULL;
    INSERT INTO "SearchText" ("rowid", "evidenceTitle")
        SELECT "entryId", new."title" FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = new."id";
END;

CREATE TRIGGER "Evidence_search_delete" AFTER DELETE ON "Evidence"
BEGIN
    DELETE FROM "SearchText" WHERE "rowid" =
        (SELECT "entryId" FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = old."id");
    DELETE FROM "SearchEntry" WHERE "kind" = 'evidence' AND "refId" = old."id";
END;

-- What is already stored.
INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt")
    SELECT 'article', "id", "id", NULL, "createdAt", "createdAt" FROM "Article" WHERE "deletedAt" IS NULL;
INSERT INTO "SearchEntry" ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt")
    SELECT 'claim', "Claim"."id", "articleId", "Claim"."id", "Claim"."createdAt", "Article"."createdAt",
        "Article"."deletedAt"
    FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Claim"."deletedAt" IS NULL;
INSERT INTO "SearchEntry"
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt", "claimDeletedAt")
    SELECT 'evidence', "Evidence"."id", "Claim"."articleId", "Evidence"."claimId", "Evidence"."createdAt",
        "Article"."createdAt", "Article"."deletedAt", "Claim"."deletedAt"
    FROM "Evidence" JOIN "Claim" ON "Claim"."id" = "Evidence"."claimId"
    JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Evidence"."deletedAt" IS NULL;
INSERT INTO "SearchText" ("rowid", "title", "text")
    SELECT "entryId", "title", "text" FROM "SearchEntry" JOIN "Article" ON "Article"."id" = "refId"
    WHERE "kind" = 'article';
INSERT INTO "SearchText" ("rowid", "quote", "rationale", "speaker")
    SELECT "entryId", "exact", "rationale", "speaker" FROM "SearchEntry" JOIN "Claim" ON "Claim"."id" = "refId"
    WHERE "kind" = 'claim';
INSERT INTO "SearchText" ("rowid", "evidenceTitle")
    SELECT "entryId", "Evidence"."title" FROM "SearchEntry" JOIN "Evidence" ON "Evidence"."id" = "refId"
    WHERE "kind" = 'evidence';
