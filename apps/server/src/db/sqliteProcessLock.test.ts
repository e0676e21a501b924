import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseInUseError, holdSqliteProcessLock } from "./sqliteProcessLock";

const SERVER_DIR = fileURLToPath(new URL("../..", import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), "factmark-lock-"));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(folder, { recursive: true, force: true });
});

interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the port once the server listens, or with the exit code and what it wrote if it stops first. */
  outcome: Promise<{ port: number } | { exitCode: number | null; output: string }>;
  exited: Promise<number | null>;
}

/** apps/server/src/main.ts as `pnpm start` runs it (through tsx), on `databaseFile` and a free port. */
function startServer(databaseFile: string): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: "0", DATABASE_URL: `file:${databaseFile}`, WEB_DIST_DIR: path.join(folder, "none") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const outcome = new Promise<{ port: number } | { exitCode: number | null; output: string }>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /running at http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolve({ port: Number(port) });
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    void exited.then((exitCode) => resolve({ exitCode, output }));
  });
  return { child, outcome, exited };
}

describe("holdSqliteProcessLock", () => {
  it("refuses a second claim on a file while the first holds it, and allows it once released", () => {
    const file = path.join(folder, "unit.db");
    const first = holdSqliteProcessLock(file);
    expect(() => holdSqliteProcessLock(file)).toThrow(DatabaseInUseError);
    expect(() => holdSqliteProcessLock(file)).toThrow(
      `Another Factmark server is using ${file} (pid ${process.pid}). Stop it first, or set DATABASE_URL to another file.`,
    );
    // Another file is another claim.
    holdSqliteProcessLock(path.join(folder, "other.db")).release();
    first.release();
    holdSqliteProcessLock(file).release();
  });
  it("refuses a second claim on the same file reached through a symbolic link, to the file or to its folder", () => {
    const file = path.join(folder, "linked.db");
    const first = holdSqliteProcessLock(file);
    const alias = path.join(folder, "alias");
    mkdirSync(alias);
    symlinkSync(file, path.join(alias, "link.db"));
    symlinkSync(folder, path.join(folder, "folder-link"));
    expect(() => holdSqliteProcessLock(path.join(alias, "link.db"))).toThrow(DatabaseInUseError);
    expect(() => holdSqliteProcessLock(path.join(folder, "folder-link", "linked.db"))).toThrow(DatabaseInUseError);
    expect(() => holdSqliteProcessLock(path.join(alias, "..", "linked.db"))).toThrow(DatabaseInUseError);
    first.release();
    holdSqliteProcessLock(path.join(alias, "link.db")).release();
  });

  it("claims a file that does not exist yet by its real folder, so a link to the folder finds the claim", () => {
    const first = holdSqliteProcessLock(path.join(folder, "folder-link", "new.db"));
    expect(() => holdSqliteProcessLock(path.join(folder, "new.db"))).toThrow(DatabaseInUseError);
    first.release();
  });

  it("refuses a claim through a link to a database not created yet", () => {
    const first = holdSqliteProcessLock(path.join(folder, "later.db"));
    mkdirSync(path.join(folder, "links"));
    symlinkSync(path.join(folder, "later.db"), path.join(folder, "links", "later.db"));
    expect(() => holdSqliteProcessLock(path.join(folder, "links", "later.db"))).toThrow(DatabaseInUseError);
    first.release();
  });
});

describe("one server process per SQLite file", () => {
  it("refuses to start a second server on the same file, and starts again after the first crashes", async () => {
    const file = path.join(folder, "factmark.db");
    const first = startServer(file);
    const firstOutcome = await first.outcome;
    expect(firstOutcome).toHaveProperty("port");

    const second = startServer(file);
    const secondOutcome = await second.outcome;
    expect(secondOutcome).toMatchObject({ exitCode: 1 });
    expect((secondOutcome as { output: string }).output).toContain(
      `Another Factmark server is using ${file} (pid ${first.child.pid}). Stop it first, or set DATABASE_URL to another file.`,
    );
    // The first one never noticed.
    const { port } = firstOutcome as { port: number };
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    // A crash leaves no stale lock behind.
    first.child.kill("SIGKILL");
    await first.exited;
    const third = startServer(file);
    const thirdOutcome = await third.outcome;
    expect(thirdOutcome).toHaveProperty("port");
    expect((await fetch(`http://127.0.0.1:${(thirdOutcome as { port: number }).port}/healthz`)).status).toBe(200);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
  }, 120_000);
});
