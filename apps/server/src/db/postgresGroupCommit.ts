import type pg from "pg";

/**
 * At most this many writes share one transaction: each runs in a subtransaction (a savepoint), and PostgreSQL keeps
 * the first 64 of a transaction's subtransactions in shared memory, spilling past that to a slower store.
 */
const MOST_WRITES_A_GROUP = 32;

interface GroupedWrite {
  write: (client: pg.PoolClient) => Promise<unknown>;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
}
type Outcome = { answer: unknown } | { error: unknown };

/**
 * A group's hold on its article's change lock (the counter row). Once a write that took it is done (its savepoint
 * released), the transaction holds it until COMMIT, nobody else can take a number meanwhile, and the next numbers are
 * known: the writes after it take theirs here, without a statement, and the counter is written once before COMMIT.
 */
interface GroupLock {
  articleId: string;
  /** The last change number a done write of the group took; undefined until one took the lock. */
  held?: number;
  /** The counter row's value in the transaction (written by the lock statement, or before COMMIT). */
  stored?: number;
  /** The number the running write took, kept once it is done; from the lock statement when `fromStatement`. */
  pending?: { changeNumber: number; fromStatement: boolean };
}
const groupLocks = new WeakMap<pg.PoolClient, GroupLock>();
const SET_COUNTER = `UPDATE "ArticleChangeCounter" SET "lastChangeNumber" = $2 WHERE "articleId" = $1`;

/**
 * The next change number of `articleId` for the write running on `client`, taking the article's change lock: by
 * `takeLock` (the lock statement, answering the number, or undefined when there is no such article), or, in a group
 * whose earlier write took the lock and is done, the number after that write's without a statement. Either way the
 * lock is held from here to COMMIT, and what the write reads by the statements after this is read under it.
 */
export async function takeChangeNumber(
  client: pg.PoolClient,
  articleId: string,
  takeLock: () => Promise<number | undefined>,
): Promise<number | undefined> {
  const lock = groupLocks.get(client);
  if (lock?.articleId !== articleId) return takeLock();
  if (lock.pending) return lock.pending.changeNumber;
  if (lock.held !== undefined) {
    lock.pending = { changeNumber: lock.held + 1, fromStatement: false };
    return lock.pending.changeNumber;
  }
  const changeNumber = await takeLock();
  if (changeNumber !== undefined) lock.pending = { changeNumber, fromStatement: true };
  return changeNumber;
}

/** Per pool, the writes waiting for their article's next group, by article id; an article is here while its line runs. */
const lines = new WeakMap<pg.Pool, Map<string, GroupedWrite[]>>();

/**
 * Runs `write` in a transaction on a connection of `pool`, grouped with the other writes to the same article (group
 * commit, as the SQLite writer does): while one group of an article's writes runs, those that arrive wait, and the
 * next group runs them in one transaction, each in a savepoint of its own, then one COMMIT, one WAL flush, before any
 * caller hears back. Every write to one article takes the article's change lock and so queued on it until each
 * COMMIT's flush; grouped, they share it. At most one connection of the pool is busy with an article's writes.
 *
 * `write` runs between BEGIN and COMMIT and must do neither; it must take the article's change lock itself before it
 * reads what it checks (a write before it in the group may have released it by failing). When `write` throws, what
 * it wrote is undone alone (ROLLBACK TO its savepoint) and its caller gets the error; the others go on. When the
 * group's transaction fails (a lost connection, a COMMIT refused), none of its writes is stored and every caller gets
 * that error. Answers what `write` answered, once committed.
 */
export function inArticleTransaction<T>(
  pool: pg.Pool,
  articleId: string,
  write: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let waiting = lines.get(pool);
    if (!waiting) {
      waiting = new Map();
      lines.set(pool, waiting);
    }
    const grouped: GroupedWrite = { write, resolve: resolve as (answer: unknown) => void, reject };
    const line = waiting.get(articleId);
    if (line) {
      line.push(grouped);
      return;
    }
    waiting.set(articleId, [grouped]);
    void runLine(pool, waiting, articleId);
  });
}

/** Runs an article's groups one after another until none waits, then forgets the article. */
async function runLine(pool: pg.Pool, waiting: Map<string, GroupedWrite[]>, articleId: string): Promise<void> {
  const line = waiting.get(articleId) as GroupedWrite[];
  while (line.length > 0) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      for (const grouped of line.splice(0, MOST_WRITES_A_GROUP)) grouped.reject(error);
      continue;
    }
    // Taken once the connection is there: what arrived while it was awaited runs in this group too.
    const group = line.splice(0, MOST_WRITES_A_GROUP);
    groupLocks.set(client, { articleId });
    try {
      await runGroup(client, group);
    } finally {
      groupLocks.delete(client);
    }
  }
  waiting.delete(articleId);
}

/** One group's transaction: settles every write of `group`, and gives `client` back to its pool (broken: dropped). */
async function runGroup(client: pg.PoolClient, group: GroupedWrite[]): Promise<void> {
  const outcomes: Outcome[] = [];
  try {
    // Without parameters a query is sent as one message: two statements, one round trip.
    await client.query("BEGIN; SAVEPOINT grouped_write");
    for (const [index, grouped] of group.entries()) {
      let outcome: Outcome;
      try {
        outcome = { answer: await grouped.write(client) };
      } catch (error) {
        outcome = { error };
      }
      outcomes.push(outcome);
      const lock = groupLocks.get(client) as GroupLock;
      const taken = lock.pending;
      lock.pending = undefined;
      // ROLLBACK TO keeps the savepoint for the next write; a RELEASE ends it, so the next write has one of its own.
      // A write undone gives its number back (and, had it taken the lock, the lock with it).
      if ("error" in outcome) await client.query("ROLLBACK TO SAVEPOINT grouped_write");
      else {
        if (taken) {
          lock.held = taken.changeNumber;
          if (taken.fromStatement) lock.stored = taken.changeNumber;
        }
        if (index < group.length - 1) await client.query("RELEASE SAVEPOINT grouped_write; SAVEPOINT grouped_write");
      }
    }
    const { articleId, held, stored } = groupLocks.get(client) as GroupLock;
    if (held !== stored)
      await client.query({ name: "group-set-counter", text: SET_COUNTER, values: [articleId, held] });
    const committed = await client.query("COMMIT");
    // COMMIT in a transaction that failed is answered ROLLBACK, not an error.
    if (committed.command !== "COMMIT") throw new Error("The group's transaction was rolled back at COMMIT.");
  } catch (error) {
    const rollbackError = await client.query("ROLLBACK").then(
      () => undefined,
      (failure: Error) => failure,
    );
    // A connection whose ROLLBACK failed is broken: the pool drops it instead of lending it again.
    client.release(rollbackError);
    group.forEach((grouped, index) => {
      const outcome = outcomes[index];
      grouped.reject(outcome && "error" in outcome ? outcome.error : error);
    });
    return;
  }
  client.release();
  group.forEach((grouped, index) => {
    const outcome = outcomes[index] as Outcome;
    if ("error" in outcome) grouped.reject(outcome.error);
    else grouped.resolve(outcome.answer);
  });
}
