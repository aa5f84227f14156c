import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeGithubApi, startFakeGithubApi, type RunningFakeGithubApi } from './fake-github-api.js';

let api: RunningFakeGithubApi;
beforeAll(async () => {
  api = await startFakeGithubApi({
    repos: [
      { fullName: 'octocat/Hello-World', stars: 80, forks: 9, license: { key: 'mit', spdxId: 'MIT', name: 'MIT License' } },
      { fullName: 'acme/old' },
      { fullName: 'acme/dmca', block: { reason: 'dmca', htmlUrl: 'https://github.com/github/dmca/blob/master/x.md', createdAt: '2024-01-01T00:00:00Z' } },
      { fullName: 'acme/tos', block: { reason: 'tos', htmlUrl: 'https://github.com/tos', createdAt: '2024-01-01T00:00:00Z' } },
    ],
  });
  api.store.rename('acme/old', 'acme/new');
});
afterAll(() => api.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers, redirect: 'manual' });
const graphql = (body: unknown, token: string | null = 't', prefix = '') =>
  fetch(`${api.url}${prefix}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('fake GitHub REST', () => {
  it.each([
    ['/repos/octocat/hello-world', 200, { full_name: 'octocat/Hello-World', stargazers_count: 80, license: { spdx_id: 'MIT' } }],
    ['/repos/acme/old', 301, { message: 'Moved Permanently' }],
    ['/repos/acme/none', 404, { message: 'Not Found', status: '404' }],
    ['/repos/acme/dmca', 451, { message: 'Repository access blocked', block: { reason: 'dmca' } }],
    ['/repos/acme/tos', 403, { message: 'Repository access blocked', block: { reason: 'tos' } }],
    ['/api/v3/repos/octocat/Hello-World', 200, { full_name: 'octocat/Hello-World' }],
  ])('GET %s → %i', async (path, status, body) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject(body);
    expect(response.headers.get('x-ratelimit-resource')).toBe('core');
    expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
  });

  it('points a rename at /repositories/{id}, which answers under the new name', async () => {
    const moved = await get('/repos/acme/old');
    const location = moved.headers.get('location')!;
    expect(location).toBe(`${api.url}/repositories/${api.store.get('acme/new').id}`);
    const body = await (await get(new URL(location).pathname)).json();
    expect(body).toMatchObject({ full_name: 'acme/new' });
  });

  it('answers If-None-Match with 304', async () => {
    const first = await get('/repos/octocat/Hello-World');
    const etag = first.headers.get('etag')!;
    const second = await get('/repos/octocat/Hello-World', { 'if-none-match': etag });
    expect(second.status).toBe(304);
  });

  it('serves /rate_limit without spending the budget', async () => {
    type RateLimits = { resources: Record<string, { remaining: number }> };
    const a = (await (await get('/rate_limit')).json()) as RateLimits;
    const b = (await (await get('/rate_limit')).json()) as RateLimits;
    expect(a.resources.core?.remaining).toBe(b.resources.core?.remaining);
    expect(Object.keys(a.resources)).toEqual(['core', 'graphql']);
  });
});

describe('fake GitHub GraphQL', () => {
  it('executes against the real schema, with NOT_FOUND beside partial data', async () => {
    const query = 'query { rateLimit { cost remaining } a: repository(owner: "octocat", name: "hello-world") { nameWithOwner stargazerCount licenseInfo { spdxId } owner { login } } b: repository(owner: "x", name: "y") { id } }';
    const response = await graphql({ query }, 't', '/api');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(await response.json()).toEqual({
      data: {
        rateLimit: { cost: 1, remaining: expect.any(Number) },
        a: { nameWithOwner: 'octocat/Hello-World', stargazerCount: 80, licenseInfo: { spdxId: 'MIT' }, owner: { login: 'octocat' } },
        b: null,
      },
      errors: [{ type: 'NOT_FOUND', path: ['b'], locations: [{ line: 1, column: query.indexOf('b: repository') + 1 }], message: "Could not resolve to a Repository with the name 'x/y'." }],
    });
  });

  it('follows renames unless followRenames is false', async () => {
    const body = (await (await graphql({ query: '{ a: repository(owner: "acme", name: "old") { nameWithOwner } b: repository(owner: "acme", name: "old", followRenames: false) { nameWithOwner } }' })).json()) as { data: unknown };
    expect(body.data).toEqual({ a: { nameWithOwner: 'acme/new' }, b: null });
  });

  it.each([
    ['a field the schema lacks', '{ repository(owner: "a", name: "b") { stars } }', 'Cannot query field "stars" on type "Repository".'],
    ['a missing argument', '{ repository(owner: "a") { id } }', 'Field "repository" argument "name" of type "String!" is required, but it was not provided.'],
    ['a syntax error', '{ repository(owner: "a", name: "b") { id }', 'Syntax Error: Expected Name, found <EOF>.'],
  ])('rejects %s with errors and no data, like GitHub', async (_case, query, message) => {
    const response = await graphql({ query });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: unknown[] };
    expect(body).not.toHaveProperty('data');
    expect(body.errors[0]).toMatchObject({ message, locations: expect.any(Array) });
  });

  it('needs a token', async () => {
    const response = await graphql({ query: '{ viewer { login } }' }, null);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'This endpoint requires you to be authenticated.' });
  });

  it('answers RATE_LIMITED with 200 and x-ratelimit-remaining 0 when the budget is spent', async () => {
    const fake = await startFakeGithubApi({ graphqlLimit: 1 });
    try {
      const query = { query: '{ rateLimit { remaining } }' };
      const first = await fetch(`${fake.url}/graphql`, { method: 'POST', headers: { authorization: 'bearer t' }, body: JSON.stringify(query) });
      expect(await first.json()).toEqual({ data: { rateLimit: { remaining: 0 } } });
      const second = await fetch(`${fake.url}/graphql`, { method: 'POST', headers: { authorization: 'bearer t' }, body: JSON.stringify(query) });
      expect(second.status).toBe(200);
      expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(await second.json()).toMatchObject({ errors: [{ type: 'RATE_LIMITED' }] });
    } finally {
      await fake.close();
    }
  });

  it('answers 502 for batches over the threshold and a secondary limit with retry-after', async () => {
    const fake = await startFakeGithubApi({ maxBatch: 1 });
    try {
      const post = (query: string) => fetch(`${fake.url}/api/graphql`, { method: 'POST', headers: { authorization: 'bearer t' }, body: JSON.stringify({ query }) });
      expect((await post('{ a: repository(owner: "a", name: "b") { id } b: repository(owner: "a", name: "c") { id } }')).status).toBe(502);
      fake.faults.graphql.push({ kind: 'secondary_limit', retryAfterSeconds: 7 });
      const limited = await post('{ viewer { login } }');
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([403, '7']);
      expect(fake.graphqlBatchSizes).toEqual([2]);
      expect(fake.counts).toEqual({ graphql: 2, rest: 0 });
    } finally {
      await fake.close();
    }
  });
});

describe('mounting into another server', () => {
  it('answers its routes and leaves the rest to the host server', async () => {
    const fake = createFakeGithubApi({ repos: [{ fullName: 'a/b' }] });
    const server = createServer(async (req, res) => {
      if (await fake.handler(req, res)) return;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('host');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/api/v3/repos/a/b`)).json()).toMatchObject({ full_name: 'a/b' });
      expect(await (await fetch(`${base}/api/v3/repos/a/b/issues`)).text()).toBe('host');
      expect(await (await fetch(`${base}/app/installations`)).text()).toBe('host');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
