import pg from "pg";
import { announceChange, announceHintsMissed, CHANGE_CHANNEL, parseChangePayload } from "./changeHints";
import { applyPresence, PRESENCE_CHANNEL, parsePresencePayload } from "./presence";
import { withinTime } from "./timeLimit";

/** How the LISTEN connection is kept; the defaults suit a server, tests make them short. */
export interface ListenTiming {
  /** The wait before connecting again after the connection failed or was given up (ms). */
  retryMs?: number;
  /** How long connecting and LISTENing may take before the attempt is given up (ms). */
  connectLimitMs?: number;
  /**
   * How often the connection is asked a trivial query (ms): one the network dropped without a word never
   * errors by itself, and would pass nothing on for good.
   */
  checkEveryMs?: number;
  /** How long that query may take before the connection is given up as dead (ms). */
  checkLimitMs?: number;
}

/** A process's LISTEN connection (listenForChanges). */
export interface ChangeListener {
  /** True once the connection first listens; false when stopped before it did. Settled once, never rejected. */
  listening: Promise<boolean>;
  /** Stops listening and ends the connection; resolves once it has ended, or after `checkLimitMs`. */
  stop(): Promise<void>;
}

/**
 * On PostgreSQL, every server process LISTENs for the changes and presence other processes announce
 * (NOTIFY is delivered on commit, to every listener, the writer's own process included) and passes them
 * to this process's streams. One connection per process, made again after `retryMs` whenever it fails:
 * an error or end, a connection or LISTEN that does not answer within `connectLimitMs`, a check query that
 * does not answer within `checkLimitMs`. Once it listens (again), every article's streams are told to read
 * their logs, for the hints sent while it was not listening. Answers `listening`, settled the first time the
 * connection listens (true) or when stopped before that (false), never rejected; and `stop`, which ends the
 * connection, even one still being made.
 */
export function listenForChanges(connectionString: string, timing: ListenTiming = {}): ChangeListener {
  const retryMs = timing.retryMs ?? 1000;
  const connectLimitMs = timing.connectLimitMs ?? 10_000;
  const checkEveryMs = timing.checkEveryMs ?? 30_000;
  const checkLimitMs = timing.checkLimitMs ?? 10_000;
  /** The connection in use, or being made; a connection given up on is no longer it, and is ignored. */
  let current: pg.Client | undefined;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;
  let check: NodeJS.Timeout | undefined;
  let settleListening: (isListening: boolean) => void = () => {};
  const listening = new Promise<boolean>((resolve) => {
    settleListening = resolve;
  });

  const giveUp = (client: pg.Client) => {
    if (client !== current) return;
    current = undefined;
    if (check) clearTimeout(check);
    // Not awaited: a dead connection may never answer the goodbye.
    client.end().catch(() => {});
    if (isStopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryMs);
    retry.unref();
  };
  const scheduleCheck = (client: pg.Client) => {
    check = setTimeout(() => {
      withinTime(client.query("SELECT 1"), checkLimitMs, "The LISTEN connection's check").then(
        () => {
          if (client === current) scheduleCheck(client);
        },
        () => giveUp(client),
      );
    }, checkEveryMs);
    check.unref();
  };
  const connect = async () => {
    if (isStopped) return;
    const client = new pg.Client({ connectionString, keepAlive: true });
    current = client;
    client.on("notification", (message) => {
      if (client !== current) return;
      if (message.channel === CHANGE_CHANNEL) {
        const hint = parseChangePayload(message.payload);
        if (hint) announceChange(hint);
      } else if (message.channel === PRESENCE_CHANNEL) {
        const announcement = parsePresencePayload(message.payload);
        if (announcement) applyPresence(announcement);
      }
    });
    client.on("error", () => giveUp(client));
    client.on("end", () => giveUp(client));
    try {
      const listen = async () => {
        await client.connect();
        await client.query(`LISTEN ${CHANGE_CHANNEL}`);
        await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
      };
      await withinTime(listen(), connectLimitMs, "Connecting to LISTEN");
    } catch {
      giveUp(client);
      return;
    }
    // Stopped, or given up, while it connected.
    if (client !== current) return;
    scheduleCheck(client);
    settleListening(true);
    announceHintsMissed();
  };
  void connect();
  const stop = async () => {
    isStopped = true;
    settleListening(false);
    if (retry) clearTimeout(retry);
    if (check) clearTimeout(check);
    const client = current;
    current = undefined;
    // Bounded: a connection the network dropped may never answer the goodbye.
    if (client) await withinTime(client.end(), checkLimitMs, "Ending the LISTEN connection").catch(() => {});
  };
  return { listening, stop };
}
