/** How many jobs the work queue holds, by state: what `/metrics` reports as `linkmedic_queue_jobs`. */
export interface QueueCounts {
  /** Queued, not started (BullMQ: waiting, plus delayed retries if the queue counts them so). */
  waiting: number;
  /** Being worked on now. */
  active: number;
  /** Given up after its attempts: in one process, since it started; with BullMQ, the failed jobs kept. */
  failed: number;
}

/**
 * Reads the counts when `/metrics` is scraped: the in-process queue's (single-process mode), or
 * BullMQ's `getJobCounts` when `REDIS_URL` is set.
 */
export type QueueCountsProvider = () => Promise<QueueCounts>;
