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
