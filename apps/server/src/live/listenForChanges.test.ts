import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../db/createDatabase";
import { createTestDatabase } from "../test/createTestApp";
import { CHANGE_CHANNEL, onChange } from "./changeHints";
import { listenForChanges } from "./listenForChanges";

// PostgreSQL only: SQLite has no LISTEN. A real server; between it and the listener, where a test needs one,
// a TCP relay that can swallow a connection or go silent, as a broken network does.
const database = await createTestDatabase();
const isPostgres = database.url.startsWith("postgres");
const notifier = isPostgres ? new pg.Client({ connectionString: database.url }) : undefined;
await notifier?.connect();
const relays: net.Server[] = [];
afterAll(async () => {
  await notifier?.end();
  for (const relay of relays) relay.close();
  await database.drop();
});

let listeners = 0;
/** The database's URL under a name of its own in pg_stat_activity, through `port` when given. */
function listenerUrl(port?: number): { url: string; name: string } {
  listeners += 1;
  const name = `factmark_listen_test_${process.pid}_${listeners}`;
  const url = new URL(database.url);
  if (port !== undefined) {
    url.hostname = "127.0.0.1";
    url.port = String(port);
  }
  url.searchParams.set("application_name", name);
  return { url: url.toString(), name };
}

function endConnectionsNamed(name: string): Promise<unknown> {
  return (notifier as pg.Client).query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
    [name],
  );
}

async function connectionsNamed(name: string): Promise<number> {
  const { rows } = await (notifier as pg.Client).query<{ count: string }>(
    "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1",
    [name],
  );
  return Number(rows[0]?.count ?? 0);
}

let articles = 0;
/**
 * Announces a change to a made-up article through NOTIFY every 100 ms until the listener passes one on;
 * answers how long that took (ms), or rejects after `timeMs`.
 */
async function hintArrives(timeMs: number): Promise<number> {
  articles += 1;
  const articleId = `listen-test-${articles}`;
  const started = Date.now();
  let isHeard = false;
  const stop = onChange(articleId, () => {
    isHeard = true;
  });
  try {
    while (!isHeard) {
      if (Date.now() - started > timeMs) throw new Error(`No hint passed on within ${timeMs} ms.`);
      await (notifier as pg.Client).query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, `${articleId}:1`]);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return Date.now() - started;
  } finally {
    stop();
  }
}

/** Whether one NOTIFY of a change, sent now, is passed on within `timeMs`. */
async function oneHintArrives(timeMs: number): Promise<boolean> {
  articles += 1;
  const articleId = `listen-test-${articles}`;
  let isHeard = false;
  const stop = onChange(articleId, () => {
    isHeard = true;
  });
  try {
    await (notifier as pg.Client).query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, `${articleId}:1`]);
    const deadline = Date.now() + timeMs;
    while (!isHeard && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return isHeard;
  } finally {
    stop();
  }
}

/**
 * A TCP relay to the database server: each connection is passed through, or, while `swallowNext` is set,
 * taken and never answered; `silence()` stops passing anything on the connections open now, without
 * closing them (a network that drops packets).
 */
async function startRelay() {
  const target = new URL(database.url);
  const silenced = new Set<net.Socket>();
  const open = new Set<net.Socket>();
  const relay = {
    swallowNext: false,
    port: 0,
    silence() {
      for (const socket of open) silenced.add(socket);
    },
  };
  const server = net.createServer((socket) => {
    socket.on("error", () => {});
    if (relay.swallowNext) return;
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    upstream.on("error", () => socket.destroy());
    socket.on("close", () => upstream.destroy());
    upstream.on("close", () => socket.destroy());
    open.add(socket);
    socket.on("data", (data) => {
      if (!silenced.has(socket)) upstream.write(data);
    });
    upstream.on("data", (data) => {
      if (!silenced.has(socket)) socket.write(data);
    });
  });
  relays.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  relay.port = (server.address() as net.AddressInfo).port;
  return relay;
}

const quick = { retryMs: 100, connectLimitMs: 500, checkEveryMs: 300, checkLimitMs: 500 };

describe.runIf(isPostgres)("listening for other processes' changes (PostgreSQL)", () => {
  it("passes on a change another process announces", async () => {
    const { url } = listenerUrl();
    const { stop } = listenForChanges(url);
    expect(await hintArrives(5000)).toBeLessThan(5000);
    await stop();
  });

  it("says when it listens, and from then on misses no change", async () => {
    const { url } = listenerUrl();
    const listener = listenForChanges(url);
    expect(await listener.listening).toBe(true);
    expect(await oneHintArrives(1000)).toBe(true);
    await listener.stop();
  });

  it("starts a server's database listening, so a change announced as soon as it is made reaches its streams", async () => {
    const db = await createDatabase(database.url);
    try {
      expect(await oneHintArrives(1000)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("leaves no connection open when stopped before its connection was ready", async () => {
    const { url, name } = listenerUrl();
    const listener = listenForChanges(url);
    await listener.stop();
    // Stopped first, it never listened: whoever waits for it to is not left waiting.
    expect(await listener.listening).toBe(false);
    // Long enough for a connection begun before the stop to have connected and LISTENed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const left = await connectionsNamed(name);
    // A connection left listening would pass on the other tests' hints: ended here whatever the outcome.
    await endConnectionsNamed(name);
    expect(left).toBe(0);
  });

  it("listens again when the server ends its connection", async () => {
    const { url, name } = listenerUrl();
    const { stop } = listenForChanges(url, quick);
    await hintArrives(5000);
    await endConnectionsNamed(name);
    expect(await hintArrives(5000)).toBeLessThan(5000);
    await stop();
    expect(await connectionsNamed(name)).toBe(0);
  });

  it("gives up a connection the server never answers, and connects again", async () => {
    const relay = await startRelay();
    relay.swallowNext = true;
    const { url } = listenerUrl(relay.port);
    const { stop } = listenForChanges(url, quick);
    await new Promise((resolve) => setTimeout(resolve, 200));
    relay.swallowNext = false;
    expect(await hintArrives(5000)).toBeLessThan(5000);
    await stop();
  });

  it("notices a connection gone silent, and connects again", async () => {
    const relay = await startRelay();
    const { url } = listenerUrl(relay.port);
    const { stop } = listenForChanges(url, quick);
    await hintArrives(5000);
    relay.silence();
    expect(await hintArrives(5000)).toBeLessThan(5000);
    await stop();
  });
});
