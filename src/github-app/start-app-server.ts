import { Server, type Logger } from 'probot';
import { openStore } from '../store/open-store.js';
import { linkmedicApp } from './app.js';
import type { AppSettings } from './app-settings.js';
import { createAppLog } from './create-app-log.js';
import { appProbotClass } from './create-app-probot.js';
import { DEFAULT_PACING, type GithubPacing } from './github/create-app-octokit.js';
import { ThrottleGroups } from './github/throttle-groups.js';
import { BullWorkQueue } from './jobs/bull-work-queue.js';
import { DEFAULT_WORKER_CONCURRENCY, startJobWorker, type JobWorker, type JobWorkerOptions } from './jobs/start-job-worker.js';
import { syncNightlySchedule } from './jobs/sync-nightly-schedule.js';
import { RESUME_WITHIN_MS, runNightlyPass } from './nightly/run-nightly-pass.js';
import { AppRuntime, type AppDeps } from './runtime/app-runtime.js';
import { startScheduler, type Scheduler } from './scheduler/start-scheduler.js';

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
  server: Server;
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
 * `linkmedic serve` / `npm start`: Probot's server (webhooks verified against WEBHOOK_SECRET) with
 * linkmedic's handlers. Without `REDIS_URL`, everything happens here: webhook work, the
 * cron-scheduled nightly pass, and a pass cut short by a crash or restart resumed at startup.
 * With it, webhook work and the nightly pass (a BullMQ job scheduler, one per deployment) go to the
 * queue, which this process also works on unless told not to.
 */
export async function startAppServer(settings: AppSettings, options: AppServerOptions = {}): Promise<RunningAppServer> {
  const store = options.store ?? (await openStore({ path: settings.dbPath, ...(options.now && { now: options.now }) }));
  const log = options.log ?? createAppLog(settings);
  const groups = new ThrottleGroups(options.pacing ?? DEFAULT_PACING);
  const queue = options.queue ?? (settings.redisUrl ? new BullWorkQueue({ url: settings.redisUrl, prefix: settings.redisPrefix, ...(options.queueBackoffMs !== undefined && { backoffMs: options.queueBackoffMs }) }, log) : undefined);
  const server = new Server({
    Probot: appProbotClass(settings, { ...(options.pacing && { pacing: options.pacing }), log, groups }),
    host: settings.host,
    port: settings.port,
    webhookPath: settings.webhookPath,
    log,
  });
  let runtime: AppRuntime | undefined;
  await server.load((probot) => {
    runtime = new AppRuntime(probot, { ...options, store, ...(queue && { queue }), allowPrivateNetworks: options.allowPrivateNetworks ?? settings.allowPrivateNetworks });
    linkmedicApp(runtime);
  });
  const http = await server.start();
  const rt = runtime!;
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
  const address = http.address();
  return {
    server,
    runtime: rt,
    ...(scheduler && { scheduler }),
    ...(worker && { worker }),
    port: typeof address === 'object' && address ? address.port : settings.port,
    stop: async () => {
      rt.stopping.abort();
      await scheduler?.stop();
      http.closeAllConnections();
      await server.stop();
      await worker?.close();
      await rt.idle();
      if (!options.queue) await rt.jobs.close();
      await groups.close();
      if (!options.store) await store.close();
    },
    handBack: async () => {
      await worker?.handBack();
    },
  };
}
