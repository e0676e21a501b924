/** What this page's own writes did to each claim's version: the versions they superseded, and the latest. */
const ownWrites = new Map<string, { superseded: Set<number>; latest: number }>();
/** Each claim's last queued write, which the next one waits for. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Sends a write of claim `claim` (an If-Match write: PATCH, review, re-attach, anchor confirmation) after this page's
 * earlier writes of the same claim have been answered, on the version the last of them answered, when the reviewer
 * acted on a version only this page's own writes have since replaced. So a verdict key pressed while the rationale's
 * save is on its way is not refused (412) as if someone else had changed the claim; a change by anyone else still is.
 * `send(version)` makes the request with If-Match `version`; `versionOf` reads the claim's new version from its
 * answer. Answers what `send` answers; a refused write rejects and leaves the next one to try on its own.
 */
export function queueClaimWrite<T>(
  claim: { id: string; version: number },
  send: (version: number) => Promise<T>,
  versionOf: (answer: T) => number,
): Promise<T> {
  const previous = queues.get(claim.id) ?? Promise.resolve();
  const write = previous
    .catch(() => undefined)
    .then(async () => {
      const own = ownWrites.get(claim.id);
      const version = own?.superseded.has(claim.version) ? own.latest : claim.version;
      const answer = await send(version);
      const superseded = own?.superseded ?? new Set<number>();
      superseded.add(claim.version).add(version);
      ownWrites.set(claim.id, { superseded, latest: versionOf(answer) });
      return answer;
    });
  queues.set(claim.id, write);
  const forget = () => {
    if (queues.get(claim.id) === write) queues.delete(claim.id);
  };
  write.then(forget, forget);
  return write;
}
