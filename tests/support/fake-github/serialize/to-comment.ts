import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeComment, FakeRepo } from '../state/types.js';
import type { Schemas } from './schemas.js';
import { toApp } from './to-app.js';
import { toUser } from './to-user.js';

export function toComment(state: FakeState, repo: FakeRepo, c: FakeComment, urls: Urls): Schemas['issue-comment'] {
  const repoApi = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  const isPull = repo.issues.get(c.issueNumber)?.pull != null;
  return {
    id: c.id,
    node_id: Buffer.from(`012:IssueComment${c.id}`).toString('base64'),
    url: `${repoApi}/issues/comments/${c.id}`,
    html_url: `${urls.web}/${repo.owner.login}/${repo.name}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${repoApi}/issues/${c.issueNumber}`,
    body: c.body,
    user: toUser(c.user, urls),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.id === repo.owner.id ? 'OWNER' : 'NONE',
    performed_via_github_app: c.viaApp ? toApp(state.app, urls) : null,
  };
}
