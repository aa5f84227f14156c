import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

type Answer = { error: NodeJS.ErrnoException } | { addresses: LookupAddress[] };

/**
 * A resolver that asks once per name: concurrent lookups of one name share a single query, and
 * answers are kept for `ttlMs`. Node itself caches nothing, and getaddrinfo runs on libuv's four
 * threads: eight connections to one host would otherwise queue eight identical queries behind
 * a slow resolver. Failures are shared with the queries waiting on them but not kept.
 */
export function cacheLookup(lookup: LookupFunction, ttlMs: number, now: () => number = Date.now): LookupFunction {
  const cache = new Map<string, { expires: number; addresses: LookupAddress[] }>();
  const pending = new Map<string, Array<(answer: Answer) => void>>();

  const resolve = (hostname: string, family: number, done: (answer: Answer) => void) => {
    const key = `${hostname}\u0000${family}`;
    const hit = cache.get(key);
    if (hit && hit.expires > now()) return done({ addresses: hit.addresses });
    const waiting = pending.get(key);
    if (waiting) return void waiting.push(done);
    pending.set(key, [done]);
    lookup(hostname, { family, all: true }, (error, result) => {
      const answer: Answer = error
        ? { error }
        : { addresses: typeof result === 'string' ? [{ address: result, family: family || 4 }] : result };
      if ('addresses' in answer) cache.set(key, { expires: now() + ttlMs, addresses: answer.addresses });
      const callbacks = pending.get(key) ?? [];
      pending.delete(key);
      for (const callback of callbacks) callback(answer);
    });
  };

  return ((hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void) => {
    resolve(hostname, Number(options.family ?? 0) || 0, (answer) => {
      if ('error' in answer) return callback(answer.error);
      if (options.all) return callback(null, answer.addresses);
      const first = answer.addresses[0];
      if (!first) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
      callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;
}
