import type { ResolvedCheckOptions } from './check-options.js';

export interface Timeouts {
  connect: number;
  headers: number;
  total: number;
}

const DEFAULTS: Timeouts = { connect: 10_000, headers: 15_000, total: 30_000 };

/**
 * Budgets from `timeoutMs`. A single number is the CLI's `--timeout`: it bounds each request and
 * caps the other two. Create the HTTP client with `connectTimeoutMs: timeouts.connect`: undici
 * sets the connect budget per connection pool, not per request.
 */
export function resolveTimeouts(timeoutMs: ResolvedCheckOptions['timeoutMs']): Timeouts {
  if (typeof timeoutMs === 'number') {
    return {
      connect: Math.min(DEFAULTS.connect, timeoutMs),
      headers: Math.min(DEFAULTS.headers, timeoutMs),
      total: timeoutMs,
    };
  }
  const total = timeoutMs.total ?? DEFAULTS.total;
  return {
    connect: Math.min(timeoutMs.connect ?? DEFAULTS.connect, total),
    headers: Math.min(timeoutMs.headers ?? DEFAULTS.headers, total),
    total,
  };
}
