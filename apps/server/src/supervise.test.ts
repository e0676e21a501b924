import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { describeExit, RESTART_POLICY, restartDecision } from "./supervise";
import { closedPort } from "./test/closedPort";
import { createTestDatabase } from "./test/createTestApp";

describe("restartDecision", () => {
  it("waits 1 s, then twice as long for each stop within a minute, and gives up at the fifth", () => {
    const stops: number[] = [];
    const decisions: unknown[] = [];
    for (let second = 0; second < 5; second += 1) {
      decisions.push(restartDecision(stops, second * 1000));
      stops.push(second * 1000);
    }
    expect(decisions).toEqual([
      { restartInMs: 1000 },
      { restartInMs: 2000 },
      { restartInMs: 4000 },
      { restartInMs: 8000 },
      { giveUp: true, stops: 5 },
    ]);
  });

  it("gives up only when all five stops fall within 60 s", () => {
    // The first of five stops 60 s before the last is outside the window: four in it, so one more restart.
    expect(restartDecision([0, 10_000, 20_000, 30_000], 60_000)).toEqual({ restartInMs: 8000 });
    expect(restartDecision([1, 10_000, 20_000, 30_000], 60_000)).toEqual({ giveUp: true, stops: 5 });
  });

  it("forgets stops older than the window, and never waits longer than the cap", () => {
    expect(restartDecision([0, 1000, 2000], RESTART_POLICY.windowMs + 5000)).toEqual({ restartInMs: 1000 });
    expect(restartDecision([0, 1, 2, 3, 4, 5, 6], 7, { ...RESTART_POLICY, maxStops: 100 })).toEqual({
      restartInMs: RESTART_POLICY.maxDelayMs,
    });
  });
});

describe("describeExit", () => {
  it("says what the common fatal ends mean", () => {
    expect(describeExit(null, "SIGABRT")).toBe("signal SIGABRT, out of memory or another fatal error");
    expect(describeExit(134, null)).toBe("exit code 134, out of memory or another fatal error");
    expect(describeExit(null, "SIGKILL")).toMatch(/^signal SIGKILL, killed/);
    expect(describeExit(1, null)).toBe("exit code 1");
  });
});

const SERVER_DIR = fileURLToPath(new URL("../", import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), "factmark-supervise-"));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(folder, { recursive: true, force: true });
});

/**
 * The supervisor from its source (through tsx), on `databaseFile` and a free port: the same code `pnpm start` runs
 * built (dist/supervise.js, which productionBuild.test.ts starts), without waiting for a build.
 */
