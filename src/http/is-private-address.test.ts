import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from './is-private-address.js';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback /8'], ['10.0.0.1', 'RFC 1918'], ['172.16.0.1', 'RFC 1918'],
    ['172.31.255.255', 'RFC 1918 upper edge'], ['192.168.1.1', 'RFC 1918'], ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'], ['100.64.0.1', 'CGNAT'], ['100.127.255.255', 'CGNAT upper edge'], ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'], ['239.255.255.250', 'multicast'], ['255.255.255.255', 'broadcast'], ['192.0.0.192', 'IETF protocol assignments'],
    ['::1', 'IPv6 loopback'], ['::', 'IPv6 unspecified'], ['[::1]', 'bracketed'], ['fe80::1', 'IPv6 link-local'], ['fe80::1%eth0', 'with zone'],
    ['fc00::1', 'ULA'], ['fd12:3456:789a::1', 'ULA fd'], ['ff02::1', 'IPv6 multicast'], ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped, hex form'], ['::ffff:169.254.169.254', 'IPv4-mapped metadata'], ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'], ['2002:7f00:1::', '6to4 of 127.0.0.1'], ['::127.0.0.1', 'IPv4-compatible loopback'],
  ])('refuses %s (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    ['93.184.215.14', 'public IPv4'], ['8.8.8.8', 'public IPv4'], ['172.32.0.1', 'just above RFC 1918'], ['100.128.0.1', 'just above CGNAT'],
    ['169.255.0.1', 'just above link-local'], ['2606:4700::6810:84e5', 'public IPv6'], ['::ffff:8.8.8.8', 'IPv4-mapped public'],
    ['64:ff9b::808:808', 'NAT64 of 8.8.8.8'], ['2002:808:808::', '6to4 of 8.8.8.8'], ['example.org', 'not an IP'],
  ])('allows %s (%s)', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});
