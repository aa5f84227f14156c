import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients, TestOctokit } from './create-clients.js';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';

let fake: FakeGitHub;
const seen: string[] = [];

// Stands in for tests/support/fake-github-api: answers GraphQL and catalog-linked repositories.
async function catalogRepos(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  seen.push(`${req.method} ${req.url}`);
  if (req.url === '/graphql' && req.method === 'POST') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ data: { viewer: { login: 'from-extra' } } }));
    return true;
  }
  const m = /^\/repos\/huggingface\/([^/?]+)$/.exec(req.url ?? '');
  if (!m) return false;
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ full_name: `huggingface/${m[1]}`, stargazers_count: 12 }));
  return true;
}

beforeAll(async () => {
  fake = await startFakeGitHub({ extraHandlers: [async () => false, catalogRepos] });
  fake.state.createRepo({ fullName: 'acme/awesome' });
  fake.state.install({ account: 'acme' });
});
afterAll(() => fake.close());

describe('extension point', () => {
  it('passes repositories it does not know to extra handlers, prefix stripped', async () => {
    const { data } = await createClients(fake).anonymous.request('GET /repos/{owner}/{repo}', { owner: 'huggingface', repo: 'transformers' });
    expect(data).toEqual({ full_name: 'huggingface/transformers', stargazers_count: 12 });
    expect(seen).toContain('GET /repos/huggingface/transformers');
  });

  it('maps /api/graphql to /graphql for extra handlers (where octokit sends GHES GraphQL)', async () => {
    const octokit = new TestOctokit({ baseUrl: fake.baseUrl, auth: 'anything' });
    const result = await octokit.graphql<{ viewer: { login: string } }>('{ viewer { login } }');
    expect(result.viewer.login).toBe('from-extra');
    expect(fake.requests.at(-1)).toMatchObject({ path: '/graphql', status: 200 });
  });

  it('keeps its own repositories and answers 404 when no handler takes a request', async () => {
    const anonymous = createClients(fake).anonymous;
    expect((await anonymous.rest.repos.get({ owner: 'acme', repo: 'awesome' })).data.full_name).toBe('acme/awesome');
    await expect(anonymous.rest.repos.get({ owner: 'nobody', repo: 'nothing' })).rejects.toMatchObject({ status: 404 });
  });

  it('also serves the api.github.com layout (no /api/v3 prefix), with links in that layout', async () => {
    const plain = new TestOctokit({ baseUrl: fake.origin });
    const { data } = await plain.rest.repos.get({ owner: 'acme', repo: 'awesome' });
    expect(data.url).toBe(`${fake.origin}/repos/acme/awesome`);
    expect(data.html_url).toBe(`${fake.origin}/acme/awesome`);
  });
});
