/**
 * Runs `callback` in a task after the next frame is painted (a task queued from a requestAnimationFrame callback
 * runs after that frame's paint); answers a cancel.
 */
export function afterNextPaint(callback: () => void): () => void {
  let isCancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (!isCancelled) callback();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    isCancelled = true;
    cancelAnimationFrame(frame);
  };
}

/**
 * Moves focus, after the next paint (when what an action removed or re-rendered is gone), to the first of
 * `candidates` that finds an element in the page, unless focus has landed somewhere on its own meanwhile (it is
 * only taken from <body>, where a removed control leaves it). Answers a cancel.
 */
export function focusAfterNextPaint(...candidates: (() => HTMLElement | null | undefined)[]): () => void {
  return afterNextPaint(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    for (const find of candidates) {
      const element = find();
      if (element?.isConnected) {
        element.focus({ preventScroll: false });
        return;
      }
    }
  });
}
