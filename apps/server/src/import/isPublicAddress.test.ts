import { describe, expect, it } from "vitest";
import { isPublicAddress } from "./isPublicAddress";

// Every special-purpose range in IANA's registries (iana-ipv4-special-registry, iana-ipv6-special-registry,
// as of 2026), plus multicast and the IPv6 space outside 2000::/3: an address from each, and the forms a
// URL or a DNS answer may write it in.
const NOT_PUBLIC: Array<[range: string, address: string]> = [
  ["0.0.0.0/8 this network", "0.0.0.0"],
  ["0.0.0.0/8 this network", "0.1.2.3"],
  ["10.0.0.0/8 private", "10.0.0.1"],
  ["100.64.0.0/10 shared (carrier-grade NAT)", "100.127.255.254"],
  ["127.0.0.0/8 loopback", "127.0.0.1"],
  ["127.0.0.0/8 loopback", "127.255.255.254"],
  ["169.254.0.0/16 link-local, cloud metadata", "169.254.169.254"],
  ["172.16.0.0/12 private", "172.31.255.1"],
  ["192.0.0.0/24 IETF protocol assignments", "192.0.0.1"],
  ["192.0.0.0/29 IPv4 service continuity", "192.0.0.7"],
  ["192.0.0.8/32 IPv4 dummy address", "192.0.0.8"],
  ["192.0.0.9/32 port control protocol anycast", "192.0.0.9"],
  ["192.0.0.10/32 TURN anycast", "192.0.0.10"],
  ["192.0.0.170/32 NAT64/DNS64 discovery", "192.0.0.170"],
  ["192.0.0.171/32 NAT64/DNS64 discovery", "192.0.0.171"],
  ["192.0.2.0/24 documentation", "192.0.2.1"],
  ["192.31.196.0/24 AS112-v4", "192.31.196.1"],
  ["192.52.193.0/24 AMT", "192.52.193.1"],
  ["192.88.99.0/24 deprecated 6to4 relay anycast", "192.88.99.1"],
  ["192.168.0.0/16 private", "192.168.1.1"],
  ["192.175.48.0/24 direct delegation AS112", "192.175.48.1"],
  ["198.18.0.0/15 benchmarking", "198.19.255.1"],
  ["198.51.100.0/24 documentation", "198.51.100.7"],
  ["203.0.113.0/24 documentation", "203.0.113.7"],
  ["224.0.0.0/4 multicast", "224.0.0.251"],
  ["224.0.0.0/4 multicast", "239.255.255.250"],
  ["240.0.0.0/4 reserved", "240.0.0.1"],
  ["255.255.255.255/32 limited broadcast", "255.255.255.255"],

  ["::/128 unspecified", "::"],
  ["::1/128 loopback", "::1"],
  ["::1/128 loopback, written out", "0:0:0:0:0:0:0:1"],
  ["::ffff:0:0/96 IPv4-mapped loopback", "::ffff:127.0.0.1"],
  ["::ffff:0:0/96 IPv4-mapped loopback, in hex", "::ffff:7f00:1"],
  ["::ffff:0:0/96 IPv4-mapped metadata, in hex", "::FFFF:A9FE:A9FE"],
  ["::ffff:0:0/96 IPv4-mapped private", "0:0:0:0:0:ffff:10.0.0.1"],
  ["::/96 IPv4-compatible (deprecated), loopback", "::127.0.0.1"],
  ["::/96 IPv4-compatible (deprecated), loopback in hex", "::7f00:1"],
  ["::/96 IPv4-compatible (deprecated), even of a public address", "::808:808"],
  ["::ffff:0:0:0/96 IPv4-translated (RFC 6145)", "::ffff:0:7f00:1"],
  ["64:ff9b::/96 NAT64 of loopback", "64:ff9b::7f00:1"],
  ["64:ff9b::/96 NAT64 of a private address", "64:ff9b::10.0.0.1"],
  ["64:ff9b:1::/48 local-use NAT64", "64:ff9b:1::808:808"],
  ["100::/64 discard-only", "100::1"],
  ["100:0:0:1::/64 dummy IPv6 prefix", "100:0:0:1::1"],
  ["2001::/23 IETF protocol assignments", "2001:1ff::1"],
  ["2001::/32 Teredo", "2001:0:4136:e378:8000:63bf:3fff:fdd2"],
  ["2001::/32 Teredo embedding loopback", "2001::7f00:1"],
  ["2001:1::1/128 port control protocol anycast", "2001:1::1"],
  ["2001:1::2/128 TURN anycast", "2001:1::2"],
  ["2001:1::3/128 DNS-SD service registration", "2001:1::3"],
  ["2001:2::/48 benchmarking", "2001:2::1"],
  ["2001:3::/32 AMT", "2001:3::1"],
  ["2001:4:112::/48 AS112-v6", "2001:4:112::1"],
  ["2001:10::/28 deprecated ORCHID", "2001:10::1"],
  ["2001:20::/28 ORCHIDv2", "2001:20::1"],
  ["2001:30::/28 drone remote ID", "2001:30::1"],
  ["2001:db8::/32 documentation", "2001:db8::1"],
  ["2002::/16 6to4 of loopback", "2002:7f00:1::1"],
  ["2002::/16 6to4 of a public address", "2002:808:808::1"],
  ["2620:4f:8000::/48 direct delegation AS112", "2620:4f:8000::1"],
  ["3fff::/20 documentation", "3fff:0:1::1"],
  ["5f00::/16 segment routing", "5f00::1"],
  ["fc00::/7 unique local", "fd00::1"],
  ["fc00::/7 unique local", "fc12:3456::1"],
  ["fe80::/10 link-local", "fe80::1"],
  ["fe80::/10 link-local with a zone", "fe80::1%eth0"],
  ["fec0::/10 deprecated site-local", "fec0::1"],
  ["ff00::/8 multicast", "ff02::1"],
  ["outside 2000::/3, not allocated", "4000::1"],
  ["outside 2000::/3, not allocated", "::2"],
];

const PUBLIC: string[] = [
  "8.8.8.8",
  "1.1.1.1",
  "93.184.215.14",
  "100.63.255.255", // just below shared address space
  "100.128.0.0", // just above it
  "172.32.0.1", // just above 172.16.0.0/12
  "192.0.1.1",
  "198.20.0.1", // just above 198.18.0.0/15
  "2606:4700:4700::1111",
  "2a00:1450:4001:81c::200e",
  "2001:4860:4860::8888",
  "::ffff:8.8.8.8", // IPv4-mapped, decoded: the socket reaches 8.8.8.8
  "::ffff:808:808",
  "64:ff9b::8.8.8.8", // NAT64 of a public address, as DNS64 answers on IPv6-only networks
  "64:ff9b::808:808",
];

const NOT_ADDRESSES = [
  "",
  "localhost",
  "example.org",
  "0x7f000001",
  "2130706433",
  "0177.0.0.1",
  "127.1",
  "[::1]",
  "1.2.3",
];

describe("isPublicAddress", () => {
  it.each(NOT_PUBLIC)("refuses %s: %s", (_range, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)("allows the public address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each(NOT_ADDRESSES)("treats %j, which is not an IP address as written, as not public", (text) => {
    expect(isPublicAddress(text)).toBe(false);
  });
});
