import { Queue, type JobsOptions } from 'bullmq';
import { appJobSchema, type AppJob } from './app-job.js';
import { jobIdentity } from './job-identity.js';
import type { QueueCounts } from '../ops/queue-counts.js';
import type { WorkQueue } from './work-queue.js';

/** The BullMQ queue's name; keys are `<LINKMEDIC_REDIS_PREFIX>:work:…`. */
export const QUEUE_NAME = 'work';
/** Tries of one job (a nightly repository: its pass's attempts) before it is left failed. */
export const JOB_ATTEMPTS = 3;
/** The first retry waits this long, each later one twice as long as the one before. */
export const DEFAULT_BACKOFF_MS = 30_000;
/** Nightly repositories wait behind webhook work (BullMQ runs jobs without a priority first). */
const BACKGROUND_PRIORITY = 10;

export interface RedisQueueOptions {
  /** `REDIS_URL`. */
  url: string;
  /** `LINKMEDIC_REDIS_PREFIX`: one deployment's keys in a shared Redis. */
  prefix: string;
  /** First retry delay (doubling); default `DEFAULT_BACKOFF_MS`. */
  backoffMs?: number;
}

/** How a job is added: retries, dedup, priority, and what is kept once it is over. */
export function jobOptions(job: AppJob, backoffMs: number = DEFAULT_BACKOFF_MS): JobsOptions {
  const identity = jobIdentity(job);
  return {
    attempts: JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: backoffMs },
    // Finished jobs would only pile up; failed ones stay a week for operators (dedup uses its own
    // keys, freed when a job ends, so a failed job never blocks the next one).
    removeOnComplete: true,
    removeOnFail: { age: 7 * 86_400, count: 1_000 },
    ...(identity.jobId && { jobId: identity.jobId }),
    ...(identity.dedupKey && { deduplication: { id: identity.dedupKey, keepLastIfActive: true } }),
    ...(identity.background && { priority: BACKGROUND_PRIORITY }),
  };
}

/** The producer side of the BullMQ queue: what handlers and the schedule add jobs to. */
export class BullWorkQueue implements WorkQueue {
  readonly distributed = true;
  readonly queue: Queue;
  readonly #backoffMs: number;

  constructor(options: RedisQueueOptions, log: { error(object: object, message: string): void }) {
    this.queue = new Queue(QUEUE_NAME, { connection: { url: options.url }, prefix: options.prefix });
    // Without a listener, a lost connection would be an unhandled 'error' event; ioredis reconnects.
    this.queue.on('error', (error) => log.error({ err: error }, 'the job queue (Redis) failed'));
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  async add(job: AppJob): Promise<void> {
    await this.queue.add(job.kind, job, jobOptions(job, this.#backoffMs));
  }

  async dropWaiting(repo: string): Promise<number> {
    const key = repo.toLowerCase();
    let dropped = 0;
    for (const job of await this.queue.getJobs(['waiting', 'prioritized', 'delayed'])) {
      const parsed = appJobSchema.safeParse(job.data);
      if (!parsed.success || jobIdentity(parsed.data).repo !== key) continue;
      // A job a worker took meanwhile is locked and cannot be removed: it runs, as it would have.
      dropped += await job.remove().then(() => 1, () => 0);
    }
    return dropped;
  }

  async idle(): Promise<void> {}

  async counts(): Promise<QueueCounts> {
    // Delayed jobs are retries waiting out their backoff, prioritized ones nightly runs: all wait.
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'failed');
    return { waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0), active: counts.active ?? 0, failed: counts.failed ?? 0 };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
