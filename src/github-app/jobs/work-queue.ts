import type { QueueCounts } from '../ops/queue-counts.js';
import type { AppJob } from './app-job.js';

/**
 * Where webhook handlers and the schedule put work: this process's own queue (no `REDIS_URL`), or
 * BullMQ, whose workers may be other processes on other machines.
 */
export interface WorkQueue {
  /** True when other processes run the jobs: a nightly pass then fans out, one job per repository. */
  readonly distributed: boolean;
  /** Queues `job` unless the same piece of work already waits (see `jobIdentity`). */
  add(job: AppJob): Promise<void>;
  /** Drops the repository's jobs that have not started (uninstalling); resolves to how many. */
  dropWaiting(repo: string): Promise<number>;
  /** Resolves once the work this process has queued for itself is done (nothing, with BullMQ). */
  idle(): Promise<void>;
  /** How many jobs wait, run and have failed: what `/metrics` reports. */
  counts(): Promise<QueueCounts>;
  close(): Promise<void>;
}
