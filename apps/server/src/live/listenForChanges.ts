import pg from "pg";
import { announceChange, CHANGE_CHANNEL, parseChangePayload } from "./changeHints";
import { applyPresence, PRESENCE_CHANNEL, parsePresencePayload } from "./presence";

/**
 * On PostgreSQL, every server process LISTENs for the changes and presence other processes announce
 * (NOTIFY is delivered on commit, to every listener, the writer's own process included) and passes them
 * to this process's streams. One connection per process, reconnecting after a second if it drops.
 * Answers the function that stops listening.
 */
export function listenForChanges(connectionString: string): () => Promise<void> {
  let client: pg.Client | undefined;
  let isStopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on("notification", (message) => {
      if (message.channel === CHANGE_CHANNEL) {
        const hint = parseChangePayload(message.payload);
        if (hint) announceChange(hint);
      } else if (message.channel === PRESENCE_CHANNEL) {
        const announcement = parsePresencePayload(message.payload);
        if (announcement) applyPresence(announcement);
      }
    });
    next.on("error", () => scheduleReconnect());
    next.on("end", () => scheduleReconnect());
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
      await next.query(`LISTEN ${PRESENCE_CHANNEL}`);
      client = next;
    } catch {
      scheduleReconnect();
    }
  };
  const scheduleReconnect = () => {
    client = undefined;
    if (isStopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 1000);
    retry.unref();
  };
  void connect();
  return async () => {
    isStopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
