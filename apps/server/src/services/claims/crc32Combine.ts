/** CRC-32's polynomial (IEEE 802.3, as gzip and zlib's crc32 use it), bit-reflected. */
const POLYNOMIAL = 0xedb88320;
/** x^0 as a reflected polynomial: the top bit. */
const ONE = 0x80000000;

/** a·b modulo the CRC polynomial, both reflected (zlib's multmodp). */
function multiplyModPolynomial(a: number, b: number): number {
  let product = 0;
  let multiplier = b;
  for (let bit = ONE; bit !== 0; bit >>>= 1) {
    if (a & bit) {
      product ^= multiplier;
      if ((a & (bit - 1)) === 0) break;
    }
    multiplier = multiplier & 1 ? (multiplier >>> 1) ^ POLYNOMIAL : multiplier >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) modulo the polynomial, for k from 0 to 31 (zlib's x2n_table). */
const X_TO_2_TO_THE = (() => {
  const table: number[] = [];
  let power = ONE >>> 1; // x^1
  for (let k = 0; k < 32; k++) {
    table.push(power);
    power = multiplyModPolynomial(power, power);
  }
  return table;
})();

/**
 * The CRC-32 of two byte strings one after the other, from each one's CRC-32 and the second one's length in bytes
 * (zlib's crc32_combine): about 32 steps of 32 bits whatever the lengths, so a long text kept in pieces gets its
 * checksum without reading its bytes again.
 */
export function crc32Combine(firstCrc: number, secondCrc: number, secondLength: number): number {
  // x^(8·secondLength): the first CRC shifted past the second string's bits.
  let shift = ONE;
  let k = 3;
  for (let n = secondLength; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) shift = multiplyModPolynomial(X_TO_2_TO_THE[k % 32] as number, shift);
  }
  return (multiplyModPolynomial(shift, firstCrc) ^ secondCrc) >>> 0;
}
