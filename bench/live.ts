// Live: 50 reviewers hold the article's event stream open (GET /api/articles/:id/events) while 50 other
// reviewers write to it at the load run's pace, against the full app in its own process, on loopback, on the
// load run's article (2,000 claims). For every write: when its HTTP answer reached the writer, and when its
// "change" event reached each stream (matched by claim id and action). Every stream must then hold each
// change number once, in order, from the one its "hello" named to the article's last. The same writes made
// before any stream opened give the round trip with no one listening.
import { cpus, loadavg } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createDatabase, type DatabaseProvider } from "../apps/server/src/db/createDatabase";
import { createThrowawayDatabase } from "../apps/server/src/db/throwawayDatabase";
import { ensureAccount, SEED_ADMIN } from "../apps/server/src/repositories/accountRepository";
import { createArticle } from "../apps/server/src/services/articles/createArticle";
import { createClaim } from "../apps/server/src/services/claims/createClaim";
import { type LiveChange, type LiveHello, type Verdict, ZLiveChange, ZLiveHello } from "../packages/core/src/index";
import { startAppServer } from "./appServer";
import { generateArticle } from "./fixture";
import { signInBenchReviewers } from "./signInBenchAdmin";
import type { BenchRow } from "./table";

const SUBSCRIBERS = 50;
const WRITERS = 50;
/** Measured writes, after the warm-up: 20 s at the pace below. */
const WRITES = Number(process.env.BENCH_LIVE_WRITES ?? 1000);
/** One create and one verdict change per writer, before measuring: the server's write and stream paths run cold at first. */
const WARMUP_WRITES = 2 * WRITERS;
/** Writes before any stream opens, at the same pace: the round trip with no one listening, to compare with. */
const QUIET_WRITES = Number(process.env.BENCH_LIVE_QUIET_WRITES ?? 250);
/**
 * Writes a second per writer: the load run's pace (BENCH_LOAD_RATE, 2 requests a second per reviewer) is a
 * mark and a list refresh; here the stream replaces the refresh, which leaves one write a second each.
 */
const WRITES_PER_SECOND = Number(process.env.BENCH_LOAD_RATE ?? 2) / 2;
const P99_GOAL_MS = 250;
/**
 * How long the streams get to deliver after the last write is answered: longer than a stream's 10 s refresh,
 * which sends a change whose hint came before its commit and outlasted the stream's re-reads.
 */
const DRAIN_MS = 12_000;
const VERDICTS: Verdict[] = ["contradicted", "supported"];

type WriteAction = "claim.created" | "claim.verdict_changed";

interface WriteRecord {
  action: WriteAction;
  /** Empty when a create failed. */
  claimId: string;
  status: number;
  sentAt: number;
  answeredAt: number;
  isMeasured: boolean;
}

interface ServerSentEvent {
  event: string;
  id: string | undefined;
  data: string;
}

interface Subscriber {
  hello: LiveHello;
  /** Change numbers in the order the stream sent them. */
  numbers: number[];
  /** performance.now() at arrival, by `${claimId} ${action}`. */
  arrivals: Map<string, number>;
  /** What went wrong with the stream, if anything: it ended before the bench closed it, or an id was not its change number. */
  fault: string | undefined;
  close(): Promise<void>;
}

