import type { Urls } from '../http/route.js';
import type { FakeState } from '../state/fake-state.js';
import type { FakeInstallation } from '../state/types.js';
import type { Schemas } from './schemas.js';
import { toUser } from './to-user.js';

export function toInstallation(state: FakeState, i: FakeInstallation, urls: Urls): Schemas['installation'] {
  return {
    id: i.id,
    client_id: `Iv1.${state.app.id.toString(16).padStart(16, '0')}`,
    account: toUser(i.account, urls),
    repository_selection: i.repositorySelection,
    access_tokens_url: `${urls.api}/app/installations/${i.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.web}/settings/installations/${i.id}`,
    app_id: state.app.id,
    app_slug: state.app.slug,
    target_id: i.account.id,
    target_type: i.account.type === 'Organization' ? 'Organization' : 'User',
    permissions: i.permissions,
    events: i.events,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: i.suspendedAt ? toUser(i.account, urls) : null,
    suspended_at: i.suspendedAt,
  };
}
