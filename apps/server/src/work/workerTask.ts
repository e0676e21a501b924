import type { MessagePort } from "node:worker_threads";
import { AppError, type ErrorCode } from "@factmark/core";

/** What runHeavyJob sends a thread: the job's input, and a port to say the job has started (its time counts from then). */
export interface JobInput<Input> {
  input: Input;
  started?: MessagePort;
}

/** What a job sends back: its value, or the AppError it threw as plain data (an Error's own fields do not cross threads). */
export type WorkerAnswer<Output> =
  | { ok: true; value: Output }
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } };

/**
 * Wraps a job function for a worker module: `export const convert = workerTask((input: X) => ...)`. An AppError it
 * throws is answered as data, so `runHeavyJob` rethrows it unchanged on the main thread; any other error crashes
 * the job as usual (a 500 there).
 */
export function workerTask<Input, Output>(
  run: (input: Input) => Output | Promise<Output>,
): (job: JobInput<Input>) => Promise<WorkerAnswer<Output>> {
  return async ({ input, started }) => {
    started?.postMessage("started");
    started?.close();
    try {
      return { ok: true, value: await run(input) };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
      }
      throw error;
    }
  };
}
