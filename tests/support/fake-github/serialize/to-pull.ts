import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeIssue, FakeRepo } from '../state/types.js';
import { pullShas } from '../state/pull-shas.js';
import type { Schemas } from './schemas.js';
import { toLabel } from './to-label.js';
import { toRepository } from './to-repository.js';
import { toUser } from './to-user.js';

/** A pull request as `GET /pulls/{n}` (and create, update, webhooks) returns it. */
export function toPull(state: FakeState, repo: FakeRepo, issue: FakeIssue, urls: Urls): Schemas['pull-request'] {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const full = `${repo.owner.login}/${repo.name}`;
  const repoApi = `${urls.api}/repos/${full}`;
  const api = `${repoApi}/pulls/${issue.number}`;
  const web = `${urls.web}/${full}/pull/${issue.number}`;
  const { head, base } = pullShas(repo, issue);
  const apiRepo = toRepository(repo, urls);
  const owner = toUser(repo.owner, urls);
  const files = head && base ? diffCount(repo, base, head) : 0;
  const commits = head && base ? repo.git.commitsBetween(base, head).length : 0;
  return {
    url: api,
    id: issue.id,
    node_id: Buffer.from(`011:PullRequest${issue.id}`).toString('base64'),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: `${repoApi}/issues/${issue.number}`,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi}/pulls/comments{/number}`,
    comments_url: `${repoApi}/issues/${issue.number}/comments`,
    statuses_url: `${repoApi}/statuses/${head ?? ''}`,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: toUser(issue.user, urls),
    body: issue.body,
    labels: issue.labels.flatMap((n) => {
      const l = repo.labels.get(n.toLowerCase());
      return l ? [toLabel(repo, l, urls)] : [];
    }),
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `${repo.owner.login}:${pull.headRef}`, ref: pull.headRef, sha: head ?? '', user: owner, repo: apiRepo },
    base: { label: `${repo.owner.login}:${pull.baseRef}`, ref: pull.baseRef, sha: base ?? '', user: owner, repo: apiRepo },
    _links: {
      self: { href: api },
      html: { href: web },
      issue: { href: `${repoApi}/issues/${issue.number}` },
      comments: { href: `${repoApi}/issues/${issue.number}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi}/statuses/${head ?? ''}` },
    },
    author_association: issue.user.id === repo.owner.id ? 'OWNER' : 'NONE',
    auto_merge: null,
    draft: pull.draft,
    merged: pull.mergedAt !== null,
    mergeable: issue.state === 'open' ? true : null,
    rebaseable: issue.state === 'open' ? true : null,
    mergeable_state: issue.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.mergedBy ? toUser(pull.mergedBy, urls) : null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits,
    additions: 0,
    deletions: 0,
    changed_files: files,
  };
}

/** Fields only the single pull request answers carry. */
const DETAIL_ONLY = ['merged', 'mergeable', 'rebaseable', 'mergeable_state', 'merged_by', 'comments', 'review_comments', 'maintainer_can_modify', 'commits', 'additions', 'deletions', 'changed_files'] as const;

/**
 * A pull request as the list endpoint returns it (GitHub's `pull-request-simple`): no `merged`,
 * `mergeable*`, `merged_by`, counts or `maintainer_can_modify`. `merged_at` is how a listing tells
 * a merged pull request from a closed one.
 */
export function toPullListed(state: FakeState, repo: FakeRepo, issue: FakeIssue, urls: Urls): Omit<Schemas['pull-request'], (typeof DETAIL_ONLY)[number]> {
  const full: Partial<Schemas['pull-request']> = toPull(state, repo, issue, urls);
  for (const key of DETAIL_ONLY) delete full[key];
  return full as Omit<Schemas['pull-request'], (typeof DETAIL_ONLY)[number]>;
}

function diffCount(repo: FakeRepo, base: string, head: string): number {
  const mergeBase = repo.git.mergeBase(base, head);
  const a = mergeBase ? repo.git.files(repo.git.commit(mergeBase)!.tree) : new Map();
  const b = repo.git.files(repo.git.commit(head)!.tree);
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p)?.sha !== b.get(p)?.sha).length;
}
