import { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/**
 * `linkmedic run-nightly`: one pass over every installation, then exit (for an external cron).
 * With `REDIS_URL` the pass is queued instead, exactly as the schedule queues it: the workers
 * share it out, and a pass already running tonight is resumed rather than started twice.
 */
export function runNightlyCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('run-nightly')
    .description('run one nightly pass over every installation and exit (resumes a pass cut short); with REDIS_URL, queue it for the workers')
    .action(async () => (await import('./run-nightly-action.js')).runNightlyAction(io, setExitCode));
}
