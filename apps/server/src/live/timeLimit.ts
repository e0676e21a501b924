/**
 * How long a live stream waits for the database to answer one of its queries (ms): a connection that never
 * answers must not stop a reviewer's stream for good.
 */
export const LIVE_QUERY_LIMIT_MS = 15_000;

/** The steps a time limit is counted in: a time the event loop was held counts as one step, however long. */
const STEPS = 10;

/**
 * Answers what `work` answers, or rejects with "<what> did not answer within <timeMs> ms." if it has not
 * settled within `timeMs` of this process's event loop running. The time is counted in steps of a tenth of it,
 * each a timer of its own: a time the loop was held by other work (a long synchronous task, a pause) counts
 * as one step, so an answer that waited meanwhile (or needs a few more turns of the loop) is not given up.
 * The work itself goes on; its late answer, or error, is dropped.
 */
export function withinTime<T>(work: Promise<T>, timeMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    let steps = 0;
    const step = () => {
      steps += 1;
      if (steps >= STEPS) {
        reject(new Error(`${what} did not answer within ${timeMs} ms.`));
        return;
      }
      timer = setTimeout(step, timeMs / STEPS);
      timer.unref();
    };
    timer = setTimeout(step, timeMs / STEPS);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
