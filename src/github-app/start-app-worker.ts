import { LinkmedicError } from '../errors.js';
import type { AppSettings } from './app-settings.js';
import { createAppRuntime, type AppRuntimeOptions } from './create-app-runtime.js';
import { BullWorkQueue } from './jobs/bull-work-queue.js';
import { DEFAULT_WORKER_CONCURRENCY } from './jobs/default-worker-concurrency.js';
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './jobs/start-job-worker.js';
import { syncNightlySchedule } from './jobs/sync-nightly-schedule.js';
import { startOpsServer } from './server/start-ops-server.js';
import type { AppRuntime } from './runtime/app-runtime.js';

export interface AppWorkerOptions extends AppRuntimeOptions {
  worker?: Partial<Omit<JobWorkerOptions, 'url' | 'prefix'>>;
}

export interface RunningAppWorker {
  runtime: AppRuntime;
  /** The port /healthz, /readyz and /metrics answer on (`METRICS_PORT`; 0 picks a free one). */
  opsPort: number;
  /** Takes no new job, lets the running ones finish, then closes everything. */
  stop(): Promise<void>;
  /** Hands the running jobs back to the queue at once (another worker takes them); exit right after. */
  handBack(): Promise<void>;
}

/** A worker needs the queue the web process fills: it says so in one line. */
export const NEEDS_REDIS = 'needs REDIS_URL (the queue the web process fills)';

/**
 * `linkmedic worker`: runs queued jobs (webhook work, nightly repositories, the nightly fan-out)
 * until stopped, answering /healthz, /readyz and /metrics on `METRICS_PORT`. Every process keeps the deployment's nightly job scheduler in line with its
 * settings, so a deployment of workers alone still has its schedule.
 */
export async function startAppWorker(settings: AppSettings, options: AppWorkerOptions = {}): Promise<RunningAppWorker> {
  if (!settings.redisUrl) throw new LinkmedicError('CONFIG_INVALID', `linkmedic worker ${NEEDS_REDIS}`, 'without it, linkmedic serve runs everything in one process');
  const { runtime, close } = await createAppRuntime(settings, options);
  if (runtime.jobs instanceof BullWorkQueue) await syncNightlySchedule(runtime.jobs.queue, settings);
  const ops = await startOpsServer({ host: settings.host, port: settings.metricsPort, store: runtime.store, metrics: runtime.metrics, redisUrl: settings.redisUrl, log: runtime.log }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  const worker: JobWorker = startJobWorker(runtime, { url: settings.redisUrl, prefix: settings.redisPrefix, concurrency: DEFAULT_WORKER_CONCURRENCY, ...options.worker });
  return {
    runtime,
    opsPort: ops.port,
    stop: async () => {
      runtime.stopping.abort();
      await worker.close();
      await ops.close();
      await close();
    },
    handBack: () => worker.handBack(),
  };
}
