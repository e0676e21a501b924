import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** IANA's global unicast space: everything else in IPv6 is special-purpose or not allocated. */
const GLOBAL_UNICAST = ipaddr.IPv6.parse("2000::");

/** The one NAT64 prefix whose embedded IPv4 sits at a fixed place (RFC 6052): 64:ff9b::a.b.c.d. */
const WELL_KNOWN_NAT64 = ipaddr.IPv6.parse("64:ff9b::");

/**
 * Whether an IP address (v4 or v6) is on the public internet, so a server-side fetch may reach it: its
 * range, as ipaddr.js classifies it from IANA's special-purpose registries, is "unicast" (loopback,
 * private, link-local with the cloud metadata address, carrier-grade NAT, multicast, documentation,
 * benchmarking, AS112, AMT, reserved and the rest are not), and an IPv6 address also lies in 2000::/3.
 *
 * IPv4 written inside IPv6: an IPv4-mapped address (::ffff:a.b.c.d, also written ::ffff:7f00:1) and a
 * well-known NAT64 address (64:ff9b::a.b.c.d, what DNS64 answers on IPv6-only networks) reach exactly
 * the IPv4 address they embed, so that address is decoded and checked. Every other range that carries
 * IPv4 is refused whatever it embeds: IPv4-compatible (::a.b.c.d, deprecated), IPv4-translated
 * (::ffff:0:a.b.c.d), local-use NAT64 (64:ff9b:1::/48, where the prefix length decides where the IPv4
 * sits), 6to4 (2002::/16) and Teredo (2001::/32), which relay through gateways we cannot see.
 *
 * Only addresses as Node writes them count: anything `net.isIP` rejects ("127.1", "0x7f000001",
 * "[::1]") is not public. Callers pass URL hostnames (which the URL parser has normalised) and DNS answers.
 */
export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 0) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return false;
  }
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const ipv6 = parsed as ipaddr.IPv6;
  if (ipv6.isIPv4MappedAddress()) return isPublicAddress(ipv6.toIPv4Address().toString());
  if (ipv6.match(WELL_KNOWN_NAT64, 96)) {
    const bytes = ipv6.toByteArray().slice(12);
    return isPublicAddress(ipaddr.fromByteArray(bytes).toString());
  }
  // ipaddr.js calls IPv4-compatible (::a.b.c.d) and unallocated space (4000::/3 and the like) "unicast".
  return ipv6.range() === "unicast" && ipv6.match(GLOBAL_UNICAST, 3);
}
