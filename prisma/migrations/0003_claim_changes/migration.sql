-- Every claim write gets its article's next change number, so a client holding an article's claims
-- can ask for only what changed since the number it last saw (GET /api/articles/:id/claims?since=).
-- Triggers hand the numbers out: no write path can forget one, and the bump happens inside the
-- writing transaction, so numbers become visible in the order they were given.

-- CreateTable
CREATE TABLE "ClaimSeq" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ClaimSeq_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (added in place: redefining Claim, as Prisma would, drops and refills a table others reference)
ALTER TABLE "Claim" ADD COLUMN "seq" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Claim_articleId_seq_idx" ON "Claim"("articleId", "seq");

-- Claims made before this migration keep number 0: a client's first read is a whole one anyway.

CREATE TRIGGER "Claim_seq_on_insert" AFTER INSERT ON "Claim"
BEGIN
    INSERT INTO "ClaimSeq" ("articleId", "last") VALUES (NEW."articleId", 1)
        ON CONFLICT ("articleId") DO UPDATE SET "last" = "last" + 1;
    UPDATE "Claim" SET "seq" = (SELECT "last" FROM "ClaimSeq" WHERE "articleId" = NEW."articleId")
        WHERE "id" = NEW."id";
END;

-- The trigger's own write changes "seq", which the WHEN clause lets through without another number.
CREATE TRIGGER "Claim_seq_on_update" AFTER UPDATE ON "Claim" WHEN NEW."seq" = OLD."seq"
BEGIN
    INSERT INTO "ClaimSeq" ("articleId", "last") VALUES (NEW."articleId", 1)
        ON CONFLICT ("articleId") DO UPDATE SET "last" = "last" + 1;
    UPDATE "Claim" SET "seq" = (SELECT "last" FROM "ClaimSeq" WHERE "articleId" = NEW."articleId")
        WHERE "id" = NEW."id";
END;
