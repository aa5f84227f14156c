import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

/**
 * A `dns.lookup`-compatible resolver over a fixed table, so tests never reach real DNS.
 * `resolve(name)` returns an address, an error code to fail with (`ENOTFOUND`, `EAI_AGAIN`), or
 * undefined (treated as `ENOTFOUND`, like an NXDOMAIN answer).
 */
export function createTestLookup(resolve: (hostname: string) => string | { error: string } | undefined): LookupFunction & { calls: string[] } {
  const calls: string[] = [];
  const lookup = (hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    calls.push(hostname);
    const answer = resolve(hostname.toLowerCase());
    setImmediate(() => {
      if (answer === undefined || typeof answer === 'object') {
        const code = typeof answer === 'object' ? answer.error : 'ENOTFOUND';
        const error = Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), {
          code,
          errno: code === 'ENOTFOUND' ? -3008 : -3001,
          syscall: 'getaddrinfo',
          hostname,
        });
        return callback(error);
      }
      const family = answer.includes(':') ? 6 : 4;
      if (options.all) callback(null, [{ address: answer, family } satisfies LookupAddress]);
      else callback(null, answer, family);
    });
  };
  return Object.assign(lookup as unknown as LookupFunction, { calls });
}
