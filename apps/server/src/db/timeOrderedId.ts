import { randomFillSync } from "node:crypto";

let lastMillis = 0;
let sequence = 0;

/** Random bytes drawn from the system's CSPRNG 4 KB at a time (one call per 512 ids, not one per id). */
const randomPool = new Uint8Array(4096);
let randomAt = randomPool.length;
/** Each byte's two hex digits. */
const HEX_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function randomBytes8(): Uint8Array {
  if (randomAt + 8 > randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  randomAt += 8;
  return randomPool.subarray(randomAt - 8, randomAt);
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit sequence, then random bits.
 * Ids made by this process sort in the order they were made, even within one millisecond, so rows
 * written in the same millisecond (a history batch, two quick creates) still list in a stable order.
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // Borrow the next millisecond rather than repeat or go backwards.
    lastMillis += 1;
    sequence = 0;
  }
  const random = randomBytes8();
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, "0");
  const variantHigh = 0x80 | ((random[0] ?? 0) & 0x3f);
  let tail = "";
  for (let index = 1; index < 8; index++) tail += HEX_BYTE[random[index] ?? 0];
  const time = hex(lastMillis, 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(sequence, 3)}-${hex(variantHigh, 2)}${tail.slice(0, 2)}-${tail.slice(2)}`;
}
