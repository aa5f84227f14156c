import type { Urls } from '../http/route.js';
import type { FakeApp } from '../state/types.js';
import type { Schemas } from './schemas.js';
import { toUser } from './to-user.js';

export function toApp(app: FakeApp, urls: Urls, installationsCount?: number): Schemas['integration'] {
  return {
    id: app.id,
    slug: app.slug,
    node_id: Buffer.from(`03:Integration${app.id}`).toString('base64'),
    client_id: `Iv1.${app.id.toString(16).padStart(16, '0')}`,
    owner: toUser(app.owner, urls),
    name: app.name,
    description: 'linkmedic test app',
    external_url: `${urls.web}/apps/${app.slug}`,
    html_url: `${urls.web}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: app.events,
    ...(installationsCount === undefined ? {} : { installations_count: installationsCount }),
  };
}
