-- Every claim write gets the article's next change number, so a client holding an article's claims
-- can ask for only what changed since the number it last saw (GET /api/articles/:id/claims?since=).
-- Triggers hand the numbers out: no write path can forget one, and the bump happens inside the
-- writing transaction, so numbers become visible in the order they were given.

-- AlterTable (added in place: redefining Article would cascade into its claims)
ALTER TABLE "Article" ADD COLUMN "claimsSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "seq" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Claim_articleId_seq_idx" ON "Claim"("articleId", "seq");

-- Claims made before this migration keep number 0: a client's first read is a full one anyway.

CREATE TRIGGER "Claim_seq_on_insert" AFTER INSERT ON "Claim"
BEGIN
    UPDATE "Article" SET "claimsSeq" = "claimsSeq" + 1 WHERE "id" = NEW."articleId";
    UPDATE "Claim" SET "seq" = (SELECT "claimsSeq" FROM "Article" WHERE "id" = NEW."articleId") WHERE "id" = NEW."id";
END;

-- The trigger's own write changes "seq", which the WHEN clause lets through without another number.
CREATE TRIGGER "Claim_seq_on_update" AFTER UPDATE ON "Claim" WHEN NEW."seq" = OLD."seq"
BEGIN
    UPDATE "Article" SET "claimsSeq" = "claimsSeq" + 1 WHERE "id" = NEW."articleId";
    UPDATE "Claim" SET "seq" = (SELECT "claimsSeq" FROM "Article" WHERE "id" = NEW."articleId") WHERE "id" = NEW."id";
END;
