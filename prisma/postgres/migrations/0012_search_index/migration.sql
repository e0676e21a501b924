-- The archive's search index (issue 20), PostgreSQL's version of migration.sql: one row per live article, claim and
-- evidence item with its words as a weighted tsvector (GIN), and its names (an article's title, a claim's speaker,
-- an evidence title) for pg_trgm's near-spellings, and its article's createdAt and deletedAt (as in migration.sql). Triggers keep it in step in the same transaction as every write.
-- The datamodel does not change (no diff to derive).

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- A schema of its own: Prisma's (public) holds only what the datamodel describes, and tools that read every table
-- of it (the tests' database dumps, the schema drift check) need not know the index.
CREATE SCHEMA "search";

-- 'simple' (no stemming: one behaviour for every language, as SQLite's unicode61) with accents folded.
CREATE TEXT SEARCH CONFIGURATION "search"."factmark" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "search"."factmark"
    ALTER MAPPING FOR "asciiword", "word", "numword", "asciihword", "hword", "numhword", "hword_asciipart",
        "hword_part", "hword_numpart" WITH unaccent, simple;

-- A field's words as the index sees them, whatever the server's locale: lower case by Unicode's rules (ICU), and
-- punctuation, symbols and emoji made spaces (a C-locale parser would keep them inside words, and reads "12.5",
-- "e-mail" or "a/b" as single tokens where SQLite's unicode61 and the query parser see separate words). At most
-- 250,000 characters: a tsvector holds at most 1 MB.
CREATE FUNCTION "search"."words"(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(
    lower(left(coalesce(value, ''), 250000) COLLATE "und-x-icu"),
    '[\u0001-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007F\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF\u00D7\u00F7\u02C2-\u02C5\u02D2-\u02DF\u037E\u0387\u055A-\u055F\u0589\u058A\u05BE\u05C0\u05C3\u05C6\u05F3\u05F4\u060C\u060D\u061B\u061F\u066A-\u066D\u06D4\u0964\u0965\u2000-\u206F\u20A0-\u20CF\u2190-\u2BFF\u2E00-\u2E7F\u3000-\u3004\u3008-\u3020\u3030\uFE10-\uFE1F\uFE30-\uFE6F\uFEFF\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\U0001F000-\U0001FAFF]+',
    ' ', 'g')
$$;

CREATE TABLE "search"."SearchEntry" (
    "kind" TEXT COLLATE "C" NOT NULL,
    "refId" TEXT COLLATE "C" NOT NULL,
    "articleId" TEXT COLLATE "C" NOT NULL,
    "claimId" TEXT COLLATE "C",
    "createdAt" TIMESTAMP(3) NOT NULL,
    "articleCreatedAt" TIMESTAMP(3) NOT NULL,
    "articleDeletedAt" TIMESTAMP(3),
    -- An evidence item's claim's.
    "claimDeletedAt" TIMESTAMP(3),
    -- Weights: A a title or a quote, B a speaker or an evidence title, C a rationale, D an article's text.
    "document" tsvector NOT NULL,
    "names" TEXT NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("kind", "refId")
);
CREATE INDEX "SearchEntry_document_idx" ON "search"."SearchEntry" USING GIN ("document");
CREATE INDEX "SearchEntry_names_idx" ON "search"."SearchEntry" USING GIN ("names" gin_trgm_ops);
CREATE INDEX "SearchEntry_createdAt_idx" ON "search"."SearchEntry" ("createdAt", "refId");
CREATE INDEX "SearchEntry_kind_createdAt_idx" ON "search"."SearchEntry" ("kind", "createdAt", "refId");
CREATE INDEX "SearchEntry_articleId_idx" ON "search"."SearchEntry" ("articleId");
CREATE INDEX "SearchEntry_claimId_idx" ON "search"."SearchEntry" ("claimId");
CREATE INDEX "SearchEntry_articleCreatedAt_idx" ON "search"."SearchEntry" ("articleCreatedAt");

CREATE FUNCTION "search"."vector"(value TEXT, weight "char") RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('search.factmark', "search"."words"(value)), weight)
$$;

CREATE FUNCTION "search"."index_article"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."title" IS NOT DISTINCT FROM OLD."title" AND NEW."text" IS NOT DISTINCT FROM OLD."text"
     AND (NEW."deletedAt" IS NULL) = (OLD."deletedAt" IS NULL) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW."deletedAt" IS NULL) <> (OLD."deletedAt" IS NULL) THEN
    -- Deleted or restored: its claims' and evidence's rows say so (their words stay indexed).
    UPDATE "search"."SearchEntry" SET "articleDeletedAt" = NEW."deletedAt" WHERE "articleId" = NEW."id";
  END IF;
  IF TG_OP = 'DELETE' OR NEW."deletedAt" IS NOT NULL THEN
    DELETE FROM "search"."SearchEntry" WHERE "kind" = 'article' AND "refId" = OLD."id";
    RETURN NULL;
  END IF;
  INSERT INTO "search"."SearchEntry"
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "document", "names")
    VALUES ('article', NEW."id", NEW."id", NULL, NEW."createdAt", NEW."createdAt",
            "search"."vector"(NEW."title", 'A') || "search"."vector"(NEW."text", 'D'), lower(NEW."title"))
    ON CONFLICT ("kind", "refId") DO UPDATE SET "document" = EXCLUDED."document", "names" = EXCLUDED."names";
  RETURN NULL;
END $$;

CREATE FUNCTION "search"."index_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt", "document", "names")
    SELECT 'claim', NEW."id", NEW."articleId", NEW."id", NEW."createdAt", "Article"."createdAt", "Article"."deletedAt",
           "search"."vector"(NEW."exact", 'A') || "search"."vector"(NEW."speaker", 'B')
             || "search"."vector"(NEW."rationale", 'C'),
           lower(coalesce(NEW."speaker", ''))
    FROM "Article" WHERE "Article"."id" = NEW."articleId"
    ON CONFLICT ("kind", "refId") DO UPDATE SET "document" = EXCLUDED."document", "names" = EXCLUDED."names";
  RETURN NULL;
