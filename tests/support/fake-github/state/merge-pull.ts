import { ApiError } from '../http/api-error.js';
import { pullRequestEvent } from '../webhooks/payloads.js';
import type { Effects } from './effects.js';
import type { FileMap } from './git-store.js';
import { moveRef } from './move-ref.js';
import type { FakeIssue, FakeRepo, FakeUser } from './types.js';

export interface MergeOptions {
  method?: 'merge' | 'squash' | 'rebase';
  /** Expected head sha; a mismatch is GitHub's 409. */
  sha?: string;
  title?: string;
  message?: string;
}

/**
 * Merges an open pull request into its base with a file-level three-way merge (a file changed
 * on both sides differently is a conflict: 405 "not mergeable"), then closes it as merged.
 */
export function mergePull(fx: Effects, repo: FakeRepo, issue: FakeIssue, by: FakeUser, options: MergeOptions = {}): string {
  const pull = issue.pull!;
  if (issue.state !== 'open') throw new ApiError(405, 'Pull Request is not mergeable');
  const git = repo.git;
  const head = repo.refs.get(`refs/heads/${pull.headRef}`);
  const base = repo.refs.get(`refs/heads/${pull.baseRef}`);
  if (!head || !base) throw new ApiError(405, 'Pull Request is not mergeable');
  if (options.sha && options.sha !== head) throw new ApiError(409, 'Head branch was modified. Review and try the merge again.');
  const mergeBase = git.mergeBase(base, head);
  const files = (sha: string | undefined): FileMap => (sha ? git.files(git.commit(sha)!.tree) : new Map());
  const [o, a, b] = [files(mergeBase), files(base), files(head)];
  const merged: FileMap = new Map();
  for (const path of new Set([...o.keys(), ...a.keys(), ...b.keys()])) {
    const [vo, va, vb] = [o.get(path)?.sha, a.get(path)?.sha, b.get(path)?.sha];
    // Unchanged on one side takes the other side; changed differently on both is a conflict.
    if (va !== vb && vo !== va && vo !== vb) throw new ApiError(405, 'Pull Request is not mergeable');
    const pick = va === vb || vo === vb ? a.get(path) : b.get(path);
    if (pick) merged.set(path, pick);
  }
  const now = fx.state.timestamp();
  const id = { name: by.name, email: by.email, date: now };
  const method = options.method ?? 'merge';
  const title = options.title ?? (method === 'squash' ? `${issue.title} (#${issue.number})` : `Merge pull request #${issue.number} from ${repo.owner.login}/${pull.headRef}`);
  const sha = git.putCommit({
    tree: git.treeFromFiles(merged),
    parents: method === 'merge' ? [base, head] : [base],
    author: id,
    committer: id,
    message: options.message ? `${title}\n\n${options.message}` : title,
  });
  pull.headSha = head;
  pull.baseSha = base;
  Object.assign(pull, { mergedAt: now, mergedBy: by, mergeCommitSha: sha });
  Object.assign(issue, { state: 'closed', closedAt: now, closedBy: by, updatedAt: now });
  moveRef(fx, repo, `refs/heads/${pull.baseRef}`, sha, by);
  const viaApp = by.type === 'Bot';
  repo.events.push({ id: fx.state.nextId(), issueNumber: issue.number, event: 'merged', actor: by, viaApp, createdAt: now, commitId: head });
  repo.events.push({ id: fx.state.nextId(), issueNumber: issue.number, event: 'closed', actor: by, viaApp, createdAt: now, commitId: null });
  fx.emit(pullRequestEvent(fx.state, fx.urls, repo, issue, 'closed', by));
  return sha;
}
