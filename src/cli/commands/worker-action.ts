import { LinkmedicError } from '../../errors.js';
import { readAppSettings } from '../../github-app/app-settings.js';
import { AppMetrics } from '../../github-app/ops/app-metrics.js';
import { NEEDS_REDIS, startAppWorker } from '../../github-app/start-app-worker.js';
import { withDotEnv } from '../../github-app/with-dot-env.js';
import type { CliIo } from '../cli-io.js';
import { stopOnSignal } from '../stop-on-signal.js';

/** What `linkmedic worker` does once its arguments are parsed (loaded only when it runs). */
export async function workerAction(io: CliIo, setExitCode: (code: number) => void, flags: { concurrency: number }): Promise<void> {
  const env = withDotEnv(io.env, io.cwd);
  if (!env.REDIS_URL?.trim()) throw new LinkmedicError('CONFIG_INVALID', `linkmedic worker ${NEEDS_REDIS}`, 'without it, linkmedic serve runs everything in one process');
  const settings = readAppSettings(env, io.cwd, { webhooks: false });
  const app = await startAppWorker(settings, { env, worker: { concurrency: flags.concurrency }, metrics: new AppMetrics({ process: true }) });
  const schedule = settings.cron === 'off' ? 'no nightly schedule (LINKMEDIC_CRON=off)' : `nightly pass "${settings.cron}" (${settings.timezone}) scheduled in the queue`;
  io.stderr.write(`linkmedic: worker taking up to ${flags.concurrency} jobs at once from redis ${new URL(settings.redisUrl!).host} (prefix ${settings.redisPrefix}); ${schedule}; /healthz, /readyz and /metrics on ${settings.host}:${app.opsPort}\n`);
  await stopOnSignal(io, app, (signal) => `${signal}: finishing the running jobs (send it again to hand them back to the queue now)`);
  setExitCode(0);
}
