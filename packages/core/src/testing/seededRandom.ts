/**
 * A small seeded generator (mulberry32): numbers in [0, 1), the same series for the same seed, so a failing series
 * of generated changes can be run again as it was. For tests and benchmarks, not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Seeded picks from seededRandom: `below(n)` an integer in [0, n), `pick` an item (throws on an empty list). */
export function seededPicks(seed: number) {
  const next = seededRandom(seed);
  return {
    below: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("Nothing to pick from.");
      return item;
    },
  };
}
