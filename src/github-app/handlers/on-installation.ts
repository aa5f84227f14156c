import { toRepoTarget, type RestRepository } from '../repository/repo-target.js';
import { readRepoConfig } from '../repository/read-repo-config.js';
import { runRepository } from '../repository/run-repository.js';
import { ensureOnboarding } from '../onboarding/ensure-onboarding.js';
import type { AppRuntime } from '../runtime/app-runtime.js';

/**
 * A repository the app was just given (`installation.created`, `installation_repositories.added`,
 * one job per repository so that one failing is retried without redoing the others): an onboarding
 * pull request where there is no configuration yet; a first run right away where there already is
 * one. Archived repositories and forks without configuration are left alone.
 */
export async function welcomeRepository(rt: AppRuntime, installationId: number, fullName: string, signal: AbortSignal): Promise<void> {
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
