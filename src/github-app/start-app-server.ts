import type { Server } from 'node:http';
import type { Logger } from 'probot';
import { linkmedicApp } from './app.js';
import type { AppSettings } from './app-settings.js';
import { createAppRuntime } from './create-app-runtime.js';
import type { GithubPacing } from './github/create-app-octokit.js';
import { BullWorkQueue } from './jobs/bull-work-queue.js';
import { DEFAULT_WORKER_CONCURRENCY } from './jobs/default-worker-concurrency.js';
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './jobs/start-job-worker.js';
import { syncNightlySchedule } from './jobs/sync-nightly-schedule.js';
import { RESUME_WITHIN_MS, runNightlyPass } from './nightly/run-nightly-pass.js';
import type { AppDeps, AppRuntime } from './runtime/app-runtime.js';
import { startScheduler, type Scheduler } from './scheduler/start-scheduler.js';
import { checkReadiness } from './server/check-readiness.js';
import { listenHttp } from './server/listen-http.js';
import { OPS_PATHS, opsRoutes } from './server/ops-routes.js';

export interface AppServerOptions extends Partial<AppDeps> {
  pacing?: GithubPacing;
  log?: Logger;
  /**
   * With `REDIS_URL`: whether this process also runs queued jobs (default), or only answers
   * webhooks and queues them (`serve --no-worker`). Without Redis this process runs everything.
   */
  worker?: boolean | Partial<Omit<JobWorkerOptions, 'url' | 'prefix'>>;
  /** First retry delay of queued jobs (BullMQ), doubling; default 30 s. */
  queueBackoffMs?: number;
}

export interface RunningAppServer {
  http: Server;
  runtime: AppRuntime;
  /** The in-process nightly schedule (node-cron); with Redis the schedule is BullMQ's. */
  scheduler?: Scheduler;
  /** With Redis and without `--no-worker`: the jobs this process runs. */
  worker?: JobWorker;
  /** The port actually listened on (PORT=0 picks a free one). */
  port: number;
  /** Stops taking webhooks and jobs; waits for the work running here. */
  stop(): Promise<void>;
  /** Hands the jobs running here back to the queue at once (another worker takes them); exit right after. */
  handBack(): Promise<void>;
}

/**
 * `linkmedic serve` / `npm start`: Probot's webhook middleware (deliveries verified against
 * WEBHOOK_SECRET) with linkmedic's handlers, and /healthz, /readyz and /metrics. The store is
 * opened and migrated before the server listens. Without `REDIS_URL`, everything happens here:
 * webhook work, the cron-scheduled nightly pass, and a pass cut short by a crash or restart
 * resumed at startup. With it, webhook work and the nightly pass (a BullMQ job scheduler, one per
 * deployment) go to the queue, which this process also works on unless told not to.
 */
export async function startAppServer(settings: AppSettings, options: AppServerOptions = {}): Promise<RunningAppServer> {
  const { runtime: rt, close } = await createAppRuntime(settings, options);
  linkmedicApp(rt);
  const webhooks = await rt.probot.getNodeMiddleware({ path: settings.webhookPath });
  const readiness = () => checkReadiness({ store: rt.store, ...(settings.redisUrl !== undefined && { redisUrl: settings.redisUrl }) });
  const http = await listenHttp({
    host: settings.host,
    port: settings.port,
    log: rt.log,
    quietPaths: OPS_PATHS,
    handlers: [webhooks, opsRoutes({ metrics: rt.metrics, readiness })],
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  let scheduler: Scheduler | undefined;
  let worker: JobWorker | undefined;
  if (rt.jobs instanceof BullWorkQueue && settings.redisUrl) {
    await syncNightlySchedule(rt.jobs.queue, settings);
    if (options.worker !== false) {
      const tuning = typeof options.worker === 'object' ? options.worker : {};
      worker = startJobWorker(rt, { url: settings.redisUrl, prefix: settings.redisPrefix, concurrency: DEFAULT_WORKER_CONCURRENCY, ...tuning });
    }
  } else {
    const pass = (trigger: string) => runNightlyPass(rt, { trigger, signal: rt.stopping.signal });
    scheduler = settings.cron === 'off' ? undefined : startScheduler({ cron: settings.cron, timezone: settings.timezone, run: () => pass('schedule'), log: rt.log });
    const unfinished = await rt.passes.unfinishedPass();
    if (unfinished && rt.now().getTime() - unfinished.startedAt.getTime() <= RESUME_WITHIN_MS) await rt.enqueue({ kind: 'nightly-pass', trigger: 'startup' });
  }
  rt.log.info(`listening on http://${settings.host}:${http.port}${settings.webhookPath}`);
  return {
    http: http.server,
    runtime: rt,
    ...(scheduler && { scheduler }),
    ...(worker && { worker }),
    port: http.port,
    stop: async () => {
      rt.stopping.abort();
      await scheduler?.stop();
      await http.close();
      await worker?.close();
      await close();
    },
    handBack: async () => {
      await worker?.handBack();
    },
  };
}
