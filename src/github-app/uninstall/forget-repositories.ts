import type { AppRuntime } from '../runtime/app-runtime.js';

export interface Uninstalled {
  account: string;
  /** `owner/name` of the repositories the app was removed from, as the webhook lists them. */
  repos: readonly string[];
  /** The whole installation went: everything kept under `account/` goes too, listed or not. */
  wholeAccount: boolean;
}

/**
 * `installation.deleted` / `installation_repositories.removed`: the repositories' queued work is
 * dropped, their leases released and the app's state about them deleted (recorded runs, checkbox
 * choices, rechecks, places in passes). Their history stays for `LINKMEDIC_HISTORY_RETENTION_DAYS`.
 * Each repository waits for its lock, so a run in progress finishes before its state goes; work
 * queued behind that run is dropped once more afterwards.
 */
export async function forgetRepositories(rt: AppRuntime, uninstalled: Uninstalled): Promise<string[]> {
  const repos = new Set(uninstalled.repos.map((repo) => repo.toLowerCase()));
  if (uninstalled.wholeAccount) for (const repo of await rt.memory.reposOf(uninstalled.account)) repos.add(repo);
  for (const repo of repos) {
    let dropped = await rt.jobs.dropWaiting(repo);
    await rt.locks.run(repo, () => rt.memory.forget(repo));
    await rt.locks.releaseRepo(repo);
    // Its history is deleted once the retention has passed (see prune-removed-history.ts).
    await rt.removals.markRepositoryRemoved(repo, rt.now());
    dropped += await rt.jobs.dropWaiting(repo);
    rt.log.info({ repo, dropped }, 'the app was removed from the repository: its queued work and app state are gone, its history stays');
  }
  return [...repos];
}
