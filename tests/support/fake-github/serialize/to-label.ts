import type { Urls } from '../http/route.js';
import type { FakeLabel, FakeRepo } from '../state/types.js';
import type { Schemas } from './schemas.js';

export function toLabel(repo: FakeRepo, label: FakeLabel, urls: Urls): Schemas['label'] {
  return {
    id: label.id,
    node_id: Buffer.from(`05:Label${label.id}`).toString('base64'),
    url: `${urls.api}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.default,
  };
}
