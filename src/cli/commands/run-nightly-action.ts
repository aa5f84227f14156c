import { EXIT } from '../../errors.js';
import { readAppSettings } from '../../github-app/app-settings.js';
import { withDotEnv } from '../../github-app/with-dot-env.js';
import { createAppRuntime } from '../../github-app/create-app-runtime.js';
import { runNightlyPass } from '../../github-app/nightly/run-nightly-pass.js';
import type { CliIo } from '../cli-io.js';

/** What `linkmedic run-nightly` does once its arguments are parsed (loaded only when it runs). */
export async function runNightlyAction(io: CliIo, setExitCode: (code: number) => void): Promise<void> {
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
}
