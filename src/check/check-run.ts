import type { CheckResult } from './check-result.js';
import type { Verdict } from './verdict.js';

/** What `onProgress` receives after each URL finishes (and when requests start or end). */
export interface CheckProgress {
  /** Distinct URLs with a verdict. */
  done: number;
  /** Distinct URLs in this run; for a streamed input, those read so far. */
  total: number;
  /** Requests in flight right now, per host name. */
  inFlightByHost: Record<string, number>;
}

export interface CheckStats {
  /** Distinct URLs checked (the keys of `results`). */
  urls: number;
  /** HTTP requests attempted (each method, hop and retry counts once). */
  requests: number;
  /** Attempts repeated after a transient failure or a 429 wait. */
  retries: number;
  /** URLs pushed to the end of the run by a Retry-After over the cap. */
  deferred: number;
  byVerdict: Record<Verdict, number>;
  /** Highest number of requests in flight at once, per host name. */
  maxInFlightByHost: Record<string, number>;
  elapsedMs: number;
}

/** Stage 2 output for a whole run. */
export interface CheckRun {
  /** False when the checker itself was offline: then no link was judged on network failures. */
  conclusive: boolean;
  /** One line saying why the run is inconclusive. */
  inconclusiveReason?: string;
  /** One result per distinct input URL, keyed by the URL exactly as given. */
  results: Map<string, CheckResult>;
  stats: CheckStats;
}
