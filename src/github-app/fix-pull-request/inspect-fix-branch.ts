import { isNotFound } from '../github/request-status.js';
import type { GithubClient } from '../repo-run.js';
import { FIX_BRANCH } from './fix-branch.js';

/** The fix branch as linkmedic finds it before writing. */
export type FixBranch =
  /** No such branch. */
  | { kind: 'absent' }
  /**
   * Only linkmedic's commits are on it (or none, relative to the default branch head): it may be
   * rebuilt. `tip` is set when it is exactly one commit on top of that head.
   */
  | { kind: 'ours'; sha: string; tip?: { tree: string } }
  /** Someone else committed to it: linkmedic must not rewrite it. */
  | { kind: 'foreign'; sha: string; authors: string[] };

// Commits a GitHub App makes through the API are authored by its bot; GitHub may commit them as `web-flow`.
const isAppCommit = (commit: { author: { login: string } | null; committer: { login: string } | null }, botLogin: string): boolean =>
  commit.author?.login === botLogin && (commit.committer?.login === botLogin || commit.committer?.login === 'web-flow');

/** Reads the fix branch and who wrote each commit it has beyond the default branch head. */
export async function inspectFixBranch(octokit: GithubClient, where: { owner: string; repo: string; botLogin: string; headSha: string }): Promise<FixBranch> {
  let sha: string;
  try {
    sha = (await octokit.rest.git.getRef({ owner: where.owner, repo: where.repo, ref: `heads/${FIX_BRANCH}` })).data.object.sha;
  } catch (error) {
    if (isNotFound(error)) return { kind: 'absent' };
    throw error;
  }
  const { data } = await octokit.rest.repos.compareCommits({ owner: where.owner, repo: where.repo, base: where.headSha, head: sha });
  const foreign = data.commits.filter((commit) => !isAppCommit(commit as Parameters<typeof isAppCommit>[0], where.botLogin));
  if (foreign.length > 0) {
    const authors = [...new Set(foreign.map((commit) => commit.author?.login ?? commit.commit.author?.email ?? 'unknown'))];
    return { kind: 'foreign', sha, authors };
  }
  const only = data.commits.length === 1 ? data.commits[0] : undefined;
  const onHead = only && only.parents.length === 1 && only.parents[0]!.sha === where.headSha;
  return { kind: 'ours', sha, ...(onHead && { tip: { tree: only.commit.tree.sha } }) };
}
