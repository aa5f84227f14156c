import type { Server } from 'node:http';
import type { Logger } from 'probot';
import { linkmedicApp } from './app.js';
import type { AppSettings } from './app-settings.js';
import { createAppRuntime } from './create-app-runtime.js';
import type { GithubPacing } from './github/create-app-octokit.js';
import { RESUME_WITHIN_MS, runNightlyPass } from './nightly/run-nightly-pass.js';
import type { AppDeps, AppRuntime } from './runtime/app-runtime.js';
import { startScheduler, type Scheduler } from './scheduler/start-scheduler.js';
import { checkReadiness } from './server/check-readiness.js';
import { listenHttp } from './server/listen-http.js';
import { OPS_PATHS, opsRoutes } from './server/ops-routes.js';

export interface AppServerOptions extends Partial<AppDeps> {
  pacing?: GithubPacing;
  log?: Logger;
}

export interface RunningAppServer {
  http: Server;
  runtime: AppRuntime;
  scheduler?: Scheduler;
  /** The port actually listened on (PORT=0 picks a free one). */
  port: number;
  stop(): Promise<void>;
}

/**
 * `linkmedic serve` / `npm start`: Probot's webhook middleware (deliveries verified against
 * WEBHOOK_SECRET) with linkmedic's handlers, /healthz, /readyz and /metrics, the cron-scheduled
 * nightly pass in the same process, and a pass cut short by a crash or restart resumed at startup.
 * The store is opened and migrated before the server listens.
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
  const stopping = new AbortController();
  const pass = (trigger: string) => runNightlyPass(rt, { trigger, signal: stopping.signal });
  const scheduler = settings.cron === 'off'
    ? undefined
    : startScheduler({ cron: settings.cron, timezone: settings.timezone, run: () => pass('schedule'), log: rt.log });
  const unfinished = await rt.passes.unfinishedPass();
  if (unfinished && rt.now().getTime() - unfinished.startedAt.getTime() <= RESUME_WITHIN_MS) rt.enqueue('resuming the nightly pass', () => pass('startup'));
  rt.log.info(`listening on http://${settings.host}:${http.port}${settings.webhookPath}`);
  return {
    http: http.server,
    runtime: rt,
    ...(scheduler && { scheduler }),
    port: http.port,
    stop: async () => {
      stopping.abort();
      await scheduler?.stop();
      await http.close();
      await close();
    },
  };
}
