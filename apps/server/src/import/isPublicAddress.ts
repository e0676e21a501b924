import { BlockList, isIP } from "node:net";

/**
 * Addresses a server-side fetch must never reach: loopback, private networks, link-local (cloud
 * metadata at 169.254.169.254 among them), carrier-grade NAT, multicast, reserved and unspecified
 * ranges, and their IPv6 counterparts, including IPv4 written inside IPv6 (::ffff:10.0.0.1).
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address (v4 or v6) is on the public internet. Anything that is not an IP is not. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return !BLOCKED.check(address, "ipv4");
  const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mappedV4) return isPublicAddress(mappedV4);
  if (/^::ffff:/i.test(address)) return false; // hex-written mapped IPv4: refuse rather than decode
  return !BLOCKED.check(address, "ipv6");
}
