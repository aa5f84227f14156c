import { LinkmedicError } from '../../errors.js';
import { isNotFound } from '../github/request-status.js';
import type { AppRuntime } from '../runtime/app-runtime.js';
import { toRepoTarget, type RepoTarget, type RestRepository } from './repo-target.js';

/** The repository as the app's installation on it sees it; a usage error when the app is not installed there. */
export async function findRepoTarget(rt: AppRuntime, owner: string, repo: string): Promise<RepoTarget> {
  const app = await rt.probot.auth();
  let installationId: number;
  try {
    installationId = (await app.rest.apps.getRepoInstallation({ owner, repo })).data.id;
  } catch (error) {
    if (isNotFound(error)) throw new LinkmedicError('USAGE', `the app is not installed on ${owner}/${repo}`, 'install it on the repository first');
    throw error;
  }
  const octokit = await rt.installation(installationId);
  const { data } = await octokit.rest.repos.get({ owner, repo });
  return toRepoTarget(installationId, data as RestRepository);
}