function startSupervised(databaseFile: string, databaseUrl = `file:${databaseFile}`, port = 0) {
  const supervisor = spawn(process.execPath, ["--import", "tsx", "src/supervise.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, WEB_DIST_DIR: path.join(folder, "none") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(supervisor);
  let output = "";
  const waiters: Array<() => void> = [];
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  supervisor.stdout?.on("data", onOutput);
  supervisor.stderr?.on("data", onOutput);
  const exited = new Promise<number | null>((resolve) => supervisor.once("exit", (code) => resolve(code)));
  void exited.then(() => {
    for (const wake of waiters.splice(0)) wake();
  });
  /** The `count`-th match of `pattern` in the log so far or to come; fails if the supervisor exits first. */
  async function waitFor(pattern: RegExp, count = 1): Promise<RegExpExecArray> {
    for (;;) {
      const matches = [...output.matchAll(new RegExp(pattern, "g"))];
      if (matches.length >= count) return matches[count - 1] as RegExpExecArray;
      if (supervisor.exitCode !== null) throw new Error(`The supervisor exited. Its log:\n${output}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }
  return { supervisor, exited, waitFor, log: () => output };
}

const SERVER_PID = /\[supervisor\] The server runs in process (\d+)\./;
const PORT = /running at http:\/\/localhost:(\d+)\//;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isAlive(pid);
}

/** Sets up the first admin of the server at `origin` through its API; answers the session's cookie. */
async function setUpFirstAdmin(origin: string): Promise<string> {
  const setUp = await fetch(`${origin}/api/auth/setup`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email: "edna@example.org", password: "correct horse battery staple", name: "Edna Editor" }),
  });
  expect(setUp.status).toBe(201);
  return setUp.headers.get("set-cookie")?.split(";")[0] ?? "";
}

describe("the supervised server (pnpm start)", () => {
  it("comes back after a crash, says so, refuses a second server on its file, and stops on SIGTERM", async () => {
    const file = path.join(folder, "factmark.db");
    const running = startSupervised(file);
    const firstPid = Number((await running.waitFor(SERVER_PID))[1]);
    await running.waitFor(PORT);

    // A second supervised server on the same file does not start, and is not restarted over and over.
    const second = startSupervised(file);
    expect(await second.exited).toBe(1);
    expect(second.log()).toContain(`Another Factmark server is using ${file} (pid ${firstPid}).`);
    expect(second.log()).toContain("[supervisor] The server could not start (exit code 1); not restarting.");

    process.kill(firstPid, "SIGKILL");
    await running.waitFor(
      /\[supervisor\] The server stopped \(signal SIGKILL, killed from outside, [^)]*\); restarting in 1 s\./,
    );
    const secondPid = Number((await running.waitFor(SERVER_PID, 2))[1]);
    expect(secondPid).not.toBe(firstPid);
    const port = Number((await running.waitFor(PORT, 2))[1]);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    running.supervisor.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(await waitUntilGone(secondPid, 5000)).toBe(true);
  }, 180_000);

  it("stops on SIGTERM within seconds while a reviewer has an article's event stream open", async () => {
    const running = startSupervised(path.join(folder, "streaming.db"));
    const port = Number((await running.waitFor(PORT))[1]);
    const origin = `http://localhost:${port}`;
    const cookie = await setUpFirstAdmin(origin);
    const events = await fetch(`${origin}/api/articles/sample-iran-drones/events`, { headers: { cookie } });
    expect(events.status).toBe(200);
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("event: hello");

    // The stream never ends by itself: the server must not wait for it (a deploy would wait for SIGKILL).
    const stopping = Date.now();
    running.supervisor.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    await reader.cancel().catch(() => {});
  }, 60_000);

  it("stops quietly on SIGTERM sent as soon as it has started, while its worker threads still load", async () => {
    const running = startSupervised(path.join(folder, "early-stop.db"));
    await running.waitFor(PORT);
    running.supervisor.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    // A stop on purpose is not a failure: nothing in the log may read as one.
    expect(running.log()).not.toMatch(/could not start|Terminating worker thread|Error/);
  }, 60_000);

  it("exits 0 on SIGTERM sent while the server process is still loading, before it can hear signals itself", async () => {
    const running = startSupervised(path.join(folder, "loading.db"));
    await running.waitFor(SERVER_PID);
    running.supervisor.kill("SIGTERM");
    expect(await running.exited).toBe(0);
  }, 60_000);

  it("stops at once and cleanly on SIGTERM while its start waits for a database that cannot be reached", async () => {
    // A PostgreSQL URL on a loopback port nobody listens on: the start waits, trying again every second.
    const running = startSupervised("", `postgresql://factmark@127.0.0.1:${await closedPort()}/factmark`);
    await running.waitFor(/cannot be reached .*trying again every 1 s/);
    const stopping = Date.now();
    running.supervisor.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(5000);
    expect(running.log()).not.toContain("[supervisor] The server stopped");
  }, 60_000);

  it("says which port is taken when another program listens on it, and does not restart", async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, resolve));
    const { port } = other.address() as net.AddressInfo;
    try {
      const file = path.join(folder, "taken-port.db");
      const running = startSupervised(file, `file:${file}`, port);
      expect(await running.exited).toBe(1);
      expect(running.log()).toContain(
        `Port ${port} is in use by another program: stop it, or set PORT to another port.`,
      );
      expect(running.log()).not.toContain("Unhandled 'error' event");
      expect(running.log()).toContain("[supervisor] The server could not start (exit code 1); not restarting.");
    } finally {
      other.close();
    }
  }, 60_000);

  it("takes the server down with it when the supervisor is killed outright", async () => {
    const running = startSupervised(path.join(folder, "orphan.db"));
    const pid = Number((await running.waitFor(SERVER_PID))[1]);
    await running.waitFor(PORT);
    running.supervisor.kill("SIGKILL");
    expect(await waitUntilGone(pid, 10_000)).toBe(true);
  }, 120_000);
});

describe.runIf(process.env.TEST_DATABASE_URL?.startsWith("postgres"))("the supervised server on PostgreSQL", () => {
  it("stops within seconds on SIGTERM while a write waits on a lock for good, and stores nothing of it", async () => {
    const database = await createTestDatabase();
    const locker = new pg.Client({ connectionString: database.url });
    try {
      const running = startSupervised("", database.url);
      const port = Number((await running.waitFor(PORT))[1]);
      const origin = `http://localhost:${port}`;
      const cookie = await setUpFirstAdmin(origin);
      // An outside session holds the articles' table, as a long migration or a stuck administrator would.
      await locker.connect();
      await locker.query('BEGIN; LOCK TABLE "Article" IN ACCESS EXCLUSIVE MODE');
      const writing = fetch(`${origin}/api/articles`, {
        method: "POST",
        headers: { "content-type": "application/json", origin, cookie },
        body: JSON.stringify({ title: "Written while stopping", format: "text", content: "One line." }),
      }).catch((error: unknown) => error);
      const waitsOnLock = async () => {
        const watcher = new pg.Client({ connectionString: database.url });
        await watcher.connect();
        try {
          for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
            const { rows } = await watcher.query(
              "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
            );
            if (rows.length > 0) return true;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return false;
        } finally {
          await watcher.end();
        }
      };
      expect(await waitsOnLock()).toBe(true);

      const stopping = Date.now();
      running.supervisor.kill("SIGTERM");
      expect(await running.exited).toBe(0);
      expect(Date.now() - stopping).toBeLessThan(15_000);
      await writing;
      await locker.query("ROLLBACK");
      const { rows } = await locker.query(
        `SELECT count(*)::int AS n FROM "Article" WHERE title = 'Written while stopping'`,
      );
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await locker.end().catch(() => {});
      await database.drop();
    }
  }, 60_000);
});
