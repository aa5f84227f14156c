import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/** `linkmedic serve` (and `npm start`): the GitHub App, its webhooks and its nightly schedule. */
export function serveCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('serve')
    .description('run the GitHub App: webhooks, and the nightly pass on LINKMEDIC_CRON (see docs/github-app.md)')
    .option('--no-worker', 'with REDIS_URL: only answer webhooks and queue their work; linkmedic worker processes run it')
    .action(async (flags: { worker: boolean }) => (await import('./serve-action.js')).serveAction(io, setExitCode, flags));
}
