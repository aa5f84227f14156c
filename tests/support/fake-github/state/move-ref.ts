import { pullRequestEvent, pushEvent } from '../webhooks/payloads.js';
import type { Effects } from './effects.js';
import type { FakeRepo, FakeUser } from './types.js';

/**
 * Points a ref at a commit (or deletes it with null) with GitHub's side effects: a `push`
 * webhook, `synchronize` for open pull requests from that branch (plus a force-push event
 * when history was rewritten), and deleting a head branch closes its open pull requests.
 */
export function moveRef(fx: Effects, repo: FakeRepo, ref: string, sha: string | null, pusher: FakeUser): void {
  const before = repo.refs.get(ref) ?? null;
  if (before === sha) return;
  const forced = before !== null && sha !== null && !repo.git.isAncestor(before, sha);
  if (sha === null) repo.refs.delete(ref);
  else repo.refs.set(ref, sha);
  const now = fx.state.timestamp();
  repo.pushedAt = now;
  fx.emit(pushEvent(fx.state, fx.urls, repo, { ref, before, after: sha, forced, pusher }));

  const branch = ref.replace(/^refs\/heads\//, '');
  for (const issue of repo.issues.values()) {
    if (!issue.pull || issue.state !== 'open' || issue.pull.headRef !== branch) continue;
    issue.updatedAt = now;
    const viaApp = pusher.type === 'Bot';
    if (sha === null) {
      issue.pull.headSha = before;
      issue.pull.baseSha = repo.refs.get(`refs/heads/${issue.pull.baseRef}`) ?? null;
      Object.assign(issue, { state: 'closed', closedAt: now, closedBy: pusher });
      repo.events.push({ id: fx.state.nextId(), issueNumber: issue.number, event: 'closed', actor: pusher, viaApp, createdAt: now, commitId: null });
      fx.emit(pullRequestEvent(fx.state, fx.urls, repo, issue, 'closed', pusher));
      continue;
    }
    if (forced) {
      repo.events.push({ id: fx.state.nextId(), issueNumber: issue.number, event: 'head_ref_force_pushed', actor: pusher, viaApp, createdAt: now, commitId: null });
    }
    fx.emit(pullRequestEvent(fx.state, fx.urls, repo, issue, 'synchronize', pusher, { before, after: sha }));
  }
}
