import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeIssue, FakeRepo } from '../state/types.js';
import type { Schemas } from './schemas.js';
import { toApp } from './to-app.js';
import { toLabel } from './to-label.js';
import { toUser } from './to-user.js';

/**
 * An issue as the issues API returns it. Pull requests appear here too, marked by a
 * `pull_request` member, exactly as GitHub lists them among issues. `closed_by` is only in the
 * single-issue answers (get, create, update): GitHub leaves it out of listings, so a client that
 * needs to know who closed an issue must get it.
 */
export function toIssue(state: FakeState, repo: FakeRepo, issue: FakeIssue, urls: Urls, options: { listed?: boolean } = {}): Schemas['issue'] {
  const repoApi = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const api = `${repoApi}/issues/${issue.number}`;
  const web = `${urls.web}/${repo.owner.login}/${repo.name}`;
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  return {
    id: issue.id,
    node_id: Buffer.from(`05:Issue${issue.id}`).toString('base64'),
    url: api,
    repository_url: repoApi,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${web}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: toUser(issue.user, urls),
    labels: issue.labels.map((name) => {
      const label = repo.labels.get(name.toLowerCase());
      return label ? toLabel(repo, label, urls) : { name };
    }) as Schemas['label'][],
    assignee: null,
    assignees: [],
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments,
    ...(issue.pull
      ? {
          pull_request: {
            url: `${repoApi}/pulls/${issue.number}`,
            html_url: `${web}/pull/${issue.number}`,
            diff_url: `${web}/pull/${issue.number}.diff`,
            patch_url: `${web}/pull/${issue.number}.patch`,
            merged_at: issue.pull.mergedAt,
          },
          draft: issue.pull.draft,
        }
      : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    ...(options.listed ? {} : { closed_by: issue.closedBy ? toUser(issue.closedBy, urls) : null }),
    timeline_url: `${api}/timeline`,
    author_association: issue.user.id === repo.owner.id ? 'OWNER' : 'NONE',
    performed_via_github_app: issue.viaApp ? toApp(state.app, urls) : null,
    reactions: {
      url: `${api}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
  };
}
