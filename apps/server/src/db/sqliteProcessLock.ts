import { lstatSync, mkdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PROJECT_ROOT } from "../config";

/** A claim on a SQLite database file for this process; `release` gives it up (exiting does too). */
export interface SqliteProcessLock {
  release(): void;
}

/** Thrown when another process holds the database file; its message says what to do. */
export class DatabaseInUseError extends Error {}

/**
 * Claims a SQLite database file for this server process, or throws DatabaseInUseError naming the process
 * that has it. One server process per SQLite file: a second one would write beside the first, and
 * Prisma's SQLite adapter can lose writes when their transactions collide (prisma/orm#29933).
 *
 * The claim is an exclusive lock SQLite takes on a sidecar file, `<file>-server.lock`: the operating
 * system drops it when the process ends, however it ends, so a crash leaves no stale lock, and a second
 * process is refused at once (busy timeout 0). `<file>-server.pid` says who holds it, for the message.
 *
 * Both sidecars are named after the file's real path (see realDatabasePath), so a symbolic link to the file or
 * to a folder on its way is the same claim. A hard link is not: it is another name for the same file that no
 * path reveals, so two servers given two hard links to one database are not stopped here.
 */
export function holdSqliteProcessLock(databaseFile: string): SqliteProcessLock {
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  const realFile = realDatabasePath(databaseFile);
  const pidFile = `${realFile}-server.pid`;
  const connection = new Database(`${realFile}-server.lock`, { timeout: 0 });
  try {
    // In exclusive locking mode SQLite keeps the lock until the connection closes; nothing is written, so
    // the (rollback) journal may stay in memory rather than beside the file.
    connection.pragma("journal_mode = MEMORY");
    connection.pragma("locking_mode = EXCLUSIVE");
    connection.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    connection.close();
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    const holder = readHolder(pidFile);
    throw new DatabaseInUseError(
      `Another Factmark server is using ${shownPath(databaseFile)}${holder ? ` (pid ${holder})` : ""}. ` +
        "Stop it first, or set DATABASE_URL to another file.",
    );
  }
  writeFileSync(pidFile, `${process.pid}\n`);
  return {
    release() {
      if (!connection.open) return;
      rmSync(pidFile, { force: true });
      connection.close();
    },
  };
}

/**
 * The absolute path of `file` with every symbolic link resolved: its realpath when it exists, else (a database
 * not yet created) the realpath of its folder joined with its name; a link whose target does not exist yet is
 * followed to that target. The folder must exist.
 */
export function realDatabasePath(file: string): string {
  let current = path.resolve(file);
  // 40 links, as Linux allows (ELOOP past that).
  for (let hops = 0; hops < 40; hops += 1) {
    try {
      return realpathSync(current);
    } catch (error) {
      if ((error as { code?: string }).code !== "ENOENT") throw error;
    }
    const folder = realpathSync(path.dirname(current));
    const named = path.join(folder, path.basename(current));
    if (!isSymbolicLink(named)) return named;
    current = path.resolve(folder, readlinkSync(named));
  }
  throw new Error(`Too many symbolic links on the way to ${file}.`);
}

function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function readHolder(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The file as a user would write it in DATABASE_URL: relative to the project when inside it. */
function shownPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
