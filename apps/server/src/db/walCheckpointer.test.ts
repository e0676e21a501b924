import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startWalCheckpointer, type WalCheckpointResult } from "./walCheckpointer";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A WAL-mode file that never checkpoints by itself, as the server's connection is set up. */
function openServerConnection() {
  const folder = mkdtempSync(path.join(tmpdir(), "factmark-wal-"));
  folders.push(folder);
  const file = path.join(folder, "factmark.db");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  return { db, file };
}

/** About 1,000 WAL pages of rows, one commit each (as requests write them). */
function writeRows(db: Database.Database, count = 250) {
  const insert = db.prepare("INSERT INTO note (body) VALUES (?)");
  for (let index = 0; index < count; index++) insert.run("x".repeat(4000));
}

interface CheckpointsOptions {
  onFailure?: (error: Error) => void;
  oversizedFrames?: number;
  onOversized?: () => void;
  intervalMs?: number;
}

function checkpointsOf(
  file: string,
  { onFailure = () => {}, oversizedFrames = 100_000, onOversized = () => {}, intervalMs = 20 }: CheckpointsOptions = {},
) {
  const seen: WalCheckpointResult[] = [];
  let notify = () => {};
  const checkpointer = startWalCheckpointer(file, {
    intervalMs,
    oversizedFrames,
    onOversized,
    onCheckpoint: (result) => {
      seen.push(result);
      notify();
    },
    onFailure,
  });
  /** Waits for a checkpoint, begun after the writes so far, that copied the whole WAL. */
  const whole = async () => {
    // Results the thread sent while this one was busy writing describe earlier checkpoints: let them pass.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return new Promise<WalCheckpointResult>((resolve) => {
      notify = () => {
        const last = seen.at(-1);
        if (last && last.log > 0 && last.checkpointed === last.log) resolve(last);
      };
    });
  };
  return { checkpointer, whole, seen };
}

describe("startWalCheckpointer", () => {
  it("puts committed rows into the database file itself, from its own thread", async () => {
    const { db, file } = openServerConnection();
    writeRows(db);
    const { checkpointer, whole } = checkpointsOf(file);
    expect((await whole()).checkpointed).toBeGreaterThan(200);
    await checkpointer.stop();

    // The database file alone, without its WAL, now holds every row.
    const copy = `${file}.copy`;
    copyFileSync(file, copy);
    const reader = new Database(copy, { readonly: true });
    expect(reader.prepare("SELECT count(*) AS count FROM note").get()).toEqual({ count: 250 });
    reader.close();
    db.close();
  });

  it("lets the server's next write start the WAL over, so it stays the size of one interval's writes", async () => {
    const { db, file } = openServerConnection();
    // A checkpoint running at the moment of the first write can keep it from starting over: not too often.
    const { checkpointer, whole } = checkpointsOf(file, { intervalMs: 200 });
    writeRows(db);
    await whole();
    const afterFirst = statSync(`${file}-wal`).size;
    for (let round = 0; round < 3; round++) {
      writeRows(db);
      await whole();
    }
    await checkpointer.stop();
    // Four rounds of ~4 MB each: without restarts the WAL would hold all of them.
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(afterFirst * 2);
    db.close();
  });

  it("asks the writer to copy the WAL itself once it passes its limit, when writes never pause", async () => {
    const { db, file } = openServerConnection();
    let asked = 0;
    const { checkpointer, seen } = checkpointsOf(file, {
      oversizedFrames: 200,
      onOversized: () => {
        asked++;
        db.pragma("wal_checkpoint(PASSIVE)");
      },
    });
    // Writes back to back for 1.5 s, as fast as this thread commits them, with the checkpointer beside.
    const insert = db.prepare("INSERT INTO note (body) VALUES (?)");
    const deadline = Date.now() + 1500;
    let rows = 0;
    while (Date.now() < deadline) {
      insert.run("x".repeat(4000));
      rows++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await checkpointer.stop();
    expect(seen.length).toBeGreaterThan(3);
    expect(asked).toBeGreaterThan(0);
    // Two pages or more a row: without the restarts the WAL would hold every row written.
    expect(rows).toBeGreaterThan(300);
    expect(statSync(`${file}-wal`).size).toBeLessThan(rows * 4096);
    expect(db.prepare("SELECT count(*) AS count FROM note").get()).toEqual({ count: rows });
    db.close();
  });

  it("says so when its thread cannot open the file, so the caller can checkpoint another way", async () => {
    const failures: Error[] = [];
    const failed = new Promise<void>((resolve) => {
      checkpointsOf("/nonexistent/folder/factmark.db", {
        onFailure: (error) => {
          failures.push(error);
          resolve();
        },
      });
    });
    await failed;
    expect(failures[0]?.message).toMatch(/directory|open|exit/i);
  });
});
