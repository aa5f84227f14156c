import { toRepoTarget, type RestRepository } from '../repository/repo-target.js';
import { readRepoConfig } from '../repository/read-repo-config.js';
import { runRepository } from '../repository/run-repository.js';
import { ensureOnboarding } from '../onboarding/ensure-onboarding.js';
import type { AppRuntime } from '../runtime/app-runtime.js';

/**
 * Repositories the app was just given (`installation.created`, `installation_repositories.added`):
 * one onboarding pull request each where there is no configuration yet; a first run right away
 * where there already is one. Archived repositories and forks without configuration are left alone.
 * Each repository is its own piece of work: one that fails (GitHub's 5xx) is tried again without
 * redoing the others, and the nightly pass catches up after that.
 */
export function welcomeRepositories(rt: AppRuntime, installationId: number, repositories: ReadonlyArray<{ full_name: string }>): void {
  for (const { full_name } of repositories) {
    rt.enqueue(`welcoming ${full_name}`, () => rt.locks.run(full_name, (signal) => welcomeRepository(rt, installationId, full_name, signal)));
  }
}

async function welcomeRepository(rt: AppRuntime, installationId: number, fullName: string, signal: AbortSignal): Promise<void> {
  // Given back to the app after a removal: its history is kept.
  await rt.removals.forgetRepositoryRemoval(fullName);
  const [owner, repo] = fullName.split('/') as [string, string];
  const octokit = await rt.installation(installationId, signal);
  const { data } = await octokit.rest.repos.get({ owner, repo });
  const target = toRepoTarget(installationId, data as RestRepository);
  if (target.archived) return;
  const { data: branch } = await octokit.rest.repos.getBranch({ owner, repo, branch: target.defaultBranch });
  const config = await readRepoConfig(octokit, { owner, repo, ref: branch.commit.sha });
  if (config.kind === 'missing') {
    if (target.fork) return;
    const state = await ensureOnboarding({ octokit, owner, repo, defaultBranch: target.defaultBranch, headSha: branch.commit.sha, botLogin: await rt.botLogin() });
    rt.log.info({ repo: fullName, onboarding: state }, 'repository added');
  } else {
    const outcome = await runRepository(rt, target, { trigger: 'config_added', signal });
    rt.log.info({ repo: fullName, status: outcome.status }, 'repository added with a configuration: first run done');
  }
}
