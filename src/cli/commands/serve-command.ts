import { Command } from 'commander';
import { readAppSettings } from '../../github-app/app-settings.js';
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

/** `linkmedic serve` (and `npm start`): the GitHub App, its webhooks and its nightly schedule. */
export function serveCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('serve')
    .description('run the GitHub App: webhooks, and the nightly pass on LINKMEDIC_CRON (see docs/github-app.md)')
    .action(async () => {
      const settings = readAppSettings(io.env, io.cwd);
      const app = await startAppServer(settings, { env: { ...io.env } });
      io.stderr.write(`linkmedic: listening on ${settings.host}:${app.port}${settings.webhookPath}; nightly pass "${settings.cron}" (${settings.timezone}), next ${app.scheduler?.nextRun()?.toISOString() ?? 'never'}\n`);
      const signal = await untilSignal();
      io.stderr.write(`linkmedic: ${signal}: stopping after the current repository (an unfinished pass resumes at the next start)\n`);
      await app.stop();
      setExitCode(0);
    });
}
