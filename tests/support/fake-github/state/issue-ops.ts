import { ApiError } from '../http/api-error.js';
import { issueCommentEvent, issuesEvent, pullRequestEvent } from '../webhooks/payloads.js';
import type { Effects } from './effects.js';
import type { FakeComment, FakeIssue, FakePull, FakeRepo, FakeUser } from './types.js';

export const BODY_LIMIT = 65_536;

/** GitHub's 422 for an issue, pull request or comment body over 65,536 characters. */
export function checkBody(resource: 'Issue' | 'PullRequest' | 'IssueComment', body: string | null | undefined): void {
  if (body != null && body.length > BODY_LIMIT) {
    throw ApiError.validation({ resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${BODY_LIMIT} characters)` });
  }
}

/** Creates labels that do not exist yet, as adding an unknown label to an issue does on GitHub. */
export function ensureLabels(fx: Effects, repo: FakeRepo, names: string[]): string[] {
  return names.map((name) => {
    if (name.length > 50) throw ApiError.validation({ resource: 'Label', code: 'invalid', field: 'name', value: name });
    const existing = repo.labels.get(name.toLowerCase());
    if (existing) return existing.name;
    repo.labels.set(name.toLowerCase(), { id: fx.state.nextId(), name, color: 'ededed', description: null, default: false });
    return name;
  });
}

function event(fx: Effects, repo: FakeRepo, issue: FakeIssue, name: string, actor: FakeUser, extra: Partial<FakeRepo['events'][number]> = {}) {
  repo.events.push({
    id: fx.state.nextId(),
    issueNumber: issue.number,
    event: name,
    actor,
    viaApp: actor.type === 'Bot',
    createdAt: fx.state.timestamp(),
    commitId: null,
    ...extra,
  });
}

export function createIssue(
  fx: Effects,
  repo: FakeRepo,
  input: { title: string; body: string | null; labels: string[]; user: FakeUser; pull?: FakePull },
): FakeIssue {
  const now = fx.state.timestamp();
  const issue: FakeIssue = {
    id: fx.state.nextId(),
    number: repo.nextNumber++,
    title: input.title,
    body: input.body,
    state: 'open',
    stateReason: null,
    user: input.user,
    viaApp: input.user.type === 'Bot',
    labels: ensureLabels(fx, repo, input.labels),
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    pull: input.pull ?? null,
  };
  repo.issues.set(issue.number, issue);
  fx.emit(
    issue.pull
      ? pullRequestEvent(fx.state, fx.urls, repo, issue, 'opened', input.user)
      : issuesEvent(fx.state, fx.urls, repo, issue, 'opened', input.user),
  );
  return issue;
}

export interface IssueChanges {
  title?: string;
  body?: string | null;
  state?: 'open' | 'closed';
  stateReason?: FakeIssue['stateReason'];
  labels?: string[];
}

/** Applies an edit with GitHub's timeline events and webhooks (edited, closed, reopened, labeled…). */
export function editIssue(fx: Effects, repo: FakeRepo, issue: FakeIssue, changes: IssueChanges, actor: FakeUser): void {
  const now = fx.state.timestamp();
  const send = (action: 'edited' | 'closed' | 'reopened' | 'labeled' | 'unlabeled', extra: Record<string, unknown> = {}) =>
    fx.emit(
      issue.pull && action !== 'labeled' && action !== 'unlabeled'
        ? pullRequestEvent(fx.state, fx.urls, repo, issue, action, actor, extra)
        : issuesEvent(fx.state, fx.urls, repo, issue, action, actor, extra),
    );
  const edited: Record<string, { from: unknown }> = {};
  if (changes.title !== undefined && changes.title !== issue.title) {
    event(fx, repo, issue, 'renamed', actor, { rename: { from: issue.title, to: changes.title } });
    edited.title = { from: issue.title };
    issue.title = changes.title;
  }
  if (changes.body !== undefined && changes.body !== issue.body) {
    edited.body = { from: issue.body };
    issue.body = changes.body;
  }
  if (Object.keys(edited).length > 0) {
    issue.updatedAt = now;
    send('edited', { changes: edited });
  }
  if (changes.labels !== undefined) {
    const next = ensureLabels(fx, repo, changes.labels);
    const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
    for (const removed of issue.labels.filter((l) => !lower(next).has(l.toLowerCase()))) {
      issue.labels = issue.labels.filter((l) => l !== removed);
      issue.updatedAt = now;
      event(fx, repo, issue, 'unlabeled', actor, { label: { name: removed, color: repo.labels.get(removed.toLowerCase())?.color ?? 'ededed' } });
      send('unlabeled', { label: { name: removed } });
    }
    for (const added of next.filter((l) => !lower(issue.labels).has(l.toLowerCase()))) {
      issue.labels.push(added);
      issue.updatedAt = now;
      event(fx, repo, issue, 'labeled', actor, { label: { name: added, color: repo.labels.get(added.toLowerCase())!.color } });
      send('labeled', { label: { name: added } });
    }
  }
  if (changes.state === 'closed' && issue.state === 'open') {
    Object.assign(issue, { state: 'closed', closedAt: now, closedBy: actor, updatedAt: now });
    issue.stateReason = issue.pull ? null : (changes.stateReason ?? 'completed');
    if (issue.pull) {
      issue.pull.headSha = repo.refs.get(`refs/heads/${issue.pull.headRef}`) ?? issue.pull.headSha;
      issue.pull.baseSha = repo.refs.get(`refs/heads/${issue.pull.baseRef}`) ?? issue.pull.baseSha;
    }
    event(fx, repo, issue, 'closed', actor);
    send('closed');
  } else if (changes.state === 'open' && issue.state === 'closed') {
    if (issue.pull?.mergedAt) throw ApiError.validation({ resource: 'PullRequest', code: 'custom', field: 'state', message: 'state cannot be changed. The pull request has already been merged.' });
    Object.assign(issue, { state: 'open', closedAt: null, closedBy: null, updatedAt: now });
    issue.stateReason = issue.pull ? null : 'reopened';
    event(fx, repo, issue, 'reopened', actor);
    send('reopened');
  } else if (changes.stateReason !== undefined && issue.state === 'closed' && !issue.pull) {
    issue.stateReason = changes.stateReason;
  }
}

export function addComment(fx: Effects, repo: FakeRepo, issue: FakeIssue, body: string, user: FakeUser): FakeComment {
  const now = fx.state.timestamp();
  const comment: FakeComment = {
    id: fx.state.nextId(),
    issueNumber: issue.number,
    body,
    user,
    viaApp: user.type === 'Bot',
    createdAt: now,
    updatedAt: now,
  };
  repo.comments.set(comment.id, comment);
  issue.updatedAt = now;
  fx.emit(issueCommentEvent(fx.state, fx.urls, repo, comment, 'created', user));
  return comment;
}
