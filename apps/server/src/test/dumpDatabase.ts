import type { Db } from "../db/createDatabase";

/**
 * Every row of every table the database holds (the migrations' record included), as one string: equal
 * dumps mean nothing stored changed. Rows are ordered by all their columns, values spelled out
 * (dates as ISO strings, bytes as hex), so the comparison is exact.
 */
export async function dumpDatabase(db: Db): Promise<string> {
  const isPostgres =
    (await db.$queryRawUnsafe<{ v: string }[]>("SELECT sqlite_version() AS v").catch(() => null)) === null;
  const tables = isPostgres
    ? await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    : await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`,
      );
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
    dump[name] = rows.map((row) => JSON.stringify(row, spell)).sort();
  }
  return JSON.stringify(dump);
}

function spell(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  return value;
}
