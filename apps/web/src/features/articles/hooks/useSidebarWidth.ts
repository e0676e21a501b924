import { useCallback, useState } from "react";

/** The claims panel's width in CSS pixels: its default, and the range a reviewer may drag it in. */
export const SIDEBAR_WIDTH = { initial: 420, min: 320, max: 720 } as const;
const STORAGE_KEY = "factmark.deskSidebarWidth";

function clampWidth(width: number): number {
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width)));
}

function readStoredWidth(): number {
  try {
    const stored = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isFinite(stored) && stored > 0 ? clampWidth(stored) : SIDEBAR_WIDTH.initial;
  } catch {
    // Storage refused (private mode, a policy): the default width, not remembered.
    return SIDEBAR_WIDTH.initial;
  }
}

/**
 * The claims panel's width, as the reviewer last left it (kept in localStorage, in CSS pixels, clamped to
 * SIDEBAR_WIDTH). The layout caps it further at narrow windows.
 */
export function useSidebarWidth() {
  const [width, setStateWidth] = useState(readStoredWidth);
  const setWidth = useCallback((next: number) => {
    const clamped = clampWidth(next);
    setStateWidth(clamped);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(clamped));
    } catch {
      // Not remembered; the width still changes.
    }
  }, []);
  return { width, setWidth };
}
