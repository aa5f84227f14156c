import { publishConfigCheck } from '../repository/publish-config-check.js';
import { readRepoConfig, type ConfigReading } from '../repository/read-repo-config.js';
import type { RepoTarget } from '../repository/repo-target.js';
import { runRepository } from '../repository/run-repository.js';
import type { AppRuntime } from '../runtime/app-runtime.js';

export interface PushFacts {
  ref: string;
  before: string;
  after: string;
}

const NO_COMMIT = /^0+$/;
const textOf = (reading: ConfigReading): string | undefined => (reading.kind === 'valid' ? reading.text : reading.kind === 'invalid' ? reading.message : undefined);

/**
 * A push to the default branch that changes `.github/linkmedic.yml` gets a `linkmedic config`
 * check run saying whether the file is valid, right where the maintainer looks. When the file
 * just appeared (the onboarding pull request merged), the first run starts. The file is compared
 * at both ends of the push, not read from the payload's file lists, which GitHub caps at 20 commits.
 */
export async function onDefaultBranchPush(rt: AppRuntime, target: RepoTarget, push: PushFacts, signal: AbortSignal): Promise<void> {
  if (push.ref !== `refs/heads/${target.defaultBranch}` || NO_COMMIT.test(push.after)) return;
  const octokit = await rt.installation(target.installationId, signal);
  const where = { owner: target.owner, repo: target.repo };
  const after = await readRepoConfig(octokit, { ...where, ref: push.after });
  if (after.kind === 'missing') return;
  const before: ConfigReading = NO_COMMIT.test(push.before) ? { kind: 'missing' } : await readRepoConfig(octokit, { ...where, ref: push.before });
  if (before.kind !== 'missing' && textOf(before) === textOf(after)) return;
  await publishConfigCheck(octokit, { ...where, headSha: push.after }, after.kind === 'valid' ? { ok: true } : { ok: false, message: after.message });
  if (after.kind === 'valid' && before.kind === 'missing') {
    const outcome = await runRepository(rt, target, { trigger: 'config_added', signal });
    rt.log.info({ repo: `${target.owner}/${target.repo}`, status: outcome.status }, 'configuration added: first run done');
  }
}
