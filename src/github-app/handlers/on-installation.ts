import { describeGithubError } from '../github/request-status.js';
import { toRepoTarget, type RestRepository } from '../repository/repo-target.js';
import { readRepoConfig } from '../repository/read-repo-config.js';
import { runRepository } from '../repository/run-repository.js';
import { ensureOnboarding } from '../onboarding/ensure-onboarding.js';
import type { AppRuntime } from '../runtime/app-runtime.js';

/**
 * Repositories the app was just given (`installation.created`, `installation_repositories.added`):
 * one onboarding pull request each where there is no configuration yet; a first run right away
 * where there already is one. Archived repositories and forks without configuration are left alone.
 */
export async function welcomeRepositories(rt: AppRuntime, installationId: number, repositories: ReadonlyArray<{ full_name: string }>): Promise<void> {
  const octokit = await rt.installation(installationId);
  const botLogin = await rt.botLogin();
  for (const { full_name } of repositories) {
    const [owner, repo] = full_name.split('/') as [string, string];
    await rt.locks.run(full_name, async () => {
      try {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        const target = toRepoTarget(installationId, data as RestRepository);
        if (target.archived) return;
        const { data: branch } = await octokit.rest.repos.getBranch({ owner, repo, branch: target.defaultBranch });
        const config = await readRepoConfig(octokit, { owner, repo, ref: branch.commit.sha });
        if (config.kind === 'missing') {
          if (target.fork) return;
          const state = await ensureOnboarding({ octokit, owner, repo, defaultBranch: target.defaultBranch, headSha: branch.commit.sha, botLogin });
          rt.log.info({ repo: full_name, onboarding: state }, 'repository added');
        } else {
          const outcome = await runRepository(rt, target, { trigger: 'config_added' });
          rt.log.info({ repo: full_name, status: outcome.status }, 'repository added with a configuration: first run done');
        }
      } catch (error) {
        // One repository's trouble does not stop the others; the nightly pass retries onboarding.
        rt.log.error({ repo: full_name, error: describeGithubError(error) }, 'welcoming a repository failed');
      }
    });
  }
}
