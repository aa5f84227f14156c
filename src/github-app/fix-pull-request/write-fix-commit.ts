import type { GithubClient } from '../repo-run.js';
import { FIX_BRANCH } from './fix-branch.js';
import type { FixBranch } from './inspect-fix-branch.js';

export interface FixCommitInput {
  owner: string;
  repo: string;
  /** The default branch head the catalog was read at: the commit's only parent. */
  headSha: string;
  /** Repository path → new text, for the files that change. */
  files: ReadonlyMap<string, string>;
  message: string;
  branch: Exclude<FixBranch, { kind: 'foreign' }>;
}

/**
 * Points the fix branch at one commit with the fixed files on top of `headSha`, through the git
 * data API. The tree is content-addressed, so when the branch already holds exactly that tree on
 * that parent nothing is written: a retried run does not move the branch.
 * Returns whether the branch moved.
 */
export async function writeFixCommit(octokit: GithubClient, input: FixCommitInput): Promise<boolean> {
  const where = { owner: input.owner, repo: input.repo };
  const base = await octokit.rest.git.getCommit({ ...where, commit_sha: input.headSha });
  // Catalog markdown is never executable; the git data API needs a mode for each entry.
  const entries = [...input.files].map(([path, content]) => ({ path, mode: '100644' as const, type: 'blob' as const, content }));
  const tree = await octokit.rest.git.createTree({ ...where, base_tree: base.data.tree.sha, tree: entries });
  if (input.branch.kind === 'ours' && input.branch.tip?.tree === tree.data.sha) return false;
  const commit = await octokit.rest.git.createCommit({ ...where, message: input.message, tree: tree.data.sha, parents: [input.headSha] });
  const sha = commit.data.sha;
  if (input.branch.kind === 'ours') {
    await octokit.rest.git.updateRef({ ...where, ref: `heads/${FIX_BRANCH}`, sha, force: true });
    return true;
  }
  // If the branch appeared since it was inspected, this fails (422) and the retried run inspects
  // it again: a branch someone else just created is never overwritten blindly.
  await octokit.rest.git.createRef({ ...where, ref: `refs/heads/${FIX_BRANCH}`, sha });
  return true;
}
