-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "seq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ClaimSeq" (
    "articleId" TEXT COLLATE "C" NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClaimSeq_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "Claim_articleId_seq_idx" ON "Claim"("articleId", "seq");

-- AddForeignKey
ALTER TABLE "ClaimSeq" ADD CONSTRAINT "ClaimSeq_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The triggers of the SQLite migration, for PostgreSQL (Prisma's datamodel cannot say them, so
-- `pnpm prisma:derive` appends this file to the derived migration). The counter's row lock, taken by
-- the bump, is held to the commit: writers of one article's claims get their numbers in commit order.
CREATE FUNCTION "Claim_take_seq"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ClaimSeq" ("articleId", "last") VALUES (NEW."articleId", 1)
        ON CONFLICT ("articleId") DO UPDATE SET "last" = "ClaimSeq"."last" + 1
        RETURNING "last" INTO NEW."seq";
    RETURN NEW;
END;
$$;

CREATE TRIGGER "Claim_seq_on_write" BEFORE INSERT OR UPDATE ON "Claim"
    FOR EACH ROW EXECUTE FUNCTION "Claim_take_seq"();
