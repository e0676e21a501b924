import { setTimeout as sleep } from "node:timers/promises";
import { workerTask } from "./workerTask";

/**
 * A job that only loads its module on a thread: every worker module re-exports it (`export { warm } from
 * "../work/warm"`), so warmHeavyWork can load jsdom, mammoth, pdfkit and the rest before the first user waits for
 * them (seconds under tsx). It holds its thread `holdMs` so that jobs sent together land on different threads.
 */
export const warm = workerTask(async (input: { holdMs: number }) => {
  await sleep(input.holdMs);
  return true;
});