END $$;

CREATE FUNCTION "search"."index_evidence"() RETURNS trigger LANGUAGE plpgsql AS $$
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
     "document", "names")
    SELECT 'evidence', NEW."id", "Claim"."articleId", NEW."claimId", NEW."createdAt", "Article"."createdAt",
           "Article"."deletedAt", "Claim"."deletedAt", "search"."vector"(NEW."title", 'B'), lower(coalesce(NEW."title", ''))
    FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Claim"."id" = NEW."claimId"
    ON CONFLICT ("kind", "refId") DO UPDATE SET "document" = EXCLUDED."document", "names" = EXCLUDED."names";
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_search" AFTER INSERT OR UPDATE OF "title", "text", "deletedAt" OR DELETE ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "search"."index_article"();
CREATE TRIGGER "Claim_search" AFTER INSERT OR UPDATE OF "exact", "rationale", "speaker", "deletedAt" OR DELETE
    ON "Claim" FOR EACH ROW EXECUTE FUNCTION "search"."index_claim"();
CREATE TRIGGER "Evidence_search" AFTER INSERT OR UPDATE OF "title", "deletedAt" OR DELETE ON "Evidence"
    FOR EACH ROW EXECUTE FUNCTION "search"."index_evidence"();

-- What is already stored.
INSERT INTO "search"."SearchEntry"
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "document", "names")
    SELECT 'article', "id", "id", NULL, "createdAt", "createdAt",
           "search"."vector"("title", 'A') || "search"."vector"("text", 'D'), lower("title")
    FROM "Article" WHERE "deletedAt" IS NULL;
INSERT INTO "search"."SearchEntry"
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt", "document", "names")
    SELECT 'claim', "Claim"."id", "articleId", "Claim"."id", "Claim"."createdAt", "Article"."createdAt",
           "Article"."deletedAt",
           "search"."vector"("exact", 'A') || "search"."vector"("speaker", 'B') || "search"."vector"("rationale", 'C'),
           lower(coalesce("speaker", ''))
    FROM "Claim" JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Claim"."deletedAt" IS NULL;
INSERT INTO "search"."SearchEntry"
    ("kind", "refId", "articleId", "claimId", "createdAt", "articleCreatedAt", "articleDeletedAt", "claimDeletedAt",
     "document", "names")
    SELECT 'evidence', "Evidence"."id", "Claim"."articleId", "Evidence"."claimId", "Evidence"."createdAt",
           "Article"."createdAt", "Article"."deletedAt", "Claim"."deletedAt",
           "search"."vector"("Evidence"."title", 'B'), lower(coalesce("Evidence"."title", ''))
    FROM "Evidence" JOIN "Claim" ON "Claim"."id" = "Evidence"."claimId"
    JOIN "Article" ON "Article"."id" = "Claim"."articleId" WHERE "Evidence"."deletedAt" IS NULL;
