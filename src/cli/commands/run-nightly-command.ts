import { Command } from 'commander';
import { EXIT } from '../../errors.js';
import { readAppSettings } from '../../github-app/app-settings.js';
import { withDotEnv } from '../../github-app/with-dot-env.js';
import { createAppRuntime } from '../../github-app/create-app-runtime.js';
import { runNightlyPass } from '../../github-app/nightly/run-nightly-pass.js';
import type { CliIo } from '../cli-io.js';

/**
 * `linkmedic run-nightly`: one pass over every installation, then exit (for an external cron).
 * With `REDIS_URL` the pass is queued instead, exactly as the schedule queues it: the workers
 * share it out, and a pass already running tonight is resumed rather than started twice.
 */
export function runNightlyCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('run-nightly')
    .description('run one nightly pass over every installation and exit (resumes a pass cut short); with REDIS_URL, queue it for the workers')
    .action(async () => {
      const env = withDotEnv(io.env, io.cwd);
      const { runtime, close } = await createAppRuntime(readAppSettings(env, io.cwd, { webhooks: false }), { env });
      try {
        if (runtime.jobs.distributed) {
          await runtime.enqueue({ kind: 'nightly-pass', trigger: 'cli' });
          io.stdout.write('nightly pass queued: the workers run it (each repository is logged as it is done)\n');
          setExitCode(EXIT.ok);
          return;
        }
        const outcome = await runNightlyPass(runtime, { trigger: 'cli' });
        if (outcome.status === 'busy') {
          io.stderr.write('linkmedic: another nightly pass is running (the server, or another run-nightly); nothing done\n');
          return;
        }
        for (const repo of outcome.repos) io.stdout.write(`${repo.repo}\t${repo.state}\t${repo.detail}\n`);
        const failed = outcome.repos.filter((repo) => repo.state === 'failed').length;
        io.stdout.write(`${outcome.resumed ? 'resumed' : 'ran'} pass ${outcome.passId}: ${outcome.repos.length} repositories, ${failed} failed, ${outcome.suspendedInstallations} suspended installations and ${outcome.archivedRepositories} archived repositories skipped\n`);
        setExitCode(failed > 0 ? EXIT.internal : EXIT.ok);
      } finally {
        await close();
      }
    });
}
