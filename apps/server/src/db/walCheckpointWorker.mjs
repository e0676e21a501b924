// The WAL checkpointer's thread (see walCheckpointer.ts). Plain JavaScript: a worker thread loads its file
// with Node's own loader, which runs no TypeScript, under tsx and under Vitest alike.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs, busyTimeoutMs, oversizedFrames } = workerData;
const db = new Database(file, { timeout: busyTimeoutMs });
// With FULL, a checkpoint syncs the database file before the WAL may be reused: nothing committed is lost.
db.pragma("synchronous = FULL");

function checkpoint() {
  // PASSIVE copies what it can without waiting for, or blocking, the server's connection.
  const [result] = db.pragma("wal_checkpoint(PASSIVE)");
  parentPort.postMessage({ type: "checkpointed", ...result });
  // The WAL starts over at the first write after a checkpoint that copied all of it. Writes that never
  // pause can keep that from happening; past a size, the server's own connection copies it between two.
  if (result.log > oversizedFrames) parentPort.postMessage({ type: "oversized", ...result });
}

const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (error) {
    parentPort.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}, intervalMs);

parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  try {
    checkpoint();
  } finally {
    db.close();
    parentPort.close();
  }
});
