import type { LookupFunction } from 'node:net';
import type { Dispatcher } from 'undici';

/** What `createHttpClient` returns; pass it to the checker and to API clients alike. */
export interface HttpClient {
  /**
   * undici dispatcher: proxy-aware, guarded, keep-alive. Use with `dispatch()` (see `sendProbe`) or
   * `fetch`: the built CLI and Action leave undici's `request()` and `stream()` out (scripts/bundle-common.ts).
   */
  dispatcher: Dispatcher;
  /** `fetch` bound to `dispatcher`, adding our User-Agent when the caller sets none. */
  fetch: typeof globalThis.fetch;
  userAgent: string;
  /** The configured resolver, unguarded (the checker uses it to tell "offline" from NXDOMAIN). */
  lookup: LookupFunction;
  allowPrivateNetworks: boolean;
  /** The configured HTTP(S) proxies; through them, the proxy resolves target names. */
  proxies: Array<{ hostname: string; port: number }>;
  close(): Promise<void>;
}
