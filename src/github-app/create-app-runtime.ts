import type { Logger } from 'pino';
import { openStore } from '../store/open-store.js';
import { createAppLog } from './create-app-log.js';
import { AppMetrics } from './ops/app-metrics.js';
import type { AppSettings } from './app-settings.js';
import { appProbotClass } from './create-app-probot.js';
import type { GithubPacing } from './github/create-app-octokit.js';
import { AppRuntime, type AppDeps } from './runtime/app-runtime.js';

/**
 * The app without a server: for one-off passes (`run-nightly`, `run`), and under the web front or
 * a worker. The store is opened (and migrated) first; `close` waits for queued work, then closes it.
 */
export async function createAppRuntime(
  settings: AppSettings,
  options: Partial<AppDeps> & { pacing?: GithubPacing; log?: Logger } = {},
): Promise<{ runtime: AppRuntime; close: () => Promise<void> }> {
  const store = options.store ?? (await openStore({ path: settings.dbPath, ...(options.now && { now: options.now }) }));
  const metrics = options.metrics ?? new AppMetrics();
  const ProbotClass = appProbotClass(settings, { ...(options.pacing && { pacing: options.pacing }), log: options.log ?? createAppLog(settings), metrics });
  const probot = new ProbotClass();
  // Probot builds its logger and Octokit asynchronously.
  await probot.ready();
  const runtime = new AppRuntime(probot, {
    ...options,
    store,
    metrics,
    allowPrivateNetworks: options.allowPrivateNetworks ?? settings.allowPrivateNetworks,
    historyRetentionDays: options.historyRetentionDays !== undefined ? options.historyRetentionDays : settings.historyRetentionDays,
  });
  return {
    runtime,
    close: async () => {
      runtime.locks.close();
      await runtime.idle();
      if (!options.store) await store.close();
    },
  };
}
