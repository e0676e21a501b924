import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useAfterNextPaint } from "./afterNextPaint";

/** Resolves once a frame has been drawn and a task after it has run (what afterNextPaint waits for). */
function nextPaintDone(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 20)));
}

describe("useAfterNextPaint", () => {
  it("runs a scheduled callback after the next paint while the component is mounted", async () => {
    const callback = vi.fn();
    const { result } = renderHook(() => useAfterNextPaint());
    result.current(callback);
    expect(callback).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(callback).toHaveBeenCalledTimes(1));
  });

  it("never runs a callback scheduled by a component that unmounted before the paint", async () => {
    const callback = vi.fn();
    const { result, unmount } = renderHook(() => useAfterNextPaint());
    result.current(callback);
    unmount();
    await nextPaintDone();
    await nextPaintDone();
    expect(callback).not.toHaveBeenCalled();
  });

  it("keeps the same schedule function across renders, so effects that use it do not re-run", () => {
    const { result, rerender } = renderHook(() => useAfterNextPaint());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});
