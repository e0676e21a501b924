import { type Db, isPostgres } from "../db/createDatabase";

/**
 * Makes every change-log entry of `action` (e.g. "claim.created") fail to store, as a full disk or a broken row
 * would, on either database (a trigger that raises); answers the function that takes the trigger away again.
 */
export async function refuseChangeLogEntries(db: Db, action: string): Promise<() => Promise<void>> {
  const name = `refuse_${action.replace(/\W/g, "_")}`;
  if (isPostgres(db)) {
    await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'the change log refuses this entry'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "Event"
      FOR EACH ROW WHEN (NEW."action" = '${action}') EXECUTE FUNCTION ${name}()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "Event"`);
      await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "Event"
    WHEN NEW."action" = '${action}' BEGIN SELECT RAISE(ABORT, 'the change log refuses this entry'); END`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name}`);
  };
}
