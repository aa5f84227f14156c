import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Ranges a link checker must never connect to on behalf of untrusted catalog authors: an
 * attacker-supplied URL could otherwise read cloud metadata or probe the host's own network.
 */
const V4_RANGES: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // CGNAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, includes 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments (includes some provider metadata addresses)
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking networks, routed inside some clouds
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes 255.255.255.255 broadcast
];

const V6_RANGES: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local (ULA)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local, still routed by old stacks
  ['ff00::', 8], // multicast
  ['100::', 64], // discard-only
];

const blockList = new BlockList();
for (const [network, prefix] of V4_RANGES) blockList.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of V6_RANGES) blockList.addSubnet(network, prefix, 'ipv6');

/** True when `address` (an IP literal, IPv6 with or without brackets) is in a refused range. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(ip)) return blockList.check(ip, 'ipv4');
  if (!isIPv6(ip)) return false;
  const embedded = embeddedIPv4(ip);
  if (embedded !== undefined) return blockList.check(embedded, 'ipv4');
  return blockList.check(ip, 'ipv6');
}

/**
 * IPv6 forms that carry an IPv4 address the kernel (or a NAT64/6to4 gateway) will reach:
 * IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`.
 */
function embeddedIPv4(ip: string): string | undefined {
  const groups = expandIPv6(ip);
  if (groups === undefined) return undefined;
  const toV4 = (high: number, low: number) =>
    `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const firstFiveZero = groups.slice(0, 5).every((g) => g === 0);
  if (firstFiveZero && (groups[5] === 0xffff || groups[5] === 0) && !(groups[5] === 0 && groups[6] === 0)) {
    return toV4(groups[6]!, groups[7]!);
  }
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) {
    return toV4(groups[6]!, groups[7]!);
  }
  if (groups[0] === 0x2002) return toV4(groups[1]!, groups[2]!);
  return undefined;
}

/** Eight 16-bit groups of a valid IPv6 literal (a trailing dotted IPv4 part included). */
function expandIPv6(ip: string): number[] | undefined {
  let text = ip.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = 8 - left.length - right.length;
  if (fill < 0 || (tail === undefined && fill !== 0)) return undefined;
  return [...left, ...new Array<number>(fill).fill(0), ...right];
}
