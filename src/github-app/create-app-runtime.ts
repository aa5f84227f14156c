import type { Logger } from 'pino';
import { openStore } from '../store/open-store.js';
import { createAppLog } from './create-app-log.js';
import { AppMetrics } from './ops/app-metrics.js';
import type { AppSettings } from './app-settings.js';
import { appProbotClass } from './create-app-probot.js';
import { DEFAULT_PACING, type GithubPacing } from './github/create-app-octokit.js';
import { ThrottleGroups } from './github/throttle-groups.js';
import { BullWorkQueue } from './jobs/bull-work-queue.js';
import { AppRuntime, type AppDeps } from './runtime/app-runtime.js';

export interface AppRuntimeOptions extends Partial<AppDeps> {
  pacing?: GithubPacing;
  log?: Logger;
  /** First retry delay of queued jobs (BullMQ), doubling; default 30 s. */
  queueBackoffMs?: number;
}

/**
 * The app without a server: for one-off commands (`run-nightly`, `run`), under the web front, and
 * for `linkmedic worker`. The store is opened (and migrated) first. With `REDIS_URL`, its queue is
 * BullMQ's and GitHub's rate limits are accounted in Redis. `close` waits for work this process
 * queued for itself, then closes what it opened.
 */
export async function createAppRuntime(settings: AppSettings, options: AppRuntimeOptions = {}): Promise<{ runtime: AppRuntime; close: () => Promise<void> }> {
  const store = options.store ?? (await openStore({ path: settings.dbPath, ...(options.now && { now: options.now }) }));
  const log = options.log ?? createAppLog(settings);
  const metrics = options.metrics ?? new AppMetrics();
  const groups = new ThrottleGroups(options.pacing ?? DEFAULT_PACING);
  const ProbotClass = appProbotClass(settings, { ...(options.pacing && { pacing: options.pacing }), log, groups, metrics });
  const probot = new ProbotClass();
  // Probot builds its logger and Octokit asynchronously.
  await probot.ready();
  const queue = options.queue ?? (settings.redisUrl ? new BullWorkQueue({ url: settings.redisUrl, prefix: settings.redisPrefix, ...(options.queueBackoffMs !== undefined && { backoffMs: options.queueBackoffMs }) }, log) : undefined);
  const runtime = new AppRuntime(probot, {
    ...options,
    store,
    metrics,
    ...(queue && { queue }),
    allowPrivateNetworks: options.allowPrivateNetworks ?? settings.allowPrivateNetworks,
    historyRetentionDays: options.historyRetentionDays !== undefined ? options.historyRetentionDays : settings.historyRetentionDays,
  });
  return {
    runtime,
    close: async () => {
      runtime.locks.close();
      await runtime.idle();
      if (!options.queue) await runtime.jobs.close();
      await groups.close();
      if (!options.store) await store.close();
    },
  };
}
