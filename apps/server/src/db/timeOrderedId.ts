let lastMillis = 0;
let sequence = 0;

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
  const random = crypto.getRandomValues(new Uint8Array(8));
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, "0");
  const variantHigh = 0x80 | ((random[0] ?? 0) & 0x3f);
  const tail = [...random.subarray(1)].map((byte) => hex(byte, 2)).join("");
  const time = hex(lastMillis, 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(sequence, 3)}-${hex(variantHigh, 2)}${tail.slice(0, 2)}-${tail.slice(2)}`;
}
