import type { Caller } from './route.js';

interface Bucket {
  limit: number;
  used: number;
  /** Wall-clock epoch seconds when the window resets. */
  reset: number;
  /** Status to answer while exhausted (GitHub uses both 403 and 429). */
  status: 403 | 429;
}

export interface ExhaustOptions {
  /** Bucket to empty: an installation id, `'app'` (JWT calls) or `'anonymous'`; default every bucket. */
  bucket?: number | 'app' | 'anonymous';
  status?: 403 | 429;
  /** Seconds until the window resets and the quota returns (default 1). */
  resetAfterSeconds?: number;
}

/**
 * Primary rate limits, one hourly bucket per identity as on GitHub (installation 5,000,
 * app 5,000, anonymous 60), counted on the wall clock because clients compute their waits
 * from `x-ratelimit-reset` against `Date.now()`.
 */
export class RateLimits {
  readonly #buckets = new Map<string, Bucket>();
  readonly #wallNow: () => number;
  #exhaustAll: { status: 403 | 429; reset: number } | null = null;

  constructor(wallNow: () => number) {
    this.#wallNow = wallNow;
  }

  /** Charges one request; returns the headers to send and whether the quota was already gone. */
  charge(caller: Caller, resource: 'core' | 'graphql'): { headers: Record<string, string>; limited: 403 | 429 | null; key: string } {
    const key = keyOf(caller);
    const bucket = this.#bucket(key);
    const exhausted = bucket.used >= bucket.limit;
    if (!exhausted) bucket.used++;
    const headers = {
      'x-ratelimit-limit': String(bucket.limit),
      'x-ratelimit-remaining': String(Math.max(bucket.limit - bucket.used, 0)),
      'x-ratelimit-used': String(bucket.used),
      'x-ratelimit-reset': String(bucket.reset),
      'x-ratelimit-resource': resource,
    };
    return { headers, limited: exhausted ? bucket.status : null, key };
  }

  /** Empties a bucket (or all, including buckets first used later) until the reset. */
  exhaust(options: ExhaustOptions = {}): void {
    const status = options.status ?? 403;
    const reset = Math.floor(this.#wallNow() / 1000) + (options.resetAfterSeconds ?? 1);
    if (options.bucket === undefined) {
      this.#exhaustAll = { status, reset };
      for (const b of this.#buckets.values()) Object.assign(b, { used: b.limit, reset, status });
      return;
    }
    const key = typeof options.bucket === 'number' ? `installation:${options.bucket}` : options.bucket;
    const b = this.#bucket(key);
    Object.assign(b, { status, reset, used: b.limit });
  }

  reset(): void {
    this.#buckets.clear();
    this.#exhaustAll = null;
  }

  #bucket(key: string): Bucket {
    const now = Math.floor(this.#wallNow() / 1000);
    let b = this.#buckets.get(key);
    if (b && b.reset <= now) {
      b = undefined;
      if (this.#exhaustAll && this.#exhaustAll.reset <= now) this.#exhaustAll = null;
    }
    if (!b) {
      const limit = key === 'anonymous' ? 60 : 5000;
      const all = this.#exhaustAll;
      b = all
        ? { limit, used: limit, reset: all.reset, status: all.status }
        : { limit, used: 0, reset: now + 3600, status: 403 };
      this.#buckets.set(key, b);
    }
    return b;
  }
}

function keyOf(caller: Caller): string {
  if (caller.kind === 'installation') return `installation:${caller.installation.id}`;
  return caller.kind === 'app' ? 'app' : 'anonymous';
}
