import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeIssueEvent, FakeRepo } from '../state/types.js';
import type { Schemas } from './schemas.js';
import { toApp } from './to-app.js';
import { toUser } from './to-user.js';

export function toIssueEvent(state: FakeState, repo: FakeRepo, e: FakeIssueEvent, urls: Urls): Schemas['issue-event'] {
  const repoApi = `${urls.api}/repos/${repo.owner.login}/${repo.name}`;
  return {
    id: e.id,
    node_id: Buffer.from(`09:Event${e.id}`).toString('base64'),
    url: `${repoApi}/issues/events/${e.id}`,
    actor: toUser(e.actor, urls),
    event: e.event,
    commit_id: e.commitId,
    commit_url: e.commitId ? `${repoApi}/commits/${e.commitId}` : null,
    created_at: e.createdAt,
    performed_via_github_app: e.viaApp ? toApp(state.app, urls) : null,
    ...(e.label ? { label: e.label } : {}),
    ...(e.rename ? { rename: e.rename } : {}),
  };
}
