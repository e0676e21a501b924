-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "claimsSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Claim_articleId_seq_idx" ON "Claim"("articleId", "seq");


-- The triggers of the SQLite migration, for PostgreSQL (Prisma's datamodel cannot say them, so
-- `pnpm prisma:derive` appends this file to the derived migration). The article's row lock, taken by
-- the bump, is held to the commit: writers of one article's claims get their numbers in commit order.
CREATE FUNCTION "Claim_take_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Article" SET "claimsSeq" = "claimsSeq" + 1 WHERE "id" = NEW."articleId"
        RETURNING "claimsSeq" INTO NEW."seq";
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Claim_seq_on_write" BEFORE INSERT OR UPDATE ON "Claim"
    FOR EACH ROW EXECUTE FUNCTION "Claim_take_seq"();
