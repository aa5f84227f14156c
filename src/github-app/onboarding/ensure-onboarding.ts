import { DEFAULT_FILES, REPO_CONFIG_PATH } from '../../config/repo-config.js';
import { requestStatus } from '../github/request-status.js';
import type { GithubClient } from '../repo-run.js';
import { matchesCatalogGlobs } from '../../config/matches-catalog-globs.js';
import { renderOnboardingConfig } from './render-onboarding-config.js';

export const ONBOARDING_BRANCH = 'linkmedic/configure';
export const ONBOARDING_TITLE = 'Configure linkmedic';
export const ONBOARDING_MARKER = '<!-- linkmedic:onboarding -->';

/** Where a repository without `.github/linkmedic.yml` stands. */
export type OnboardingState =
  /** An onboarding pull request was opened now. */
  | 'proposed'
  /** The onboarding pull request is open, waiting for a maintainer. */
  | 'pending'
  /** A human closed it unmerged: "leave this repository alone", remembered by GitHub itself. */
  | 'declined'
  /** It was merged once (the config was removed since) or closed by the app: nothing more to propose. */
  | 'completed'
  /** No markdown file to check: not a catalog, no pull request. */
  | 'not_a_catalog';

export interface OnboardingTarget {
  octokit: GithubClient;
  owner: string;
  repo: string;
  defaultBranch: string;
  headSha: string;
  botLogin: string;
}

const body = (files: readonly string[]) =>
  [
    ONBOARDING_MARKER,
    'linkmedic was installed on this repository. It does nothing here until `.github/linkmedic.yml` exists: merge this pull request to turn it on with the settings below, or edit them first.',
    '',
    `It found ${files.length} markdown file${files.length === 1 ? '' : 's'} to check and lists them in \`files\`. Every night it will then check their links, keep one report issue up to date, open an issue per link confirmed dead and propose safe fixes in one pull request.`,
    '',
    '**Close this pull request without merging to have linkmedic leave this repository alone.** It will not ask again; adding the file yourself later turns it on.',
  ].join('\n');

/**
 * One onboarding pull request per repository, found again by its branch and the app's authorship
 * (open or closed), so GitHub remembers a human's "no" and nothing is proposed twice.
 */
export async function ensureOnboarding(target: OnboardingTarget): Promise<OnboardingState> {
  const { octokit, owner, repo } = target;
  const pulls = (await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'all', head: `${owner}:${ONBOARDING_BRANCH}`, per_page: 100 })).filter(
    (pull) => pull.user?.login === target.botLogin,
  );
  if (pulls.some((pull) => pull.merged_at)) return 'completed';
  if (pulls.some((pull) => pull.state === 'open')) return 'pending';
  const closed = pulls.at(-1);
  if (closed) {
    const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: closed.number });
    return data.closed_by?.login === target.botLogin ? 'completed' : 'declined';
  }

  const { data: head } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: target.headSha });
  const { data: tree } = await octokit.rest.git.getTree({ owner, repo, tree_sha: head.tree.sha, recursive: 'true' });
  const markdown = tree.tree
    .filter((entry) => entry.type === 'blob' && entry.path)
    .map((entry) => entry.path!)
    .filter(matchesCatalogGlobs(DEFAULT_FILES));
  if (markdown.length === 0) return 'not_a_catalog';

  const { data: newTree } = await octokit.rest.git.createTree({
    owner,
    repo,
    base_tree: head.tree.sha,
    tree: [{ path: REPO_CONFIG_PATH, mode: '100644', type: 'blob', content: renderOnboardingConfig(markdown) }],
  });
  const { data: commit } = await octokit.rest.git.createCommit({ owner, repo, message: `Add ${REPO_CONFIG_PATH}`, tree: newTree.sha, parents: [target.headSha] });
  try {
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${ONBOARDING_BRANCH}`, sha: commit.sha });
  } catch (error) {
    // Left over from an attempt whose pull request was never opened: point it at the new commit.
    if (requestStatus(error) !== 422) throw error;
    await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${ONBOARDING_BRANCH}`, sha: commit.sha, force: true });
  }
  await octokit.rest.pulls.create({ owner, repo, title: ONBOARDING_TITLE, head: ONBOARDING_BRANCH, base: target.defaultBranch, body: body(markdown) });
  return 'proposed';
}
