import { AppError } from "@factmark/core";
import { workerTask } from "./workerTask";

/** Jobs for heavyWork.test.ts: each misbehaves the way a hostile document makes real work misbehave. */
export const double = workerTask((input: { n: number }) => input.n * 2);

export const spin = workerTask((input: { ms: number }) => {
  const end = Date.now() + input.ms;
  while (Date.now() < end) {
    // a conversion that never ends
  }
  return "done";
});

export const hoard = workerTask(() => {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, index) => `row ${index} of ${kept.length}`));
});

export const refuse = workerTask((): never => {
  throw new AppError("UNPROCESSABLE", "This document is not readable.", { reason: "unreadable" });
});

export { warm } from "./warm";
