import { Worker } from "node:worker_threads";

// Beside this file's code: src/db/ from the sources, dist/ once built (apps/server/build.mjs copies it there).
const WORKER_FILE = new URL("./walCheckpointWorker.mjs", import.meta.url);

export interface WalCheckpointResult {
  /** -1 while SQLite could not start (the file is busy); else how many frames the WAL holds. */
  log: number;
  /** How many of them are in the database file now. */
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  /** How often to fold the WAL into the database file. */
  intervalMs?: number;
  busyTimeoutMs?: number;
  /** A WAL longer than this many (4 KB) pages after a checkpoint is oversized: see `onOversized`. */
  oversizedFrames?: number;
  /**
   * Writes that never pause kept the WAL from being all copied at once, so it cannot start over: the
   * caller checkpoints on the writing connection, between two writes, where the copy is always whole.
   */
  onOversized: () => void;
  /** After each checkpoint (tests watch these). */
  onCheckpoint?: (result: WalCheckpointResult) => void;
  /** The thread failed or ended early: the caller must checkpoint some other way from now on. */
  onFailure: (error: Error) => void;
}

export interface WalCheckpointer {
  /** Checkpoints a last time and ends the thread. */
  stop(): Promise<void>;
}

/**
 * Folds a SQLite file's WAL back into the database from a worker thread with its own connection, every
 * `intervalMs`. Left to itself, SQLite checkpoints inside the commit that takes the WAL past 1,000 pages,
 * and better-sqlite3 is synchronous: every request in the process then waits for the copy and its fsync
 * (a stall of 100 to 300 ms on this machine, every few seconds under load; docs/benchmarks.md). The
 * server's own connection turns its automatic checkpoints off while this runs.
 */
export function startWalCheckpointer(file: string, options: WalCheckpointerOptions): WalCheckpointer {
  const {
    intervalMs = 1000,
    busyTimeoutMs = 5000,
    oversizedFrames = 4000,
    onCheckpoint,
    onOversized,
    onFailure,
  } = options;
  const worker = new Worker(WORKER_FILE, { workerData: { file, intervalMs, busyTimeoutMs, oversizedFrames } });
  // The thread never keeps a process alive on its own.
  worker.unref();
  let isStopping = false;
  const stopped = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.on("message", (message: { type: string; message?: string } & WalCheckpointResult) => {
    if (message.type === "checkpointed") onCheckpoint?.({ log: message.log, checkpointed: message.checkpointed });
    if (message.type === "oversized") onOversized();
    if (message.type === "failed") onFailure(new Error(`A WAL checkpoint failed: ${message.message}`));
  });
  worker.on("error", (error) => onFailure(error));
  worker.once("exit", (code) => {
    if (!isStopping) onFailure(new Error(`The WAL checkpointer stopped (exit code ${code}).`));
  });
  return {
    async stop() {
      if (isStopping) return stopped;
      isStopping = true;
      // Held open until the thread has checkpointed and closed its connection.
      worker.ref();
      worker.postMessage("stop");
      await stopped;
    },
  };
}
