/** One Server-Sent Event as a client reads it. */
export interface ReadEvent {
  event: string;
  id?: string;
  data: unknown;
}

/**
 * Reads a text/event-stream answer event by event, as EventSource would: `next(kind?)` resolves with the
 * next event (of that kind, skipping others), or rejects after `timeoutMs`; `close()` cancels the body,
 * as a closed tab does.
 */
export function readEventStream(response: Response) {
  if (!response.body) throw new Error("The answer has no body.");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const queue: ReadEvent[] = [];
  let buffer = "";
  let waiter: (() => void) | undefined;
  let isDone = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = new Map<string, string>();
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            const name = line.slice(0, colon);
            const text = line.slice(colon + 1).replace(/^ /, "");
            fields.set(name, fields.has(name) ? `${fields.get(name)}\n${text}` : text);
          }
          if (fields.has("data")) {
            queue.push({
              event: fields.get("event") ?? "message",
              ...(fields.has("id") ? { id: fields.get("id") } : {}),
              data: JSON.parse(fields.get("data") as string),
            });
            waiter?.();
          }
          end = buffer.indexOf("\n\n");
        }
      }
    } catch {
      // Cancelled.
    } finally {
      isDone = true;
      waiter?.();
    }
  })();
  return {
    async next(kind?: string, timeoutMs = 3000): Promise<ReadEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = queue.findIndex((event) => kind === undefined || event.event === kind);
        if (index >= 0) return queue.splice(index, 1)[0] as ReadEvent;
        if (isDone) throw new Error(`The stream ended before a "${kind ?? "any"}" event.`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No "${kind ?? "any"}" event within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          waiter = resolve;
          setTimeout(resolve, left);
        });
      }
    },
    /** The events of a kind already received, taken out of the queue. */
    drain(kind: string): ReadEvent[] {
      const taken = queue.filter((event) => event.event === kind);
      queue.splice(0, queue.length, ...queue.filter((event) => event.event !== kind));
      return taken;
    },
    get isDone() {
      return isDone;
    },
    close: () => reader.cancel().catch(() => {}),
  };
}
