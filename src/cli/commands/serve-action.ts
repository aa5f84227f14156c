import { run as runProbot } from 'probot';
import { LinkmedicError } from '../../errors.js';
import { readAppSettings, type AppSettings, type Env } from '../../github-app/app-settings.js';
import { withDotEnv } from '../../github-app/with-dot-env.js';
import { AppMetrics } from '../../github-app/ops/app-metrics.js';
import { startAppServer, type RunningAppServer } from '../../github-app/start-app-server.js';
import type { CliIo } from '../cli-io.js';
import { stopOnSignal, untilSignal } from '../stop-on-signal.js';

/** Nothing identifies the app yet (outside production, where that is an error): register it first. */
const needsRegistration = (env: Env): boolean =>
  !env.APP_ID?.trim() && !env.PRIVATE_KEY?.trim() && !env.PRIVATE_KEY_PATH?.trim() && env.NODE_ENV !== 'production';

/** What the process does, in the line it starts with. */
function describeMode(settings: AppSettings, app: RunningAppServer): string {
  const listening = `listening on ${settings.host}:${app.port}${settings.webhookPath}`;
  if (settings.redisUrl) {
    const queue = `queue on redis ${new URL(settings.redisUrl).host} (prefix ${settings.redisPrefix})`;
    const schedule = settings.cron === 'off' ? 'no nightly schedule (LINKMEDIC_CRON=off)' : `nightly pass "${settings.cron}" (${settings.timezone}) scheduled in the queue`;
    return `${listening}; ${queue}, ${app.worker ? 'jobs also run here' : 'jobs run on workers (linkmedic worker)'}; ${schedule}`;
  }
  const schedule = app.scheduler ? `nightly pass "${settings.cron}" (${settings.timezone}), next ${app.scheduler.nextRun()?.toISOString() ?? 'never'}` : 'no nightly schedule (LINKMEDIC_CRON=off: run linkmedic run-nightly from your own scheduler)';
  return `${listening}; ${schedule}`;
}

/** What `linkmedic serve` does once its arguments are parsed (loaded only when it runs). */
export async function serveAction(io: CliIo, setExitCode: (code: number) => void, flags: { worker: boolean }): Promise<void> {
  const env = withDotEnv(io.env, io.cwd);
  if (!flags.worker && !env.REDIS_URL?.trim()) {
    throw new LinkmedicError('USAGE', '--no-worker needs REDIS_URL: without a queue, this process is the one that does the work', 'set REDIS_URL and start linkmedic worker processes, or drop --no-worker');
  }
  if (needsRegistration(env)) {
    // Probot's setup page registers the app from app.yml and writes APP_ID, PRIVATE_KEY and
    // WEBHOOK_SECRET to .env; the next start runs the app.
    const setup = await runProbot(() => undefined, { env: { ...env } });
    io.stderr.write(`linkmedic: no APP_ID and private key: register the app at http://${env.HOST?.trim() || 'localhost'}:${setup.port}/probot, then start again\n`);
    await untilSignal();
    await setup.stop();
    return;
  }
  const settings = readAppSettings(env, io.cwd);
  // The process's own metrics (memory, CPU, event loop) beside the app's: one runtime per process here.
  const app = await startAppServer(settings, { env, worker: flags.worker, metrics: new AppMetrics({ process: true }) });
  io.stderr.write(`linkmedic: ${describeMode(settings, app)}\n`);
  await stopOnSignal(io, app, (signal) =>
    settings.redisUrl
      ? `${signal}: finishing the running jobs (send it again to hand them back to the queue now)`
      : `${signal}: stopping after the current repository (an unfinished pass resumes at the next start)`);
  setExitCode(0);
}
