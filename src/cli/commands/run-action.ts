import { EXIT } from '../../errors.js';
import { readAppSettings } from '../../github-app/app-settings.js';
import { withDotEnv } from '../../github-app/with-dot-env.js';
import { createAppRuntime } from '../../github-app/create-app-runtime.js';
import { findRepoTarget } from '../../github-app/repository/find-repo-target.js';
import { runRepository } from '../../github-app/repository/run-repository.js';
import type { CliIo } from '../cli-io.js';

/** What `linkmedic run` does once its arguments are parsed (loaded only when it runs). */
export async function runAction(io: CliIo, setExitCode: (code: number) => void, flags: { repo: string }): Promise<void> {
  const env = withDotEnv(io.env, io.cwd);
  const { runtime, close } = await createAppRuntime(readAppSettings(env, io.cwd, { webhooks: false }), { env });
  try {
    const [owner, repo] = flags.repo.split('/') as [string, string];
    const target = await findRepoTarget(runtime, owner, repo);
    // Waits while another linkmedic process writes to the repository (the server, a pass); BUSY after the wait.
    const outcome = await runtime.locks.run(flags.repo, (signal) => runRepository(runtime, target, { trigger: 'manual', signal }));
    io.stdout.write(`${flags.repo}\t${outcome.status}\t${outcome.detail}\n`);
    setExitCode(outcome.status === 'partial' ? EXIT.internal : EXIT.ok);
  } finally {
    await close();
  }
}
