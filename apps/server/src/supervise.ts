import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

/** When the supervisor restarts a server that stopped, and when it gives up. */
export interface RestartPolicy {
  /** The wait before the first restart in a window; each further one doubles it (ms). */
  firstDelayMs: number;
  maxDelayMs: number;
  /**
   * The supervisor gives up at this many stops within `windowMs` (counting the one just now), restarting after
   * each earlier one: something is wrong that waiting won't fix.
   */
  maxStops: number;
  windowMs: number;
}

export const RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  maxStops: 5,
  windowMs: 60_000,
};

/**
 * What to do after the server stopped at `now`, given when it stopped before (ms timestamps, oldest
 * first; stops `windowMs` or more before `now` are forgotten): restart after a delay that doubles with each
 * stop in the window (1 s, 2 s, 4 s …, at most maxDelayMs), or give up when this is the maxStops-th stop in
 * it. With RESTART_POLICY: restarts after 1, 2, 4 and 8 s, and gives up at the 5th stop within 60 s.
 */
export function restartDecision(
  stoppedAt: number[],
  now: number,
  policy: RestartPolicy = RESTART_POLICY,
): { restartInMs: number } | { giveUp: true; stops: number } {
  const stops = [...stoppedAt, now].filter((time) => now - time < policy.windowMs).length;
  if (stops >= policy.maxStops) return { giveUp: true, stops };
  return { restartInMs: Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (stops - 1)) };
}

/** How a process ended, in words for the log: "exit code 1", "signal SIGKILL, killed (…)". */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === "SIGABRT" || code === 134)
    return `${signal ? `signal ${signal}` : "exit code 134"}, out of memory or another fatal error`;
  if (signal === "SIGKILL" || code === 137) {
    return `${signal ? `signal ${signal}` : "exit code 137"}, killed from outside, often by the system for using too much memory`;
  }
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/**
 * Runs the server (`entry`: src/main.ts, or the build's dist/main.js) in a child process, and starts it again when
 * it stops on a fatal error (an uncaught exception, running out of memory, being killed), saying so in the log, with
 * the back-off and cap of `restartDecision`. The first start must succeed: a server that stops before it listens
 * (a bad setting, the database used by another server) is not restarted. SIGINT and SIGTERM go on to
 * the server, which finishes its requests and exits; the supervisor then exits with its code (0 when the signal
 * itself ended a server still loading, before it could hear it). If the
 * supervisor itself dies, the server notices its channel close and stops (see main.ts).
 */
export function supervise(entry: string, policy: RestartPolicy = RESTART_POLICY): void {
  const log = (line: string) => console.error(`[supervisor] ${line}`);
  let child: ChildProcess | undefined;
  let hasStarted = false;
  let isStopping = false;
  /** The signal passed on to the server to stop it (not the SIGKILL of a second one). */
  let stopSignal: NodeJS.Signals | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  const stoppedAt: number[] = [];

  function start() {
    restartTimer = undefined;
    const server = fork(entry, process.argv.slice(2), { stdio: ["inherit", "inherit", "inherit", "ipc"] });
    child = server;
    log(`The server runs in process ${server.pid}.`);
    server.on("message", (message) => {
      if ((message as { type?: string }).type === "ready") hasStarted = true;
    });
    server.once("exit", (code, signal) => {
      child = undefined;
      // Ended by the signal passed on (it came before the server could hear it, while it loads): a clean stop too.
      if (isStopping) process.exit(code ?? (signal === stopSignal ? 0 : 1));
      if (code === 0) {
        log("The server stopped on request.");
        process.exit(0);
      }
      const how = describeExit(code, signal);
      if (!hasStarted) {
        log(`The server could not start (${how}); not restarting.`);
        process.exit(code ?? 1);
      }
      const now = Date.now();
      const decision = restartDecision(stoppedAt, now, policy);
      stoppedAt.push(now);
      // restartDecision needs at most the maxStops - 1 latest earlier stops.
      while (stoppedAt.length > Math.max(policy.maxStops - 1, 0)) stoppedAt.shift();
      if ("giveUp" in decision) {
        log(`The server stopped (${how}), ${decision.stops} times within ${policy.windowMs / 1000} s; giving up.`);
        process.exit(1);
      }
      log(`The server stopped (${how}); restarting in ${decision.restartInMs / 1000} s.`);
      restartTimer = setTimeout(start, decision.restartInMs);
    });
  }

  function stop(signal: NodeJS.Signals) {
    if (restartTimer !== undefined) {
      clearTimeout(restartTimer);
      process.exit(0);
    }
    // A second signal while the server is finishing its requests: end it now.
    child?.kill(isStopping ? "SIGKILL" : signal);
    stopSignal ??= signal;
    isStopping = true;
  }
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  start();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const isBuilt = !import.meta.url.endsWith(".ts");
  // The build is what users run (`pnpm start`): Prisma then formats its errors briefly and skips the call-site
  // capture it makes for every query in development. A NODE_ENV given from outside is kept.
  if (isBuilt) process.env.NODE_ENV ??= "production";
  // Beside this file: src/main.ts from the sources (its child inherits tsx's loader), dist/main.js from the build.
  supervise(fileURLToPath(new URL(isBuilt ? "./main.js" : "./main.ts", import.meta.url)));
}
