import { useEffect, useState } from "react";

/** `value` once it has stayed the same for `delayMs`: a search asked once the typing pauses. */
export function useDelayedValue<T>(value: T, delayMs: number): T {
  const [delayed, setDelayed] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDelayed(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return delayed;
}
