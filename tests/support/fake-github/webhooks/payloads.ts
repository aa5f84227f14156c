import { randomUUID } from 'node:crypto';
import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeComment, FakeInstallation, FakeIssue, FakeRepo, FakeUser } from '../state/types.js';
import { toComment } from '../serialize/to-comment.js';
import { toInstallation } from '../serialize/to-installation.js';
import { toIssue } from '../serialize/to-issue.js';
import { toPull } from '../serialize/to-pull.js';
import { toRepository } from '../serialize/to-repository.js';
import { toUser } from '../serialize/to-user.js';
import type { WebhookEvent } from './webhook-event.js';

type Payload = Record<string, unknown>;

/** The `repository`, `sender`, `installation` (and `organization`) every repository event carries. */
function envelope(state: FakeState, urls: Urls, repo: FakeRepo, sender: FakeUser): Payload {
  const installation = state.installationFor(repo);
  return {
    repository: toRepository(repo, urls),
    ...(repo.owner.type === 'Organization' ? { organization: toUser(repo.owner, urls) } : {}),
    sender: toUser(sender, urls),
    ...(installation ? { installation: { id: installation.id, node_id: Buffer.from(`Installation${installation.id}`).toString('base64') } } : {}),
  };
}

function event(name: string, payload: Payload): WebhookEvent {
  return { id: randomUUID(), name, payload };
}

export function issuesEvent(
  state: FakeState,
  urls: Urls,
  repo: FakeRepo,
  issue: FakeIssue,
  action: 'opened' | 'edited' | 'closed' | 'reopened' | 'labeled' | 'unlabeled',
  sender: FakeUser,
  extra: Payload = {},
): WebhookEvent {
  return event('issues', { action, issue: toIssue(state, repo, issue, urls), ...extra, ...envelope(state, urls, repo, sender) });
}

export function issueCommentEvent(
  state: FakeState,
  urls: Urls,
  repo: FakeRepo,
  comment: FakeComment,
  action: 'created' | 'edited' | 'deleted',
  sender: FakeUser,
  extra: Payload = {},
): WebhookEvent {
  const issue = repo.issues.get(comment.issueNumber)!;
  return event('issue_comment', {
    action,
    issue: toIssue(state, repo, issue, urls),
    comment: toComment(state, repo, comment, urls),
    ...extra,
    ...envelope(state, urls, repo, sender),
  });
}

export function pullRequestEvent(
  state: FakeState,
  urls: Urls,
  repo: FakeRepo,
  issue: FakeIssue,
  action: 'opened' | 'edited' | 'closed' | 'reopened' | 'synchronize',
  sender: FakeUser,
  extra: Payload = {},
): WebhookEvent {
  return event('pull_request', {
    action,
    number: issue.number,
    pull_request: toPull(state, repo, issue, urls),
    ...extra,
    ...envelope(state, urls, repo, sender),
  });
}

export function pushEvent(
  state: FakeState,
  urls: Urls,
  repo: FakeRepo,
  push: { ref: string; before: string | null; after: string | null; forced: boolean; pusher: FakeUser },
): WebhookEvent {
  const zero = '0'.repeat(40);
  const web = `${urls.web}/${repo.owner.login}/${repo.name}`;
  const shas = push.after ? (push.before ? repo.git.commitsBetween(push.before, push.after) : [push.after]) : [];
  const commits = shas.map((sha) => {
    const c = repo.git.commit(sha)!;
    return {
      id: sha,
      tree_id: c.tree,
      distinct: true,
      message: c.message,
      timestamp: c.committer.date,
      url: `${web}/commit/${sha}`,
      author: { name: c.author.name, email: c.author.email },
      committer: { name: c.committer.name, email: c.committer.email },
      added: [],
      removed: [],
      modified: [],
    };
  });
  const repository = toRepository(repo, urls);
  return event('push', {
    ref: push.ref,
    before: push.before ?? zero,
    after: push.after ?? zero,
    created: push.before === null,
    deleted: push.after === null,
    forced: push.forced,
    base_ref: null,
    compare: `${web}/compare/${(push.before ?? zero).slice(0, 12)}...${(push.after ?? zero).slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
    pusher: { name: push.pusher.login, email: push.pusher.email },
    ...envelope(state, urls, repo, push.pusher),
    // Push payloads carry repository timestamps as epoch seconds, unlike every other event.
    repository: {
      ...repository,
      created_at: Math.floor(Date.parse(repo.createdAt) / 1000),
      pushed_at: Math.floor(Date.parse(repo.pushedAt) / 1000),
      master_branch: repo.defaultBranch,
    },
  });
}

function repoStub(repo: FakeRepo) {
  return {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: `${repo.owner.login}/${repo.name}`,
    private: repo.private,
  };
}

export function installationEvent(
  state: FakeState,
  urls: Urls,
  installation: FakeInstallation,
  action: 'created' | 'deleted' | 'suspend' | 'unsuspend',
  sender: FakeUser,
): WebhookEvent {
  return event('installation', {
    action,
    installation: toInstallation(state, installation, urls),
    repositories: state.installationRepos(installation).map(repoStub),
    requester: null,
    sender: toUser(sender, urls),
  });
}

export function installationRepositoriesEvent(
  state: FakeState,
  urls: Urls,
  installation: FakeInstallation,
  change: { added: FakeRepo[]; removed: FakeRepo[] },
  sender: FakeUser,
): WebhookEvent {
  return event('installation_repositories', {
    action: change.added.length > 0 ? 'added' : 'removed',
    installation: toInstallation(state, installation, urls),
    repository_selection: installation.repositorySelection,
    repositories_added: change.added.map(repoStub),
    repositories_removed: change.removed.map(repoStub),
    requester: null,
    sender: toUser(sender, urls),
  });
}
