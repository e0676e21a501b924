import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** When `target` (a file, or a folder and everything in it) last changed: the newest modification time, in ms. */
export function newestModification(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestModification(path.join(target, entry)));
  return newest;
}
