import type { Queue } from 'bullmq';
import { readAppSettings, type AppSettings } from '../../../src/github-app/app-settings.js';
import { createAppRuntime } from '../../../src/github-app/create-app-runtime.js';
import { BullWorkQueue } from '../../../src/github-app/jobs/bull-work-queue.js';
import { startJobWorker, type JobWorker, type JobWorkerOptions } from '../../../src/github-app/jobs/start-job-worker.js';
import type { AppRuntime } from '../../../src/github-app/runtime/app-runtime.js';
import type { HistoryStore } from '../../../src/store/history-store.js';
import type { FakeGitHub } from '../../support/fake-github/index.js';
import { TEST_REDIS_URL } from '../../support/test-redis.js';
import { TEST_PACING } from './app-harness.js';

/** Fast enough for tests, long enough for a loaded machine to renew locks. */
export const TEST_LOCKS = { lockDurationMs: 3_000, stalledIntervalMs: 1_000 } as const;

export interface QueuedApp {
  settings: AppSettings;
  runtime: AppRuntime;
  queue: Queue;
  workers: JobWorker[];
  /** Starts a BullMQ worker in this process on the runtime. */
  startWorker(options?: Partial<JobWorkerOptions>): JobWorker;
  close(): Promise<void>;
}

/** The app as `linkmedic worker` builds it, on the fake GitHub, a store and a Redis prefix of the test's. */
export async function startQueuedApp(fake: FakeGitHub, options: { prefix: string; store: HistoryStore; env?: Record<string, string>; now?: () => Date }): Promise<QueuedApp> {
  const settings = readAppSettings(
    { ...fake.env, REDIS_URL: TEST_REDIS_URL, LINKMEDIC_REDIS_PREFIX: options.prefix, LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'fatal', ...options.env },
    process.cwd(),
    { webhooks: false },
  );
  const { runtime, close } = await createAppRuntime(settings, { store: options.store, pacing: TEST_PACING, queueBackoffMs: 50, ...(options.now && { now: options.now }) });
  if (!(runtime.jobs instanceof BullWorkQueue)) throw new Error('REDIS_URL did not give a BullMQ queue');
  const workers: JobWorker[] = [];
  return {
    settings,
    runtime,
    queue: runtime.jobs.queue,
    workers,
    startWorker: (tuning = {}) => {
      const worker = startJobWorker(runtime, { url: TEST_REDIS_URL, prefix: options.prefix, concurrency: 2, ...TEST_LOCKS, ...tuning });
      workers.push(worker);
      return worker;
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      await close();
    },
  };
}

/** Jobs not finished yet (waiting, running, retrying later). */
export async function unfinishedJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A promise the test resolves by hand, and one that says when something started waiting on it. */
export function gate(): { open: () => void; opened: Promise<void>; reached: Promise<void>; reach: () => void } {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return { open, opened, reached, reach };
}
