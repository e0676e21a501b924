import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { AppError, type ErrorCode } from "@factmark/core";
import { Piscina } from "piscina";
import { RUNS_FROM_SOURCE, workerModule } from "./workerModules";
import type { JobInput, WorkerAnswer } from "./workerTask";

/**
 * The budget of one job in the pool. A job over its time is stopped (its thread is terminated and replaced) and
 * answers 422; a job whose thread runs out of its heap answers 413; a job that finds the queue full answers 503.
 */
export interface JobBudget {
  /** Wall-clock time from when the job starts running to its answer, in ms. */
  timeMs: number;
  /** What the job is, in words, for the error message: "Converting the document", "Building the PDF". */
  label: string;
  /** How long it may wait for a thread before it is refused with 503, in ms; default 60 s. */
  queueWaitMs?: number;
}

/** The pool's settings: how many threads, each thread's heap, how many jobs may wait. */
export interface HeavyWorkSettings {
  /** Threads that run jobs; default: the machine's cores, at least 2, at most 4. */
  maxThreads: number;
  /** Each thread's old-generation heap, in MB (`resourceLimits.maxOldGenerationSizeMb`); default 512. */
  maxHeapMb: number;
  /** Jobs that may wait for a thread before the next is refused with 503; default 16. */
  maxQueue: number;
  /** Threads kept even when idle: 1 by default (tests); the server keeps them all (warmHeavyWork). */
  minThreads: number;
}

export const DEFAULT_HEAVY_WORK_SETTINGS: HeavyWorkSettings = {
  maxThreads: Math.min(4, Math.max(2, availableParallelism())),
  maxHeapMb: Number(process.env.HEAVY_WORK_MAX_HEAP_MB ?? 512),
  maxQueue: 16,
  minThreads: 1,
};

/** A module that exports job functions (each wrapped in `workerTask`), and the function's name. */
export interface JobTarget {
  /** The worker module: one of WORKER_MODULES (workerModules.ts), or a test's own `.ts` file. */
  module: URL;
  /** The exported function to run. */
  name: string;
}

let sharedPool: Piscina | undefined;

function pool(): Piscina {
  if (!sharedPool) sharedPool = createPool(DEFAULT_HEAVY_WORK_SETTINGS);
  return sharedPool;
}

/**
 * Starts every thread of the pool and loads each worker module on each (its `warm` export, see warm.ts), so the
 * first import, report or save after the server starts does not wait seconds for a thread to load its libraries.
 * The threads are kept while idle. Resolves when all are loaded; a module that fails to load rejects.
 */
export async function warmHeavyWork(modules: URL[]): Promise<void> {
  const settings = { ...DEFAULT_HEAVY_WORK_SETTINGS, minThreads: DEFAULT_HEAVY_WORK_SETTINGS.maxThreads };
  // A pool a first request started already is warmed as it is: replacing it would stop that request's job.
  sharedPool ??= createPool(settings);
  const started = sharedPool;
  for (const module of modules) {
    const jobs = Array.from({ length: settings.maxThreads }, () =>
      started.run({ input: { holdMs: 300 } } satisfies JobInput<unknown>, { filename: module.href, name: "warm" }),
    );
    await Promise.all(jobs);
  }
}

function createPool(settings: HeavyWorkSettings): Piscina {
  return new Piscina({
    // A default module is required; every job names its own (`filename` on run).
    filename: workerModule("work/idleWorker").href,
    minThreads: settings.minThreads,
    maxThreads: settings.maxThreads,
    maxQueue: settings.maxQueue,
    // Threads above minThreads end after a minute idle.
    idleTimeout: 60_000,
    // Worker threads do not inherit tsx's loader: a TypeScript module needs it again. The build needs none.
    execArgv: RUNS_FROM_SOURCE ? ["--import", "tsx"] : [],
    resourceLimits: { maxOldGenerationSizeMb: settings.maxHeapMb },
  });
}

/**
 * Runs `target(input)` on a worker thread of the process's one pool, so the event loop keeps answering every
 * other request meanwhile. `input` and the answer are copied between threads (structured clone). An AppError the
 * job throws arrives here as the same AppError. The job's time counts from when a thread starts it (the thread says
 * so through a MessagePort), not while it waits for one. Errors: UNPROCESSABLE (422, `details.limit: "time"`) when
 * the job outruns `budget.timeMs`; PAYLOAD_TOO_LARGE (413, `details.limit: "memory"`) when its thread runs out of
 * heap; BUSY (503, `details.limit: "queue"`) when too many jobs wait already, or this one waited longer than
 * `budget.queueWaitMs` for a thread. The thread of a stopped or failed job is replaced by the pool.
 */
export async function runHeavyJob<Input, Output>(target: JobTarget, input: Input, budget: JobBudget): Promise<Output> {
  const controller = new AbortController();
  let stoppedFor: "time" | "queue" | undefined;
  const stop = (reason: "time" | "queue") => {
    stoppedFor = reason;
    controller.abort();
  };
  let timer = setTimeout(() => stop("queue"), budget.queueWaitMs ?? DEFAULT_QUEUE_WAIT_MS);
  const { port1: startedHere, port2: startedThere } = new MessageChannel();
  startedHere.once("message", () => {
    clearTimeout(timer);
    timer = setTimeout(() => stop("time"), budget.timeMs);
  });
  startedHere.unref();
  const job: JobInput<Input> = { input, started: startedThere };
  let answer: WorkerAnswer<Output>;
  try {
    answer = await pool().run(job, {
      filename: target.module.href,
      name: target.name,
      signal: controller.signal,
      transferList: [startedThere],
    });
  } catch (error) {
    throw jobFailure(error, budget, stoppedFor);
  } finally {
    clearTimeout(timer);
    startedHere.close();
  }
  if (answer.ok) return answer.value;
  throw new AppError(answer.error.code, answer.error.message, answer.error.details);
}

/** How long a job may wait for a thread before it is refused with 503, in ms, unless its budget says otherwise. */
const DEFAULT_QUEUE_WAIT_MS = 60_000;

function jobFailure(error: unknown, budget: JobBudget, stoppedFor: "time" | "queue" | undefined): Error {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  if (stoppedFor === "time") {
    return appError("UNPROCESSABLE", `${budget.label} took longer than ${budget.timeMs / 1000} s and was stopped.`, {
      limit: "time",
      limitMs: budget.timeMs,
    });
  }
  if (code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory/i.test(message)) {
    return appError(
      "PAYLOAD_TOO_LARGE",
      `${budget.label} needed more than ${DEFAULT_HEAVY_WORK_SETTINGS.maxHeapMb} MB of memory and was stopped.`,
      { limit: "memory", limitMb: DEFAULT_HEAVY_WORK_SETTINGS.maxHeapMb },
    );
  }
  if (stoppedFor === "queue" || /queue is at limit/i.test(message)) {
    return appError("BUSY", "The server is busy with other large jobs. Try again in a minute.", { limit: "queue" });
  }
  return error instanceof Error ? error : new Error(message);
}

function appError(code: ErrorCode, message: string, details: Record<string, unknown>): AppError {
  return new AppError(code, message, details);
}

/** Ends the pool's threads (server shutdown; tests that count threads). The next job starts a new pool. */
export async function closeHeavyWork(): Promise<void> {
  const current = sharedPool;
  sharedPool = undefined;
  await current?.destroy();
}
