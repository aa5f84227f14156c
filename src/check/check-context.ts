import type { ResolvedCheckOptions } from './check-options.js';
import type { ProxyEndpoint } from './classify-error.js';
import type { Clock, HostScheduler } from './host-scheduler.js';
import type { Timeouts } from './resolve-timeouts.js';
import type { ProbeContext } from './send-probe.js';

/** Everything one URL check needs; built once per run by checkUrls. */
export interface CheckContext {
  options: ResolvedCheckOptions;
  timeouts: Timeouts;
  scheduler: HostScheduler;
  clock: Clock;
  /** In [0, 1): jitter for backoff. */
  random: () => number;
  probe: ProbeContext;
  proxies: ProxyEndpoint[];
  /** Run-wide counters for CheckStats. */
  counters: { requests: number; retries: number };
}

/** Per-URL accounting: requests made, and when the first one started (queue time excluded). */
export interface Tally {
  requests: number;
  startedAt?: number;
}
