// The server as users run it, for every bench section that measures over HTTP: one home for how it is started.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const MAIN_ENTRY = fileURLToPath(new URL("../apps/server/src/main.ts", import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
const SERVER_START_TIMEOUT_MS = 60_000;

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
 * Starts the server as the README's start command runs it, on `databaseUrl` and a free loopback port, and
 * resolves once it says where it listens. `env` is added to the process's environment (limits a section lifts,
 * say). Its output is kept (the last 4 KB) for when it fails.
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN_ENTRY], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
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
    child.stdout?.on("data", (chunk: Buffer) => {
      keep(chunk);
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The server ${exit} before listening:\n${output}`));
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