const keyOf = (claimId: string, action: string) => `${claimId} ${action}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/**
 * Reads a text/event-stream body as EventSource does (event, id, data lines; a blank line ends an event;
 * lines starting with ":" are comments), calling `onEvent` with the time the chunk holding the event arrived.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerSentEvent, receivedAt: number) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let id: string | undefined;
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const receivedAt = performance.now();
    buffer += decoder.decode(value, { stream: true });
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      const line = buffer.slice(0, newline).replace(/\r$/, "");
      buffer = buffer.slice(newline + 1);
      if (line === "") {
        if (data.length > 0) onEvent({ event: event || "message", id, data: data.join("\n") }, receivedAt);
        event = "";
        id = undefined;
        data = [];
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = text;
      else if (field === "id") id = text;
      else if (field === "data") data.push(text);
    }
  }
}

/** Opens one reviewer's stream; resolves once its "hello" has come. */
async function subscribe(eventsUrl: string, cookie: string): Promise<Subscriber> {
  const controller = new AbortController();
  const response = await fetch(eventsUrl, {
    headers: { cookie, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) {
    throw new Error(`The event stream answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
  const numbers: number[] = [];
  const arrivals = new Map<string, number>();
  let isClosing = false;
  let fault: string | undefined;
  let onHello: (hello: LiveHello) => void = () => {};
  const hello = new Promise<LiveHello>((resolve) => {
    onHello = resolve;
  });
  const reading = readServerSentEvents(response.body, (event, receivedAt) => {
    if (event.event === "hello") onHello(ZLiveHello.parse(JSON.parse(event.data)));
    if (event.event !== "change") return;
    const change: LiveChange = ZLiveChange.parse(JSON.parse(event.data));
    if (event.id !== String(change.changeNumber)) {
      fault ??= `event id ${event.id} is not its change number ${change.changeNumber}`;
    }
    numbers.push(change.changeNumber);
    for (const claimId of change.claimIds) {
      for (const action of change.actions) {
        const key = keyOf(claimId, action);
        if (!arrivals.has(key)) arrivals.set(key, receivedAt);
      }
    }
  }).then(
    () => {
      if (!isClosing) fault ??= "the server ended the stream";
    },
    (error: unknown) => {
      if (!isClosing) fault ??= String(error);
    },
  );
  const subscriber: Subscriber = {
    hello: await Promise.race([
      hello,
      reading.then(() => Promise.reject(new Error(`The stream ended before its hello: ${fault}`))),
    ]),
    numbers,
    arrivals,
    get fault() {
      return fault;
    },
    close: async () => {
      isClosing = true;
      controller.abort();
      await reading;
    },
  };
  return subscriber;
}

/**
 * `writes` writes in all, shared among the writers, each writer paced at WRITES_PER_SECOND and starting a
 * little after the last (so their seconds do not all begin together): mark a claim, then change its verdict.
 */
async function drive(
  baseUrl: string,
  articleId: string,
  cookies: string[],
  bodies: string[],
  writes: number,
  isMeasured: boolean,
): Promise<WriteRecord[]> {
  const intervalMs = 1000 / WRITES_PER_SECOND;
  const perWriter = Math.ceil(writes / cookies.length);
  const records: WriteRecord[] = [];
  let nextBody = 0;
  let nextVerdict = 0;
  await Promise.all(
    cookies.map(async (cookie, writer) => {
      await sleep((writer * intervalMs) / cookies.length);
      const startedAt = performance.now();
      let made: { id: string; etag: string } | undefined;
      for (let index = 0; index < perWriter; index++) {
        await sleep(startedAt + index * intervalMs - performance.now());
        const headers = { cookie, "content-type": "application/json" };
        const sentAt = performance.now();
        if (made === undefined) {
          const response = await fetch(`${baseUrl}/api/articles/${articleId}/claims`, {
            method: "POST",
            headers,
            body: bodies[nextBody++ % bodies.length],
          });
          const answeredAt = performance.now();
          const claim = response.ok ? ((await response.json()) as { id: string }) : undefined;
          if (!claim) await response.arrayBuffer();
          const etag = response.headers.get("etag");
          if (claim && etag) made = { id: claim.id, etag };
          records.push({
            action: "claim.created",
            claimId: claim?.id ?? "",
            status: response.status,
            sentAt,
            answeredAt,
            isMeasured,
          });
        } else {
          const response = await fetch(`${baseUrl}/api/claims/${made.id}`, {
            method: "PATCH",
            headers: { ...headers, "if-match": made.etag },
            body: JSON.stringify({ verdict: VERDICTS[nextVerdict++ % VERDICTS.length] }),
          });
          const answeredAt = performance.now();
          await response.arrayBuffer();
          records.push({
            action: "claim.verdict_changed",
            claimId: made.id,
            status: response.status,
            sentAt,
            answeredAt,
            isMeasured,
          });
          made = undefined;
        }
      }
    }),
  );
  return records;
}

