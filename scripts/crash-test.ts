// Crash test: start the real server on a temporary SQLite file, burst concurrent writes at it from this
// process, kill -9 the server mid-burst, restart it on the same file, and check that every write that was
// acknowledged (a 2xx) is there and that the file passes PRAGMA integrity_check.
// Run: pnpm exec tsx scripts/crash-test.ts [writes] [concurrency]
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const requireFromServer = createRequire(new URL("../apps/server/package.json", import.meta.url));
// scripts/ is no package: better-sqlite3 comes from the server's dependencies, typed by what is used here.
const Database = requireFromServer("better-sqlite3") as new (
  file: string,
  options: { readonly: boolean },
) => { pragma(source: string): unknown; close(): void };

const SERVER_MAIN = fileURLToPath(new URL("../apps/server/src/main.ts", import.meta.url));
const SAMPLE_ARTICLE_ID = "sample-iran-drones";

export interface CrashTestResult {
  sent: number;
  acknowledged: number;
  /** Requests that got no answer (the server died under them) or a non-2xx. */
  unacknowledged: number;
  /** Acknowledged writes found after the restart. */
  present: number;
  lost: string[];
  /** Writes that reached the database though their answer never arrived (allowed: the crash ate the reply). */
  unacknowledgedButStored: number;
  integrity: string;
  killedAfterAcknowledged: number;
}

interface Server {
  process: ChildProcess;
  baseUrl: string;
}

function startServer(databaseFile: string): Promise<Server> {
  // node --import tsx, not the tsx CLI: one process, so kill -9 kills the server itself.
  const child = spawn(process.execPath, ["--import", "tsx", SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${databaseFile}`,
      WEB_DIST_DIR: path.join(path.dirname(databaseFile), "no-web-app"),
      // The burst comes from one session; its write limit is not what this test is about.
      RATE_LIMIT_WRITES: "1000000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)\//.exec(output);
      if (match) resolve({ process: child, baseUrl: `http://127.0.0.1:${match[1]}` });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`The server exited with ${code} before it listened:\n${output}`)));
  });
}

function stopServer(server: Server, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) return resolve();
    server.process.once("exit", () => resolve());
    server.process.kill(signal);
  });
}

/** Runs one crash: `writes` claim creations, `concurrency` at a time, the server killed after `killAfter` acknowledgements. */
export async function runCrashTest(
  options: { writes?: number; concurrency?: number; killAfter?: number } = {},
): Promise<CrashTestResult> {
  const writes = options.writes ?? 2000;
  const concurrency = options.concurrency ?? 32;
  const killAfter = options.killAfter ?? Math.floor(writes / 3);
  const dir = mkdtempSync(path.join(tmpdir(), "factmark-crash-"));
  const databaseFile = path.join(dir, "crash.db");
  let server = await startServer(databaseFile);
  try {
    const setup = await fetch(`${server.baseUrl}/api/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "crash@factmark.test", password: "crash test password", name: "Crash Test" }),
    });
    if (setup.status !== 201) throw new Error(`Setup failed: ${setup.status} ${await setup.text()}`);
    const cookie = (setup.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const article = (await (
      await fetch(`${server.baseUrl}/api/articles/${SAMPLE_ARTICLE_ID}`, { headers: { cookie } })
    ).json()) as {
      text: string;
    };
    const textLength = article.text.length;

    const acknowledged = new Set<string>();
    let unacknowledged = 0;
    let next = 0;
    let isKilled = false;
    const baseUrl = server.baseUrl;
    const serverToKill = server;
    async function worker(): Promise<void> {
      while (next < writes) {
        const index = next++;
        const start = (index * 7) % (textLength - 20);
        try {
          const response = await fetch(`${baseUrl}/api/articles/${SAMPLE_ARTICLE_ID}/claims`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify({
              selectors: { position: { start, end: start + 10 } },
              rationale: `crash write ${index}`,
            }),
          });
          const body = (await response.json()) as { id?: string };
          if (response.status === 201 && body.id) acknowledged.add(body.id);
          else unacknowledged++;
        } catch {
          unacknowledged++;
        }
        if (!isKilled && acknowledged.size >= killAfter) {
          isKilled = true;
          // Mid-burst: other requests are in flight, some inside a transaction.
          serverToKill.process.kill("SIGKILL");
        }
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker));
    await stopServer(server, "SIGKILL");
    const killedAfterAcknowledged = killAfter;

    server = await startServer(databaseFile);
    const listed = (await (
      await fetch(`${server.baseUrl}/api/articles/${SAMPLE_ARTICLE_ID}/claims`, { headers: { cookie } })
    ).json()) as {
      items: { id: string; rationale: string }[];
    };
    const stored = new Set(
      listed.items.filter((claim) => claim.rationale.startsWith("crash write")).map((claim) => claim.id),
    );
    await stopServer(server, "SIGTERM");

    const check = new Database(databaseFile, { readonly: true });
    const integrity = (check.pragma("integrity_check") as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join("; ");
    check.close();
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    return {
      sent: writes,
      acknowledged: acknowledged.size,
      unacknowledged,
      present: acknowledged.size - lost.length,
      lost,
      unacknowledgedButStored: [...stored].filter((id) => !acknowledged.has(id)).length,
      integrity,
      killedAfterAcknowledged,
    };
  } finally {
    await stopServer(server, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const writes = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 32);
  const result = await runCrashTest({ writes, concurrency });
  console.log(
    `Crash test: ${result.sent} writes sent, ${concurrency} at a time; server killed with SIGKILL after ${result.killedAfterAcknowledged} acknowledgements; ` +
      `${result.acknowledged} acknowledged (2xx), ${result.unacknowledged} unanswered; after restart ${result.present}/${result.acknowledged} acknowledged writes present, ` +
      `${result.lost.length} lost, ${result.unacknowledgedButStored} unacknowledged but stored; integrity_check: ${result.integrity}.`,
  );
  process.exitCode = result.lost.length === 0 && result.integrity === "ok" ? 0 : 1;
}
