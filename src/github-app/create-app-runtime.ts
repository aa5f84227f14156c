import type { Logger } from 'pino';
import { openStore } from '../store/open-store.js';
import { createAppLog } from './create-app-log.js';
import type { AppSettings } from './app-settings.js';
import { appProbotClass } from './create-app-probot.js';
import type { GithubPacing } from './github/create-app-octokit.js';
import { AppRuntime, type AppDeps } from './runtime/app-runtime.js';

/** The app without a server, for one-off passes (`run-nightly`, `run`); `close` waits for queued work. */
export async function createAppRuntime(
  settings: AppSettings,
  options: Partial<AppDeps> & { pacing?: GithubPacing; log?: Logger } = {},
): Promise<{ runtime: AppRuntime; close: () => Promise<void> }> {
  const store = options.store ?? (await openStore({ path: settings.dbPath, ...(options.now && { now: options.now }) }));
  const ProbotClass = appProbotClass(settings, { ...(options.pacing && { pacing: options.pacing }), log: options.log ?? createAppLog(settings) });
  const probot = new ProbotClass();
  // Probot builds its logger and Octokit asynchronously.
  await probot.ready();
  const runtime = new AppRuntime(probot, { ...options, store, allowPrivateNetworks: options.allowPrivateNetworks ?? settings.allowPrivateNetworks });
  return {
    runtime,
    close: async () => {
      runtime.locks.close();
      await runtime.idle();
      if (!options.store) await store.close();
    },
  };
}
