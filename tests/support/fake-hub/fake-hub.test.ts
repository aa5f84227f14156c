import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHub, type RunningFakeHub } from './fake-hub.js';

let hub: RunningFakeHub;
beforeAll(async () => {
  hub = await startFakeHub({
    privateAccessTokens: ['hf_member'],
    repos: [
      { kind: 'model', id: 'openai-community/gpt2', likes: 3223, downloads: 15304081 },
      { kind: 'dataset', id: 'laion/laion-art', disabled: true },
      { kind: 'model', id: 'acme/hidden', private: true },
      { kind: 'model', id: 'meta/gated', gated: 'manual' },
      { kind: 'space', id: 'gradio/hello_world', likes: 12 },
    ],
  });
  hub.store.rename('model', 'openai-community/gpt2', 'openai-community/gpt2-renamed');
});
afterAll(() => hub.close());

const get = (path: string, token?: string) =>
  fetch(`${hub.url}${path}`, { redirect: 'manual', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('fake Hub', () => {
  it.each([
    ['renamed: 307 with a relative Location', '/api/models/openai-community/gpt2?expand=likes', undefined, 307, { location: '/api/models/openai-community/gpt2-renamed?expand=likes' }],
    ['missing, anonymous: 401', '/api/models/acme/none', undefined, 401, { 'x-error-code': 'RepoNotFound', 'x-error-message': 'Invalid username or password.' }],
    ['private, anonymous: 401', '/api/models/acme/hidden', undefined, 401, { 'x-error-code': 'RepoNotFound' }],
    ['missing, with a token: 404', '/api/models/acme/none', 'hf_other', 404, { 'x-error-code': 'RepoNotFound', 'x-error-message': 'Repository not found' }],
    ['private, with a member token: 200', '/api/models/acme/hidden', 'hf_member', 200, {}],
    ['disabled: 403', '/api/datasets/laion/laion-art', undefined, 403, { 'x-error-message': 'Access to this resource is disabled.' }],
    ['downloads are no Space property: 400', '/api/spaces/gradio/hello_world?expand=downloads', undefined, 400, {}],
  ])('%s', async (_case, path, token, status, headers) => {
    const response = await get(path, token);
    expect(response.status).toBe(status);
    for (const [name, value] of Object.entries(headers)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('ratelimit')).toMatch(/^"api";r=\d+;t=\d+$/);
    expect(response.headers.get('ratelimit-policy')).toBe('"fixed window";"api";q=' + (token ? 1000 : 500) + ';w=300');
  });

  it('projects `expand` and keeps ids', async () => {
    const body = await (await get('/api/models/meta/gated?expand=gated&expand=likes')).json();
    expect(body).toEqual({ _id: expect.any(String), id: 'meta/gated', gated: 'manual', likes: 0 });
  });

  it('answers the full info without `expand`, Spaces without downloads', async () => {
    const body = await (await get('/api/spaces/gradio/hello_world')).json();
    expect(body).toMatchObject({ id: 'gradio/hello_world', likes: 12, sdk: 'gradio', private: false, disabled: false });
    expect(body).not.toHaveProperty('downloads');
  });

  it('counts a fixed window and answers 429 past the quota', async () => {
    let now = 0;
    const small = await startFakeHub({ quota: 2, windowSeconds: 10, now: () => now, repos: [{ kind: 'model', id: 'a/b' }] });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${small.url}/api/models/a/b`)).status);
      const limited = await fetch(`${small.url}/api/models/a/b`);
      expect([...statuses, limited.status]).toEqual([200, 200, 429, 429]);
      expect(limited.headers.get('ratelimit')).toBe('"api";r=0;t=10');
      now = 10_000;
      expect((await fetch(`${small.url}/api/models/a/b`)).status).toBe(200);
      expect(small.counts).toEqual({ requests: 5, throttled: 2 });
    } finally {
      await small.close();
    }
  });
});
