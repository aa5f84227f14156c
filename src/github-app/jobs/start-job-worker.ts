import { hostname } from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { appJobSchema } from './app-job.js';
import { QUEUE_NAME, type RedisQueueOptions } from './bull-work-queue.js';
import { jobIdentity } from './job-identity.js';
import { runJob } from './run-job.js';

export interface JobWorkerOptions extends Pick<RedisQueueOptions, 'url' | 'prefix'> {
  /** Jobs run at once by this process (on different repositories: each holds its lock). */
  concurrency: number;
  /**
   * How long a job's lock lasts; renewed at half of it while the process lives. When a worker dies,
   * its job is "stalled" once the lock lapses and another worker takes it. Default BullMQ's 30 s.
   */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs. Default BullMQ's 30 s. */
  stalledIntervalMs?: number;
  /** Stored on each job it takes (`job.processedBy`); default `<host>:<pid>`. */
  name?: string;
}

export interface JobWorker {
  readonly worker: Worker;
  /** Takes no new job and resolves once the running ones have finished. */
  close(): Promise<void>;
  /**
   * Puts the running jobs back in the queue for another worker at once and stops taking new ones.
   * Their work is still under way in this process: the caller exits right after.
   */
  handBack(): Promise<void>;
}


/** A job stuck twice (its worker died twice) is failed rather than tried forever. */
const MAX_STALLED = 2;

/**
 * A BullMQ worker running the app's jobs in this process (`linkmedic worker`, or `serve` with
 * `REDIS_URL`). Jobs are safe to run twice: every piece of work re-reads GitHub before writing,
 * and a nightly repository reuses a run its pass recorded before a crash.
 */
export function startJobWorker(rt: AppRuntime, options: JobWorkerOptions): JobWorker {
  const running = new Map<string, { job: Job; token: string }>();
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job, token?: string) => {
      const parsed = appJobSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`not a linkmedic job: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      if (job.id && token) running.set(job.id, { job, token });
      try {
        return await runJob(rt, parsed.data);
      } finally {
        if (job.id) running.delete(job.id);
      }
    },
    {
      connection: { url: options.url },
      prefix: options.prefix,
      concurrency: options.concurrency,
      name: options.name ?? `${hostname()}:${process.pid}`,
      maxStalledCount: MAX_STALLED,
      ...(options.lockDurationMs !== undefined && { lockDuration: options.lockDurationMs }),
      ...(options.stalledIntervalMs !== undefined && { stalledInterval: options.stalledIntervalMs }),
    },
  );
  const label = (job: Job | undefined): string => {
    const parsed = appJobSchema.safeParse(job?.data);
    return parsed.success ? jobIdentity(parsed.data).label : `job ${job?.id ?? '?'}`;
  };
  worker.on('failed', (job, error) => {
    const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
    if (final) rt.log.error({ err: error, job: job?.id }, `${label(job)} failed`);
    else rt.log.warn({ err: error, job: job.id, attempt: job.attemptsMade }, `${label(job)} failed; trying again later`);
  });
  worker.on('stalled', (jobId) => rt.log.warn({ job: jobId }, 'a job whose worker stopped answering goes back to the queue'));
  worker.on('error', (error) => rt.log.error({ err: error }, 'the job worker (Redis) failed'));
  let closing: Promise<void> | undefined;
  return {
    worker,
    close: () => (closing ??= worker.close()),
    handBack: async () => {
      for (const { job, token } of running.values()) {
        await job.moveToWait(token).catch((error: unknown) => rt.log.warn({ err: error, job: job.id }, 'could not hand the job back: another worker takes it once its lock lapses'));
      }
      // A graceful close already under way would wait for the jobs just handed back: the caller exits instead.
      if (!closing) await (closing = worker.close(true));
    },
  };
}
