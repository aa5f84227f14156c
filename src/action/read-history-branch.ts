import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LinkmedicError } from '../errors.js';
import { isNotFound } from '../github-app/github/request-status.js';
import type { GithubClient } from '../github-app/repo-run.js';
import { depthOf, HISTORY_FILE, HISTORY_README, type HistoryBranch, type HistoryHead } from './history-branch.js';

/**
 * Fetches the history file from the branch into `path` (removing any file already there) and says
 * at which commit; nothing when the branch does not exist yet (the first scheduled run). A branch
 * of that name holding anything else is somebody else's: refused, never overwritten.
 */
export async function readHistoryBranch(octokit: GithubClient, where: HistoryBranch, path: string): Promise<HistoryHead | undefined> {
  const { owner, repo, branch } = where;
  rmSync(path, { force: true });
  let sha: string;
  try {
    sha = (await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
  const { data: tree } = await octokit.rest.git.getTree({ owner, repo, tree_sha: commit.tree.sha });
  const file = tree.tree.find((entry) => entry.path === HISTORY_FILE && entry.type === 'blob');
  const foreign = tree.tree.filter((entry) => entry.path !== HISTORY_FILE && entry.path !== HISTORY_README);
  if (foreign.length > 0 || !file?.sha) {
    const what = foreign.length > 0 ? `holds other files (${foreign.map((entry) => entry.path).slice(0, 3).join(', ')})` : `has no ${HISTORY_FILE}`;
    throw new LinkmedicError('USAGE', `the branch ${branch} ${what}: it is not linkmedic's history`, 'set the history-branch input to a branch linkmedic may own');
  }
  const { data: blob } = await octokit.rest.git.getBlob({ owner, repo, file_sha: file.sha });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(blob.content, blob.encoding === 'base64' ? 'base64' : 'utf8'));
  return { sha, depth: depthOf(commit.message) };
}
