import { spawn } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SEED_ADMIN } from "../repositories/accountRepository";
import { closedPort } from "../test/closedPort";
import { createTestDatabase } from "../test/createTestApp";
import { createDatabase, whenDatabaseReachable } from "./createDatabase";
import { SAMPLE_ARTICLE_ID, seed } from "./seed";

// PostgreSQL only: a real server, reached through a TCP relay that the test starts when it chooses, as a database
// that comes up after the app would be.
const database = await createTestDatabase();
const isPostgres = database.url.startsWith("postgres");
afterAll(() => database.drop());

/** The test database's URL, reached through a relay on `port`. */
function urlThrough(port: number): URL {
  const url = new URL(database.url);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url;
}

/** The connections a relay passes on, to cut them as a database going away would. */
const relayed = new WeakMap<net.Server, Set<net.Socket>>();

/** From now on, passes every connection to `port` on to the database server. */
async function startRelay(port: number): Promise<net.Server> {
  const target = new URL(database.url);
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((socket) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(socket).add(upstream);
    socket.on("error", () => upstream.destroy());
    upstream.on("error", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  relayed.set(relay, sockets);
  await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
  return relay;
}

describe.runIf(isPostgres)("a server started before its PostgreSQL", () => {
  it("waits for the database, then starts, instead of stopping", async () => {
    const port = await closedPort();
    const url = urlThrough(port);
    const starting = createDatabase(url.toString());
    let isStarted = false;
    void starting.then(() => {
      isStarted = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(isStarted).toBe(false);

    const relay = await startRelay(port);
    try {
      const db = await starting;
      expect(await db.$queryRawUnsafe<{ one: number }[]>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
      await db.$disconnect();
    } finally {
      relay.close();
    }
  });

  it("stays up while it waits to LISTEN, when the database goes away just after the migrations", async () => {
    const port = await closedPort();
    const url = urlThrough(port);
    // The migrations' connection is the first; once it ends, the database is away for 2 s, then back.
    let relay = await startRelay(port);
    let isAway = false;
    relay.once("connection", (socket) => {
      socket.once("close", () => {
        isAway = true;
        relay.close();
        setTimeout(async () => {
          relay = await startRelay(port);
          isAway = false;
        }, 2000);
      });
    });
    // In a process of its own: there, with nothing left to keep it up, it would end with the start unsettled.
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `const { createDatabase } = await import("./src/db/createDatabase.ts");
         const db = await createDatabase(${JSON.stringify(url.toString())});
         console.log("started");
         await db.$disconnect();`,
      ],
      { cwd: fileURLToPath(new URL("../../", import.meta.url)), stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    relay.close();
    expect(isAway).toBe(false);
    expect({ code, output }).toMatchObject({ code: 0, output: expect.stringContaining("started") });
  }, 30_000);

  it("seeds once the database is back, when it goes away between the migrations and the seed", async () => {
    const port = await closedPort();
    const url = urlThrough(port);
    let relay = await startRelay(port);
    const db = await createDatabase(url.toString());
    try {
      // Gone: every connection cut, none taken, for longer than a query would wait.
      relay.close();
      for (const socket of relayed.get(relay) ?? []) socket.destroy();
      setTimeout(async () => {
        relay = await startRelay(port);
      }, 1500);
      await whenDatabaseReachable(() => seed(db, SEED_ADMIN), url.toString());
      expect(await db.article.findUnique({ where: { id: SAMPLE_ARTICLE_ID }, select: { id: true } })).toEqual({
        id: SAMPLE_ARTICLE_ID,
      });
    } finally {
      await db.$disconnect();
      relay.close();
    }
  }, 30_000);
});
