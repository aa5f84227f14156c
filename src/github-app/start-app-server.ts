import { Server, type Logger } from 'probot';
import { openStore } from '../store/open-store.js';
import { linkmedicApp } from './app.js';
import type { AppSettings } from './app-settings.js';
import { createAppLog } from './create-app-log.js';
import { appProbotClass } from './create-app-probot.js';
import type { GithubPacing } from './github/create-app-octokit.js';
import { RESUME_WITHIN_MS, runNightlyPass } from './nightly/run-nightly-pass.js';
import { AppRuntime, type AppDeps } from './runtime/app-runtime.js';
import { startScheduler, type Scheduler } from './scheduler/start-scheduler.js';

export interface AppServerOptions extends Partial<AppDeps> {
  pacing?: GithubPacing;
  log?: Logger;
}

export interface RunningAppServer {
  server: Server;
  runtime: AppRuntime;
  scheduler?: Scheduler;
  /** The port actually listened on (PORT=0 picks a free one). */
  port: number;
  stop(): Promise<void>;
}

/**
 * `linkmedic serve` / `npm start`: Probot's server (webhooks verified against WEBHOOK_SECRET) with
 * linkmedic's handlers, the cron-scheduled nightly pass in the same process, and a pass cut short
 * by a crash or restart resumed at startup.
 */
export async function startAppServer(settings: AppSettings, options: AppServerOptions = {}): Promise<RunningAppServer> {
  const store = options.store ?? (await openStore({ path: settings.dbPath, ...(options.now && { now: options.now }) }));
  const log = options.log ?? createAppLog(settings);
  const server = new Server({
    Probot: appProbotClass(settings, { ...(options.pacing && { pacing: options.pacing }), log }),
    host: settings.host,
    port: settings.port,
    webhookPath: settings.webhookPath,
    log,
  });
  let runtime: AppRuntime | undefined;
  await server.load((probot) => {
    runtime = new AppRuntime(probot, { ...options, store, allowPrivateNetworks: options.allowPrivateNetworks ?? settings.allowPrivateNetworks });
    linkmedicApp(runtime);
  });
  const http = await server.start();
  const rt = runtime!;
  const stopping = new AbortController();
  const pass = (trigger: string) => runNightlyPass(rt, { trigger, signal: stopping.signal });
  const scheduler = settings.cron === 'off'
    ? undefined
    : startScheduler({ cron: settings.cron, timezone: settings.timezone, run: () => pass('schedule'), log: rt.log });
  const unfinished = await rt.passes.unfinishedPass();
  if (unfinished && rt.now().getTime() - unfinished.startedAt.getTime() <= RESUME_WITHIN_MS) rt.enqueue('resuming the nightly pass', () => pass('startup'));
  const address = http.address();
  return {
    server,
    runtime: rt,
    ...(scheduler && { scheduler }),
    port: typeof address === 'object' && address ? address.port : settings.port,
    stop: async () => {
      stopping.abort();
      await scheduler?.stop();
      http.closeAllConnections();
      await server.stop();
      rt.locks.close();
      await rt.idle();
      if (!options.store) await store.close();
    },
  };
}
