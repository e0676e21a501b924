/**
 * How many ids one statement names at most: SQLite binds at most 999 values in a statement (Prisma answers P2029
 * past it), and the statement's other values need room too. PostgreSQL takes far more; the same batches serve both.
 */
export const IDS_PER_STATEMENT = 500;

/**
 * `items` in consecutive batches of at most `size` (default IDS_PER_STATEMENT), in order; none when `items` is empty.
 * A query that names a list of ids, or a createMany whose rows bind several values each (a smaller `size`), runs
 * once per batch, so no change is too large for one statement.
 */
export function batchesOf<T>(items: readonly T[], size = IDS_PER_STATEMENT): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A batch holds at least one item, not ${size}.`);
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
