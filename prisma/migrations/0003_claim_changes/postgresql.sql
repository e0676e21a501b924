
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
