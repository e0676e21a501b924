import { type RefObject, useLayoutEffect } from "react";

/**
 * What stays in reach beside a modal part of the page: dialogs opened over it and the notices that speak (their
 * Undo too). Everything else outside it is made inert.
 */
const STAYS_IN_REACH = "[role='dialog'], .dialog-backdrop, [role='status'], [role='alert'], [aria-live]";

/**
 * While `isActive`, makes the page modal to the elements `keep` holds: everything else in the document (but
 * dialogs and notices, STAYS_IN_REACH) gets `inert`, so Tab, a pointer and a screen reader reach only them.
 * The elements it made inert are given back as they were when it stops or the component goes; in a layout effect,
 * so a `flushSync` that ends it lets the focus go back behind at once.
 */
export function useInertOutside(isActive: boolean, keep: readonly RefObject<HTMLElement | null>[]): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the refs are stable; their elements are read on activation.
  useLayoutEffect(() => {
    if (!isActive) return;
    const kept = keep.map((ref) => ref.current).filter((element): element is HTMLElement => element !== null);
    if (kept.length === 0) return;
    /** The kept elements and their ancestors up to <body>: the path that stays live. */
    const onPath = new Set<Element>();
    for (const element of kept) {
      for (let node: Element | null = element; node && node !== document.documentElement; node = node.parentElement) {
        onPath.add(node);
      }
    }
    const madeInert: HTMLElement[] = [];
    for (const node of onPath) {
      if (kept.includes(node as HTMLElement)) continue;
      for (const child of node.children) {
        if (onPath.has(child) || !(child instanceof HTMLElement) || child.hasAttribute("inert")) continue;
        if (child.matches(STAYS_IN_REACH) || child.matches("script, style, link, template")) continue;
        child.setAttribute("inert", "");
        madeInert.push(child);
      }
    }
    return () => {
      for (const element of madeInert) element.removeAttribute("inert");
    };
  }, [isActive]);
}