/** The article's last change number, as the claim list's cursor tells it. */
async function readLastChangeNumber(baseUrl: string, articleId: string, cookie: string, since: number) {
  const response = await fetch(`${baseUrl}/api/articles/${articleId}/claims?since=${since}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`The claim list answered ${response.status}.`);
  return ((await response.json()) as { cursor: number }).cursor;
}

/** Waits until every stream has seen change `last`, or `timeoutMs` passed. */
async function drain(subscribers: Subscriber[], last: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (subscribers.every((subscriber) => (subscriber.numbers.at(-1) ?? subscriber.hello.changeNumber) >= last)) return;
    await sleep(20);
  }
}

/** What each stream should hold against what it held: numbers missing, repeated, out of order. */
function checkSequence(subscriber: Subscriber, last: number) {
  const seen = new Set<number>();
  let repeated = 0;
  let outOfOrder = 0;
  let outOfRange = 0;
  subscriber.numbers.forEach((number, index) => {
    if (seen.has(number)) repeated++;
    else if (index > 0 && number < (subscriber.numbers[index - 1] ?? 0)) outOfOrder++;
    if (number <= subscriber.hello.changeNumber || number > last) outOfRange++;
    seen.add(number);
  });
  const missing: number[] = [];
  for (let number = subscriber.hello.changeNumber + 1; number <= last; number++) {
    if (!seen.has(number)) missing.push(number);
  }
  return { missing, repeated, outOfOrder, outOfRange };
}

interface LiveResult {
  /** Writes before any stream opened; the measured ones give the round trip the streams are compared against. */
  quiet: WriteRecord[];
  /** Writes while the streams were open, warm-up and measured. */
  writes: WriteRecord[];
  subscribers: Subscriber[];
  first: number;
  last: number;
  /** Server CPU seconds over the measured writes, and their wall-clock seconds. */
  serverCpu: { seconds: number; wallSeconds: number } | undefined;
  /** The bench process's own event-loop delay over the measured writes, p99 in ms: it times every arrival. */
  benchLoopDelayP99Ms: number;
  /** The machine's 1-minute load average when the measured writes began (other work shares its cores). */
  loadAverage: number;
}

/** Sets up the article and the reviewers, opens the streams, writes, and answers what each side saw. */
async function runLive(databaseUrl: string): Promise<LiveResult> {
  const article = generateArticle();
  const db = await createDatabase(databaseUrl);
  let articleId: string;
  let cookies: string[];
  try {
    await ensureAccount(db, SEED_ADMIN);
    const created = await createArticle(db, SEED_ADMIN, {
      title: article.title,
      format: "text",
      content: article.content,
    });
    articleId = created.id;
    for (const position of article.spans) await createClaim(db, SEED_ADMIN, articleId, { selectors: { position } });
    cookies = await signInBenchReviewers(db, SUBSCRIBERS + WRITERS);
  } finally {
    await db.$disconnect();
  }
  const subscriberCookies = cookies.slice(0, SUBSCRIBERS);
  const writerCookies = cookies.slice(SUBSCRIBERS);
  const bodies = article.spans.map((span) =>
    JSON.stringify({ selectors: { position: span, quote: { exact: article.content.slice(span.start, span.end) } } }),
  );
  const server = await startAppServer(databaseUrl);
  const subscribers: Subscriber[] = [];
  try {
    const write = (amount: number, isMeasured: boolean) =>
      drive(server.baseUrl, articleId, writerCookies, bodies, amount, isMeasured);
    const quiet = [...(await write(WARMUP_WRITES, false)), ...(await write(QUIET_WRITES, true))];

    const eventsUrl = `${server.baseUrl}/api/articles/${articleId}/events`;
    const opened = await Promise.allSettled(subscriberCookies.map((cookie) => subscribe(eventsUrl, cookie)));
    for (const result of opened) if (result.status === "fulfilled") subscribers.push(result.value);
    const refused = opened.find((result) => result.status === "rejected");
    if (refused) throw new Error(`${SUBSCRIBERS - subscribers.length} streams did not open: ${refused.reason}`);
    const first = Math.min(...subscribers.map((subscriber) => subscriber.hello.changeNumber));
    const reader = writerCookies[0] as string;

    const warmup = await write(WARMUP_WRITES, false);
    await drain(subscribers, await readLastChangeNumber(server.baseUrl, articleId, reader, first), DRAIN_MS);
    const loadAverage = loadavg()[0] ?? Number.NaN;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = server.cpuSeconds();
    const startedAt = performance.now();
    const measured = await write(WRITES, true);
    const cpuAfter = server.cpuSeconds();
    loopDelay.disable();
    const wallSeconds = (performance.now() - startedAt) / 1000;
    // Every write has been answered and no one else writes: the cursor is the last write's change number.
    const last = await readLastChangeNumber(server.baseUrl, articleId, reader, first);
    await drain(subscribers, last, DRAIN_MS);
    return {
      quiet,
      writes: [...warmup, ...measured],
      subscribers,
      first,
      last,
      serverCpu:
        cpuBefore === undefined || cpuAfter === undefined ? undefined : { seconds: cpuAfter - cpuBefore, wallSeconds },
      benchLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      loadAverage,
    };
  } finally {
    await Promise.all(subscribers.map((subscriber) => subscriber.close()));
    await server.stop();
  }
}

/** The live section's rows for `pnpm bench`: SQLite in a temporary file, or a throwaway PostgreSQL database. */
export async function benchLive(provider: DatabaseProvider, serverUrl?: string): Promise<BenchRow[]> {
  const section = `Live (${SUBSCRIBERS} subscribers, ${provider === "sqlite" ? "SQLite" : "PostgreSQL"})`;
  const database = await createThrowawayDatabase("factmark_live", provider === "postgresql" ? serverUrl : undefined);
  let result: LiveResult;
  try {
    result = await runLive(database.url);
  } finally {
    await database.drop();
  }
  const { quiet, writes, subscribers, first, last, serverCpu, benchLoopDelayP99Ms, loadAverage } = result;

  const succeeded = writes.filter((write) => write.status < 300);
  const measured = succeeded.filter((write) => write.isMeasured);
  const roundTrips = sortedRoundTrips(measured);
  const quietRoundTrips = sortedRoundTrips(quiet.filter((write) => write.isMeasured && write.status < 300));
  const deliveries: number[] = [];
  /** Per write: the first stream's delivery, and how much later the last stream had it. */
  const firstDeliveries: number[] = [];
  const spreads: number[] = [];
  let undelivered = 0;
  const undeliveredWrites = new Set<WriteRecord>();
  for (const write of measured) {
    const arrivals: number[] = [];
    for (const subscriber of subscribers) {
      const arrivedAt = subscriber.arrivals.get(keyOf(write.claimId, write.action));
      if (arrivedAt === undefined) {
        undelivered++;
        undeliveredWrites.add(write);
      } else arrivals.push(arrivedAt);
    }
    deliveries.push(...arrivals.map((arrivedAt) => arrivedAt - write.answeredAt));
    if (arrivals.length === 0) continue;
    firstDeliveries.push(Math.min(...arrivals) - write.answeredAt);
    spreads.push(Math.max(...arrivals) - Math.min(...arrivals));
  }
  deliveries.sort((left, right) => left - right);
  firstDeliveries.sort((left, right) => left - right);
  spreads.sort((left, right) => left - right);
  const beforeAnswer = deliveries.filter((latency) => latency < 0).length;

  const checks = subscribers.map((subscriber) => checkSequence(subscriber, last));
  const total = (count: (check: ReturnType<typeof checkSequence>) => number) =>
    checks.reduce((sum, check) => sum + count(check), 0);
  const missing = total((check) => check.missing.length);
  const repeated = total((check) => check.repeated);
  const outOfOrder = total((check) => check.outOfOrder);
  const outOfRange = total((check) => check.outOfRange);
  const lost = missing + repeated + outOfOrder + outOfRange;
  const missingNote = checks
    .map((check, index) => ({ index, missing: check.missing }))
    .filter((entry) => entry.missing.length > 0)
    .slice(0, 5)
    .map((entry) => `stream ${entry.index} lacks #${entry.missing.slice(0, 8).join(", #")}`)
    .join("; ");
  const faulty = subscribers.filter((subscriber) => subscriber.fault !== undefined);

  const countStatuses = (list: WriteRecord[]) => {
    const counts: Record<number, number> = {};
    for (const write of list) counts[write.status] = (counts[write.status] ?? 0) + 1;
    return JSON.stringify(counts);
  };
  const failed = [...quiet, ...writes].filter((write) => write.status >= 300).length;
  const measuredAll = writes.filter((write) => write.isMeasured);
  const seconds =
    (Math.max(...measuredAll.map((write) => write.answeredAt)) -
      Math.min(...measuredAll.map((write) => write.sentAt))) /
    1000;
  const p50 = percentile(deliveries, 0.5);
  const p99 = percentile(deliveries, 0.99);
  const roundTripP50 = percentile(roundTrips, 0.5);
  const roundTripP99 = percentile(roundTrips, 0.99);
  const quietP50 = percentile(quietRoundTrips, 0.5);
  const quietP99 = percentile(quietRoundTrips, 0.99);
  const cpuNote = serverCpu
    ? `; the server used ${serverCpu.seconds.toFixed(1)} CPU s in ${serverCpu.wallSeconds.toFixed(1)} s (${(serverCpu.seconds / serverCpu.wallSeconds).toFixed(2)} cores)`
    : "";

  return [
    {
      section,
      name: "delivery: write answered → its change event at a stream, p50",
      unit: "ms",
      value: p50,
      baseline: roundTripP50,
      ratio: p50 / roundTripP50,
      note: `${measured.length} writes × ${subscribers.length} streams = ${deliveries.length} deliveries; ${beforeAnswer} came before the writer had its answer; baseline: the same writes' HTTP round trip`,
    },
    {
      section,
      name: "delivery: p99",
      unit: "ms",
      value: p99,
      baseline: roundTripP99,
      ratio: p99 / roundTripP99,
      goal: `< ${P99_GOAL_MS} ms`,
      isGoalMet: p99 < P99_GOAL_MS,
      note: `max ${(deliveries.at(-1) ?? Number.NaN).toFixed(0)} ms; timed in the bench process, which reads all ${subscribers.length} streams (its event-loop delay p99 ${benchLoopDelayP99Ms.toFixed(0)} ms)`,
    },
    {
      section,
      name: `delivery: the first of the ${subscribers.length} streams to the last, same write, p50`,
      unit: "ms",
      value: percentile(spreads, 0.5),
      note: `p99 ${percentile(spreads, 0.99).toFixed(0)} ms; the first stream's delivery: p50 ${percentile(firstDeliveries, 0.5).toFixed(1)} ms, p99 ${percentile(firstDeliveries, 0.99).toFixed(0)} ms`,
    },
    {
      section,
      name: `write round trip with ${subscribers.length} streams open, p50`,
      unit: "ms",
      value: roundTripP50,
      baseline: quietP50,
      ratio: roundTripP50 / quietP50,
      note: `baseline: ${quietRoundTrips.length} writes at the same pace before any stream opened`,
    },
    {
      section,
      name: `write round trip with ${subscribers.length} streams open, p99`,
      unit: "ms",
      value: roundTripP99,
      baseline: quietP99,
      ratio: roundTripP99 / quietP99,
      note: `max ${(roundTrips.at(-1) ?? Number.NaN).toFixed(0)} ms, with no stream ${(quietRoundTrips.at(-1) ?? Number.NaN).toFixed(0)} ms${cpuNote}`,
    },
    {
      section,
      name: `lost events: change numbers missing, repeated or out of order (${subscribers.length} streams)`,
      unit: "",
      value: lost,
      goal: "0",
      isGoalMet: lost === 0 && faulty.length === 0,
      note:
        `each stream from its hello (#${first}) to the last write's change (#${last}, ${succeeded.length} writes answered 2xx): ` +
        `missing ${missing}, repeated ${repeated}, out of order ${outOfOrder}, outside the range ${outOfRange}; ` +
        `${faulty.length} streams ended early or mislabelled an event${faulty.length > 0 ? ` (${faulty[0]?.fault})` : ""}` +
        (missingNote ? `; ${missingNote}` : ""),
    },
    {
      section,
      name: "lost events: measured writes whose event missed a stream",
      unit: "",
      value: undeliveredWrites.size,
      goal: "0",
      isGoalMet: undeliveredWrites.size === 0,
      note: `${undelivered} of ${measured.length * subscribers.length} write × stream pairs undelivered after a ${DRAIN_MS / 1000} s drain`,
    },
    {
      section,
      name: "writes refused or failed",
      unit: "",
      value: failed,
      goal: "0",
      isGoalMet: failed === 0,
      note: `${measuredAll.length} measured writes (after ${WARMUP_WRITES} warm-up) in ${seconds.toFixed(1)} s (${(Math.ceil(WRITES / WRITERS) / WRITES_PER_SECOND).toFixed(0)} s at the pace) by ${WRITERS} other reviewers, ${WRITES_PER_SECOND} a second each: mark a claim, then change its verdict; statuses before the streams opened ${countStatuses(quiet)}, with them open ${countStatuses(writes)}; load average ${loadAverage.toFixed(1)} on ${cpus().length} cores`,
    },
  ];
}

function sortedRoundTrips(writes: WriteRecord[]): number[] {
  return writes.map((write) => write.answeredAt - write.sentAt).sort((left, right) => left - right);
}
