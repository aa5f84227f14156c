import { Command } from 'commander';
import { DEFAULT_WORKER_CONCURRENCY } from '../../github-app/jobs/default-worker-concurrency.js';
import type { CliIo } from '../cli-io.js';
import { positiveInteger } from '../positive-integer.js';

/** `linkmedic worker`: runs the jobs the web process (`serve --no-worker`) and the schedule queue. */
export function workerCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('worker')
    .description('run queued jobs (webhook work, nightly repositories) from REDIS_URL; start as many as you need (see docs/github-app.md)')
    .option('--concurrency <n>', 'jobs this process runs at once, each on its own repository', positiveInteger, DEFAULT_WORKER_CONCURRENCY)
    .action(async (flags: { concurrency: number }) => (await import('./worker-action.js')).workerAction(io, setExitCode, flags));
}
