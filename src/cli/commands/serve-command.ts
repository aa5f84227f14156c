import { Command } from 'commander';
import { run as runProbot } from 'probot';
import { readAppSettings, type Env } from '../../github-app/app-settings.js';
import { withDotEnv } from '../../github-app/with-dot-env.js';
import { AppMetrics } from '../../github-app/ops/app-metrics.js';
import { startAppServer } from '../../github-app/start-app-server.js';
import type { CliIo } from '../cli-io.js';

/** Resolves on the first SIGINT or SIGTERM (what `docker stop` and systemd send). */
const untilSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });

/** Nothing identifies the app yet (outside production, where that is an error): register it first. */
const needsRegistration = (env: Env): boolean =>
  !env.APP_ID?.trim() && !env.PRIVATE_KEY?.trim() && !env.PRIVATE_KEY_PATH?.trim() && env.NODE_ENV !== 'production';

/** `linkmedic serve` (and `npm start`): the GitHub App, its webhooks and its nightly schedule. */
export function serveCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('serve')
    .description('run the GitHub App: webhooks, and the nightly pass on LINKMEDIC_CRON (see docs/github-app.md)')
    .action(async () => {
      const env = withDotEnv(io.env, io.cwd);
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
      const app = await startAppServer(settings, { env, metrics: new AppMetrics({ process: true }) });
      const schedule = app.scheduler ? `nightly pass "${settings.cron}" (${settings.timezone}), next ${app.scheduler.nextRun()?.toISOString() ?? 'never'}` : 'no nightly schedule (LINKMEDIC_CRON=off: run linkmedic run-nightly from your own scheduler)';
      io.stderr.write(`linkmedic: listening on ${settings.host}:${app.port}${settings.webhookPath}; ${schedule}\n`);
      const signal = await untilSignal();
      io.stderr.write(`linkmedic: ${signal}: stopping after the current repository (an unfinished pass resumes at the next start)\n`);
      await app.stop();
      setExitCode(0);
    });
}
