import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

/**
 * The server's one SQLite connection, shared with Prisma, for the hot writes that run as one batch of
 * prepared statements instead of Prisma queries (a create costs Prisma about 9 ms, most of it compiling
 * each query on every call; the batch a fraction of a millisecond).
 *
 * Prisma's better-sqlite3 adapter has one connection and lines up its interactive transactions; a batch
 * takes its turn in the same line (`turns`), so it never runs inside a Prisma transaction nor one inside
 * it. The batch itself is synchronous, BEGIN to COMMIT: nothing else runs on the connection meanwhile.
 * Batches that arrive together commit together (one sync of the WAL for all, synchronous = FULL kept).
 */
export interface SqliteWriter {
  /**
   * Runs `write` atomically and durably, after any open Prisma transaction ends: in a savepoint of the
   * transaction that commits the writes arriving in the same turn of the event loop (group commit, one
   * sync for all; see #commitGroup). Answers what `write` answers once committed; when it throws, what
   * it wrote is undone and the error goes on. `write` must be synchronous.
   */
  transaction<T>(write: (statements: KeptStatements) => T): Promise<T>;
  /**
   * Runs `read` on kept statements between transactions: at once when no Prisma transaction or batch holds the
   * connection, else when its turn comes (so it reads committed rows only, never those of a transaction still
   * open on this one connection). Answers what `read` answers, or its error. `read` must be synchronous and
   * must not write. Never call it from inside a Prisma transaction on the same client: it would wait for that
   * transaction's end.
   */
  read<T>(read: (statements: KeptStatements) => T): Promise<T>;
}

/** Statements prepared once per connection and reused; integers come back as numbers, not BigInt. */
export interface KeptStatements {
  prepare(sql: string): BetterSqlite3.Statement;
}

/** Whose turn it is on the connection: one holder at a time, the others in arrival order. */
function createTurns() {
  let isHeld = false;
  const waiting: (() => void)[] = [];
  return {
    /** Takes the turn at once if it is free (no await: nothing else can start in between). */
    tryTake(): boolean {
      if (isHeld) return false;
      isHeld = true;
      return true;
    },
    take(): Promise<void> {
      if (!isHeld) {
        isHeld = true;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    /** Hands the turn to the next in line, or frees it. */
    give(): void {
      const next = waiting.shift();
      if (next) next();
      else isHeld = false;
    },
  };
}

interface GroupedWrite {
  write: (statements: KeptStatements) => unknown;
  resolve: (answer: unknown) => void;
  reject: (error: unknown) => void;
}
type Outcome = { answer: unknown } | { error: unknown };

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>> & { client: BetterSqlite3.Database };
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * Prisma's better-sqlite3 adapter factory, whose connection the server's hot writes share (`writer`).
 * Prisma's transactions wait for a batch's turn and a batch waits for theirs.
 */
export class SharedSqliteConnection extends PrismaBetterSQLite3 {
  #adapter: Adapter | undefined;
  #statements = new Map<string, BetterSqlite3.Statement>();
  #turns = createTurns();

  override async connect() {
    const adapter = (await super.connect()) as Adapter;
    const turns = this.#turns;
    const startTransaction = adapter.startTransaction.bind(adapter);
    // Prisma binds the adapter's methods once it has it: replaced here, before that.
    adapter.startTransaction = async (isolationLevel) => {
      await turns.take();
      let transaction: Transaction;
      try {
        transaction = await startTransaction(isolationLevel);
      } catch (error) {
        turns.give();
        throw error;
      }
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => commit().finally(() => turns.give());
      transaction.rollback = () => rollback().finally(() => turns.give());
      return transaction;
    };
    this.#adapter = adapter;
    this.#statements = new Map();
    return adapter;
  }

  /** Writes waiting for the next group, in arrival order. */
  #waiting: GroupedWrite[] = [];

  readonly writer: SqliteWriter = {
    transaction: (write) =>
      new Promise((resolve, reject) => {
        this.#waiting.push({ write, resolve: resolve as (answer: unknown) => void, reject });
        // Whatever else arrives in this turn of the event loop commits with it.
        if (this.#waiting.length === 1) setImmediate(() => void this.#commitGroup());
      }),
    read: (read) => {
      // The common case, the connection free: no promise to wait for, nothing else can start in between.
      if (this.#turns.tryTake()) {
        try {
          return Promise.resolve(this.#runRead(read));
        } catch (error) {
          return Promise.reject(error);
        } finally {
          this.#turns.give();
        }
      }
      return this.#turns.take().then(() => {
        try {
          return this.#runRead(read);
        } finally {
          this.#turns.give();
        }
      });
    },
  };

  #runRead<T>(read: (statements: KeptStatements) => T): T {
    const adapter = this.#adapter;
    if (!adapter) throw new Error("The SQLite connection is not open.");
    return read({ prepare: (sql) => this.#prepare(adapter.client, sql) });
  }

  /**
   * Group commit: the writes waiting run in one transaction, each in a savepoint of its own (one that
   * throws is undone alone and its caller gets the error), and one COMMIT, one sync, makes them all
   * durable before any caller hears back. When the COMMIT fails none is stored, and every caller is told.
   */
  async #commitGroup(): Promise<void> {
    if (!this.#turns.tryTake()) await this.#turns.take();
    const group = this.#waiting.splice(0);
    try {
      const outcomes = this.#runGroup(group);
      group.forEach((write, index) => {
        const outcome = outcomes[index] as Outcome;
        if ("error" in outcome) write.reject(outcome.error);
        else write.resolve(outcome.answer);
      });
    } catch (error) {
      for (const write of group) write.reject(error);
    } finally {
      this.#turns.give();
    }
  }

  #runGroup(group: GroupedWrite[]): Outcome[] {
    const adapter = this.#adapter;
    if (!adapter) throw new Error("The SQLite connection is not open.");
    const statements: KeptStatements = { prepare: (sql) => this.#prepare(adapter.client, sql) };
    statements.prepare("BEGIN IMMEDIATE").run();
    try {
      const outcomes = group.map((write): Outcome => {
        statements.prepare("SAVEPOINT grouped_write").run();
        try {
          const answer = write.write(statements);
          statements.prepare("RELEASE grouped_write").run();
          return { answer };
        } catch (error) {
          statements.prepare("ROLLBACK TO grouped_write").run();
          statements.prepare("RELEASE grouped_write").run();
          return { error };
        }
      });
      statements.prepare("COMMIT").run();
      return outcomes;
    } catch (error) {
      if (adapter.client.inTransaction) statements.prepare("ROLLBACK").run();
      throw error;
    }
  }

  #prepare(client: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = client.prepare(sql);
      if (statement.reader) statement.safeIntegers(false);
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}

const writers = new WeakMap<object, SqliteWriter>();

/** Makes `writer` the one `sqliteWriterOf(db)` answers: createDatabase does, for its SQLite clients. */
export function keepSqliteWriter(db: object, writer: SqliteWriter): void {
  writers.set(db, writer);
}

/**
 * The hot-write batch runner of a SQLite client createDatabase opened; undefined for PostgreSQL, for a
 * transaction client, and for a client extended with `$extends` (those take the Prisma path).
 */
export function sqliteWriterOf(db: object): SqliteWriter | undefined {
  return writers.get(db);
}
