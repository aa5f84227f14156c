import type { Queue } from 'bullmq';
import type { AppJob } from './app-job.js';
import { jobOptions } from './bull-work-queue.js';

/** One scheduler per deployment (per Redis prefix), whatever number of processes upsert it. */
export const NIGHTLY_SCHEDULER_ID = 'linkmedic-nightly';

/**
 * Makes the queue's nightly job scheduler match `LINKMEDIC_CRON` / `LINKMEDIC_TZ`: BullMQ adds the
 * pass's fan-out job at each tick, once for the whole deployment, however many replicas start
 * and upsert it. `off` removes it (an external scheduler runs `linkmedic run-nightly`).
 */
export async function syncNightlySchedule(queue: Queue, schedule: { cron: string; timezone: string }): Promise<void> {
  if (schedule.cron === 'off') {
    await queue.removeJobScheduler(NIGHTLY_SCHEDULER_ID);
    return;
  }
  const job: AppJob = { kind: 'nightly-pass', trigger: 'schedule' };
  // A scheduler's jobs get their own ids per tick; the dedup of a `run-nightly` fan-out does not apply.
  const { jobId: _jobId, deduplication: _deduplication, ...opts } = jobOptions(job);
  await queue.upsertJobScheduler(NIGHTLY_SCHEDULER_ID, { pattern: schedule.cron, tz: schedule.timezone }, { name: job.kind, data: job, opts });
}
