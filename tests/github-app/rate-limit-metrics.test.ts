import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppOctokit } from '../../src/github-app/github/create-app-octokit.js';
import { AppMetrics } from '../../src/github-app/ops/app-metrics.js';
import { checkHuggingFaceRepos } from '../../src/metadata/huggingface/check-hugging-face-repos.js';
import { TEST_PACING } from './support/app-harness.js';

/** GitHub's answers, each with the rate-limit headers a test gives it. */
let github: Server;
let baseUrl: string;
beforeAll(async () => {
  github = createServer((req, res) => {
    if (req.url === '/graphql') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4321', 'x-ratelimit-resource': 'graphql' }).end('{"data":{"viewer":{"login":"x"}}}');
    } else if (req.url === '/repos/acme/gone') {
      res.writeHead(404, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4998', 'x-ratelimit-resource': 'core' }).end('{"message":"Not Found"}');
    } else if (req.url === '/repos/acme/list') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999', 'x-ratelimit-resource': 'core' }).end('{"name":"list"}');
    } else {
      // No rate-limit headers (GHE with limits off): the gauge keeps what it had.
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }
  });
  await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => github.close(resolve)));

const gauge = async (metrics: AppMetrics, series: string): Promise<number | undefined> => {
  const line = (await metrics.exposition()).text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('GitHub rate-limit gauge: from the app Octokit\'s answers', () => {
  it('reads x-ratelimit-remaining by resource, from answers and from failed requests alike', async () => {
    const metrics = new AppMetrics();
    const Octokit = createAppOctokit(TEST_PACING, { observeHeaders: (headers) => metrics.observeGithubHeaders(headers) });
    const octokit = new Octokit({ auth: { token: 'ghs_test' }, baseUrl });
    await octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'list' });
    expect(await gauge(metrics, 'linkmedic_github_rate_limit_remaining{resource="core"}')).toBe(4999);
    await expect(octokit.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'gone' })).rejects.toMatchObject({ status: 404 });
    expect(await gauge(metrics, 'linkmedic_github_rate_limit_remaining{resource="core"}')).toBe(4998);
    await octokit.graphql('query { viewer { login } }');
    expect(await gauge(metrics, 'linkmedic_github_rate_limit_remaining{resource="graphql"}')).toBe(4321);
    await octokit.request('GET /meta');
    expect(await gauge(metrics, 'linkmedic_github_rate_limit_remaining{resource="core"}')).toBe(4998);
  });

  it('each runtime counts in its own registry', async () => {
    const [one, two] = [new AppMetrics(), new AppMetrics()];
    const Octokit = createAppOctokit(TEST_PACING, { observeHeaders: (headers) => one.observeGithubHeaders(headers) });
    await new Octokit({ auth: { token: 'ghs_test' }, baseUrl }).request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'list' });
    expect(await gauge(one, 'linkmedic_github_rate_limit_remaining{resource="core"}')).toBe(4999);
    expect(await gauge(two, 'linkmedic_github_rate_limit_remaining{resource="core"}')).toBeUndefined();
  });
});

describe('Hub rate-limit gauge: from the metadata stage\'s answers', () => {
  it.each([
    ['RateLimit (the current draft, what the Hub sends)', { ratelimit: '"api";r=417;t=120' }, 417],
    ['RateLimit-Remaining (the earlier drafts)', { 'ratelimit-remaining': '88', 'ratelimit-reset': '30' }, 88],
    ['no rate-limit header', {}, undefined],
  ])('%s', async (_name, headers, expected) => {
    const metrics = new AppMetrics();
    const fetch = async () => new Response(JSON.stringify({ id: 'org/model', likes: 1, downloads: 2, private: false, gated: false, disabled: false }), { status: 200, headers: { 'content-type': 'application/json', ...headers } });
    const run = await checkHuggingFaceRepos(['https://huggingface.co/org/model'], {
      env: { HF_ENDPOINT: 'http://hub.example.test' }, fetch, onRateLimit: (limit) => metrics.observeHubRateLimit(limit),
    });
    expect(run.checks[0]).toMatchObject({ outcome: 'verified' });
    expect(await gauge(metrics, 'linkmedic_hub_rate_limit_remaining')).toBe(expected);
  });
});
