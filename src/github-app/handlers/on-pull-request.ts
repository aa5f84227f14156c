import { asMetadataClient } from '../github/as-metadata-client.js';
import { acknowledgeDeclined } from '../onboarding/acknowledge-declined.js';
import { ONBOARDING_BRANCH } from '../onboarding/ensure-onboarding.js';
import { checkPullRequest } from '../pull-request-check/check-pull-request.js';
import { readRepoConfig } from '../repository/read-repo-config.js';
import type { RepoTarget } from '../repository/repo-target.js';
import type { AppRuntime } from '../runtime/app-runtime.js';

export interface PullFacts {
  number: number;
  head: { sha: string; ref: string };
  base: { sha: string };
  user: { login: string } | null;
  merged?: boolean | null;
}

/**
 * `opened` / `synchronize` / `reopened`: the links the pull request adds, checked against the
 * configuration on the default branch (a pull request cannot change how it is judged). It writes
 * only its own check run, never the report or issues, so it does not wait for the repository's lease.
 */
export async function onPullRequestChanged(rt: AppRuntime, target: RepoTarget, pull: PullFacts): Promise<void> {
  const octokit = await rt.installation(target.installationId);
  const config = await readRepoConfig(octokit, { owner: target.owner, repo: target.repo, ref: target.defaultBranch });
  if (config.kind !== 'valid') return;
  const http = rt.httpFor(config.config.allowPrivateNetworks);
  try {
    await checkPullRequest({
      octokit,
      owner: target.owner,
      repo: target.repo,
      pull,
      config: config.config,
      http,
      env: rt.env,
      now: rt.now,
      log: rt.log,
      github: { client: asMetadataClient(octokit) },
      check: { ...rt.check, timeoutMs: config.config.timeoutMs },
    });
  } finally {
    await http.close();
  }
}

/** `closed`: a human closing the onboarding pull request unmerged means "leave this repository alone". */
export async function onPullRequestClosed(rt: AppRuntime, target: RepoTarget, pull: PullFacts, sender: string, signal: AbortSignal): Promise<void> {
  const botLogin = await rt.botLogin();
  if (pull.merged || pull.head.ref !== ONBOARDING_BRANCH || pull.user?.login !== botLogin || sender === botLogin) return;
  const octokit = await rt.installation(target.installationId, signal);
  await acknowledgeDeclined(octokit, { owner: target.owner, repo: target.repo, pullNumber: pull.number, botLogin });
  rt.log.info({ repo: `${target.owner}/${target.repo}`, by: sender }, 'onboarding declined: leaving the repository alone');
}
