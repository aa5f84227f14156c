import { setTimeout as delay } from 'node:timers/promises';
import { isDeadHolder, newLeaseHolder } from './lease-holder.js';

/** How leases are timed and who is asked what; every member has a production default. */
export interface LeaseOptions {
  /** How long a lease lasts without renewal; its holder renews it every half of that. */
  ttlMs: number;
  /** How long `acquire` waits for a taken lease before giving up. */
  maxWaitMs: number;
  /** The first wait between tries; doubled each try up to `maxBackoffMs`, with jitter. */
  backoffMs: number;
  maxBackoffMs: number;
  /** The wall clock: leases measure real time, whatever clock the runs are recorded with. */
  now: () => Date;
  /** Waits between tries; rejects (or resolves early) when the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** 0..1, for the jitter that keeps waiters from retrying in step. */
  random: () => number;
  /** Whether a holder cannot be alive any more (a killed process on this host). */
  isGone: (holder: string) => boolean;
  /** A new holder id per acquisition. */
  newHolder: () => string;
  /** Told about renewals and releases that failed (the database unreachable): for the log. */
  onError: (error: unknown, what: string) => void;
}

/**
 * Five minutes, renewed every two and a half: a crashed holder blocks its repository for at most
 * that long. Waiting twice as long covers a holder on another machine that died just after renewing.
 */
export const DEFAULT_LEASE_OPTIONS: LeaseOptions = {
  ttlMs: 5 * 60_000,
  maxWaitMs: 10 * 60_000,
  backoffMs: 250,
  maxBackoffMs: 15_000,
  now: () => new Date(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
  random: Math.random,
  isGone: isDeadHolder,
  newHolder: newLeaseHolder,
  onError: () => undefined,
};
