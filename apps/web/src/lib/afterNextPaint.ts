import { useCallback, useEffect, useRef } from "react";

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

/** Resolves in a task after the next frame is painted (afterNextPaint). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    afterNextPaint(resolve);
  });
}

/** Finds an element to focus; null or undefined when it is not in the page. */
export type FocusCandidate = () => HTMLElement | null | undefined;

/**
 * Focuses the first of `candidates` that finds an element in the page, unless focus has landed somewhere on its
 * own (it is only taken from <body>, where a removed control leaves it). Called after the next paint, when what an
 * action removed or re-rendered is gone.
 */
export function focusFirstFound(candidates: FocusCandidate[]): void {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  for (const find of candidates) {
    const element = find();
    if (element?.isConnected) {
      element.focus({ preventScroll: false });
      return;
    }
  }
}

/**
 * `afterNextPaint` for a component: the callbacks it schedules are cancelled when it unmounts, so none runs
 * on a page (or a test's document) that has gone. Answers a stable `schedule(callback)`.
 */
export function useAfterNextPaint(): (callback: () => void) => void {
  const cancelsRef = useRef(new Set<() => void>());
  useEffect(() => {
    const cancels = cancelsRef.current;
    return () => {
      for (const cancel of cancels) cancel();
      cancels.clear();
    };
  }, []);
  return useCallback((callback: () => void) => {
    const cancels = cancelsRef.current;
    const cancel = afterNextPaint(() => {
      cancels.delete(cancel);
      callback();
    });
    cancels.add(cancel);
  }, []);
}
