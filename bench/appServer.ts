// The server as users run it, for every bench section that measures over HTTP: one home for how it is started.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { newestModification } from "./newestModification";

const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
const SERVER_DIR = path.join(PROJECT_ROOT, "apps/server");
/** The production build's server, as `pnpm start` runs it (apps/server/build.mjs writes it). */
const MAIN_ENTRY = path.join(SERVER_DIR, "dist/main.js");
/** What the server's build is made from: a change to any of these makes dist stale. */
const SERVER_SOURCES = ["apps/server/src", "apps/server/build.mjs", "apps/server/package.json", "packages/core/src"];
const SERVER_START_TIMEOUT_MS = 60_000;

/** Builds the server (`node apps/server/build.mjs`, about a second) when dist is missing or older than its sources. */
export function ensureServerBuild(): void {
  const sourcesChanged = Math.max(
    ...SERVER_SOURCES.map((source) => newestModification(path.join(PROJECT_ROOT, source))),
  );
  if (existsSync(MAIN_ENTRY) && statSync(MAIN_ENTRY).mtimeMs >= sourcesChanged) return;
  process.stderr.write("Building the server (dist is missing or older than its sources)…\n");
  execFileSync(process.execPath, ["build.mjs"], { cwd: SERVER_DIR, stdio: ["ignore", 2, 2] });
}

export interface AppServer {
  baseUrl: string;
  /** The server process's id. */
  pid: number | undefined;
  /** Why the process ended, once it has (a crash under a heavy request shows here). */
  readonly exit: string | undefined;
  /** CPU seconds the server process has used (Linux /proc); undefined elsewhere. */
  cpuSeconds(): number | undefined;
  /** SIGTERM, then SIGKILL after 5 s (a server stalled in a heavy job cannot run its handler). */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A bench that throws or is interrupted must not leave a server behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts the server as the README's start command runs it (the production build, compiled JavaScript on Node with
 * NODE_ENV=production; built first if stale), on `databaseUrl` and a free loopback port, and resolves once it
 * listens and its worker threads have loaded their modules (so a section's first requests do not share the cores
 * with that). The server process itself, without the supervisor: `pid` and `cpuSeconds` are the server's. `env` is
 * added to the process's environment (limits a section lifts, say). Its output is kept (the last 4 KB) for when it
 * fails. BENCH_SERVER_NODE_ARGS adds Node options to the server's command line (a CPU profile, say).
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  ensureServerBuild();
  // BENCH_SERVER_NODE_ARGS: Node options for the server alone, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (Node
  // refuses --cpu-prof in NODE_OPTIONS). Worker threads write theirs only if they end on their own, which the pool's do not.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, MAIN_ENTRY], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      ...env,
    },
    // The channel tells when the worker threads are warm; the server also stops if this process dies.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  // The channel alone never keeps this process running.
  child.channel?.unref();
  const warmed = new Promise<string | undefined>((resolve) => {
    child.on("message", (message: { type?: string; error?: string }) => {
      if (message.type === "warmed") resolve(message.error);
    });
  });
  running.add(child);
  let output = "";
  let exit: string | undefined;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4096);
  };
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      exit = signal ? `killed by ${signal}` : `exited with ${code}`;
      running.delete(child);
      resolve();
    });
  });
  const stop = async () => {
    if (exit !== undefined) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The server did not start in time:\n${output}`)),
      SERVER_START_TIMEOUT_MS,
    );
    let listensOn: number | undefined;
    child.stdout?.on("data", (chunk: Buffer) => {
      keep(chunk);
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match && listensOn === undefined) {
        listensOn = Number(match[1]);
        void warmed.then((error) => {
          clearTimeout(timer);
          if (error === undefined) resolve(listensOn as number);
          else reject(new Error(`The server's worker threads could not start: ${error}\n${output}`));
        });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The server ${exit} before it was ready:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid,
    get exit() {
      return exit;
    },
    cpuSeconds: () => {
      try {
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in ticks of 1/100 s.
        const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return undefined;
      }
    },
    stop,
  };
}
