import { LinkmedicError } from '../errors.js';
import { requestStatus } from '../github-app/github/request-status.js';
import type { GithubClient } from '../github-app/repo-run.js';
import { DEPTH_TRAILER, HISTORY_FILE, HISTORY_README, historyReadme, type HistoryBranch, type HistoryHead } from './history-branch.js';

/** GitHub refuses files over 100 MB; stop before, with a message, rather than at its 422. */
const MAX_HISTORY_BYTES = 95 * 1024 * 1024;

export interface HistoryCommit {
  bytes: Uint8Array;
  /** Where the history was read; absent on the first run (the branch is created). */
  head?: HistoryHead;
  /** Commits the chain may hold; the next one after that starts it again as an orphan. */
  maxDepth: number;
  /** First line of the commit message. */
  title: string;
}

/**
 * Commits the history file on top of the commit it was read at, through the git data API (blob,
 * tree, commit, ref): on the first run as an orphan branch, never touching any other branch. A
 * binary file's old versions are of little use and every clone downloads them, so once the chain
 * is `maxDepth` long the branch starts again from one commit. A branch that moved since it was
 * read (another run) is not overwritten: this run's history is then not saved, and it says so.
 */
export async function writeHistoryBranch(octokit: GithubClient, where: HistoryBranch, commit: HistoryCommit): Promise<{ sha: string; depth: number }> {
  const { owner, repo, branch } = where;
  if (commit.bytes.byteLength > MAX_HISTORY_BYTES) {
    throw new LinkmedicError('DB_ERROR', `the history file has grown to ${Math.round(commit.bytes.byteLength / 1048576)} MB, too large for a GitHub file`, 'keep the history elsewhere (the linkmedic app or CLI)');
  }
  const { data: blob } = await octokit.rest.git.createBlob({ owner, repo, content: Buffer.from(commit.bytes).toString('base64'), encoding: 'base64' });
  const { data: tree } = await octokit.rest.git.createTree({
    owner,
    repo,
    tree: [
      { path: HISTORY_FILE, mode: '100644', type: 'blob', sha: blob.sha },
      { path: HISTORY_README, mode: '100644', type: 'blob', content: historyReadme(where) },
    ],
  });
  const depth = commit.head && commit.head.depth < commit.maxDepth ? commit.head.depth + 1 : 1;
  const parents = depth > 1 && commit.head ? [commit.head.sha] : [];
  const message = `${commit.title}\n\n${DEPTH_TRAILER}: ${depth}\n`;
  const { data: created } = await octokit.rest.git.createCommit({ owner, repo, message, tree: tree.sha, parents });
  const moved = () => new LinkmedicError('EXTERNAL_SERVICE', `the branch ${branch} moved while this run worked (another linkmedic run?): this run's history was not saved`, 'let one linkmedic run at a time: `concurrency: linkmedic` in the workflow');
  try {
    if (!commit.head) {
      await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: created.sha });
    } else {
      // Starting the chain again is a forced update: first make sure nobody else moved the branch.
      if (depth === 1 && (await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data.object.sha !== commit.head.sha) throw moved();
      await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: created.sha, force: depth === 1 });
    }
  } catch (error) {
    if (requestStatus(error) === 422) throw moved();
    throw error;
  }
  return { sha: created.sha, depth };
}
