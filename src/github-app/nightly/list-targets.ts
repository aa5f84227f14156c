import type { AppRuntime } from '../runtime/app-runtime.js';
import { repoKey, toRepoTarget, type RepoTarget, type RestRepository } from '../repository/repo-target.js';

export interface Targets {
  targets: RepoTarget[];
  /** Suspended installations: their owners turned the app off; their tokens would be refused. */
  suspended: number;
  /** Archived repositories: read-only on GitHub, so nothing could be written. */
  archived: number;
  /** Every repository listed (archived ones too), by `repoKey`: the app's, whether it runs them or not. */
  installed: Set<string>;
}

/** Every repository of every active installation, in a stable order (installation, then name). */
export async function listTargets(rt: AppRuntime): Promise<Targets> {
  const app = await rt.probot.auth();
  const installations = await app.paginate(app.rest.apps.listInstallations, { per_page: 100 });
  const result: Targets = { targets: [], suspended: 0, archived: 0, installed: new Set() };
  for (const installation of [...installations].sort((a, b) => a.id - b.id)) {
    if (installation.suspended_at) {
      result.suspended += 1;
      continue;
    }
    const octokit = await rt.installation(installation.id);
    const repositories = (await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 })) as unknown as RestRepository[];
    for (const repository of [...repositories].sort((a, b) => `${a.owner.login}/${a.name}`.localeCompare(`${b.owner.login}/${b.name}`))) {
      result.installed.add(repoKey({ owner: repository.owner.login, repo: repository.name }));
      if (repository.archived) result.archived += 1;
      else result.targets.push(toRepoTarget(installation.id, repository));
    }
  }
  return result;
}
