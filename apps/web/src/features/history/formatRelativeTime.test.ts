import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./formatRelativeTime";

const NOW = new Date("2026-03-10T12:00:00.000Z");

function ago(milliseconds: number): string {
  return new Date(NOW.getTime() - milliseconds).toISOString();
}

describe("formatRelativeTime", () => {
  it.each([
    [ago(10_000), "just now"],
    [ago(-5_000), "just now"],
    [ago(50_000), "1 min ago"],
    [ago(2 * 60_000), "2 min ago"],
    [ago(59 * 60_000), "59 min ago"],
    [ago(60 * 60_000), "1 hour ago"],
    [ago(5 * 60 * 60_000), "5 hours ago"],
    [ago(30 * 60 * 60_000), "yesterday"],
    [ago(3 * 24 * 60 * 60_000), "3 days ago"],
    ["2026-01-12T12:00:00.000Z", "12 Jan 2026"],
  ])("says %s as %s", (at, expected) => {
    expect(formatRelativeTime(at, NOW)).toBe(expected);
  });
});
