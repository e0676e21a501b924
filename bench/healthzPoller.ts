// The responsiveness bench's /healthz poller, on its own thread: polling from the thread that also builds and sends
// a 3.6 MB upload measured the client's own stalls as the server's.
import http from "node:http";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/**
 * One GET /healthz on the poller's own connection: whether it answered 200. Never rejects. A kept-alive socket
 * the server closed as the request left is tried once more on a new one, as Node's documentation advises: that
 * race is the client's, not a failure of the server.
 */
export function getHealth(baseUrl: string, agent: http.Agent, signal: AbortSignal, isRetry = false): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${baseUrl}/healthz`, { agent, signal }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode === 200));
      response.once("error", () => resolve(false));
    });
    request.once("error", (error: NodeJS.ErrnoException) => {
      const isStaleSocket = request.reusedSocket && error.code === "ECONNRESET" && !signal.aborted && !isRetry;
      resolve(isStaleSocket ? getHealth(baseUrl, agent, signal, true) : false);
    });
  });
}

export interface PollResult {
  /** One per interval slot, in ms: how long a poll due then waited for its answer. */
  latencies: number[];
  /** Polls answered with anything but 200, or not at all (connection refused, reset). */
  failures: number;
  /** Whether a poll was still waiting for its answer when the window closed (its slots count up to then). */
  isUnansweredAtEnd: boolean;
}

interface PollerSettings {
  baseUrl: string;
  /** One poll every intervalMs (20 in the bench). */
  intervalMs: number;
  /** How long a poll in flight at the stop gets to come back before it is given up as unanswered. */
  maxGoalMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Polls /healthz every `intervalMs` from a worker thread, one request at a time on one keep-alive connection, until
 * `stop`. Latencies are counted per slot, not per request: while one poll waits 2 s, the 100 polls due meanwhile
 * would each have waited until its answer too, and are counted so (coordinated omission corrected). Resolves once
 * the thread polls.
 */
export async function startPoller(
  baseUrl: string,
  settings: { intervalMs: number; maxGoalMs: number },
): Promise<{ stop(): Promise<PollResult> }> {
  const worker = new Worker(new URL("./healthzPollerWorker.mjs", import.meta.url), {
    workerData: { healthzPoller: { baseUrl, ...settings } satisfies PollerSettings },
  });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  await next(); // "polling"
  return {
    stop: async () => {
      const result = next();
      worker.postMessage("stop");
      const answer = (await result) as PollResult;
      await worker.terminate();
      return answer;
    },
  };
}

function poll({ baseUrl, intervalMs, maxGoalMs }: PollerSettings) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failures = 0;
  let isStopping = false;
  let isUnansweredAtEnd = false;
  let current: AbortController | undefined;
  const loop = (async () => {
    let slot = performance.now();
    while (!isStopping) {
      await sleep(slot - performance.now());
      if (isStopping) break;
      current = new AbortController();
      const isOk = await getHealth(baseUrl, agent, current.signal);
      const answeredAt = performance.now();
      if (isStopping && current.signal.aborted) isUnansweredAtEnd = true;
      else if (!isOk) failures++;
      for (; slot <= answeredAt; slot += intervalMs) latencies.push(answeredAt - slot);
    }
  })();
  parentPort?.once("message", async () => {
    isStopping = true;
    await Promise.race([loop, sleep(maxGoalMs)]);
    current?.abort();
    await loop;
    agent.destroy();
    parentPort?.postMessage({ latencies, failures, isUnansweredAtEnd } satisfies PollResult);
  });
  parentPort?.postMessage("polling");
}

if (!isMainThread && (workerData as { healthzPoller?: PollerSettings } | null)?.healthzPoller) {
  poll((workerData as { healthzPoller: PollerSettings }).healthzPoller);
}
