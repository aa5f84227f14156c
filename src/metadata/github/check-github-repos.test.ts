import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGithubApi, type FakeGithubApiOptions, type RunningFakeGithubApi } from '../../../tests/support/fake-github-api/fake-github-api.js';
import type { ApiCheck } from '../api-check.js';
import { checkGithubRepos, type GithubCheckDeps } from './check-github-repos.js';
import type { GithubFacts } from './github-facts.js';

let fake: RunningFakeGithubApi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeGithubApiOptions = {}): Promise<RunningFakeGithubApi> {
  fake = await startFakeGithubApi(options);
  return fake;
}

const deps = (api: RunningFakeGithubApi, extra: GithubCheckDeps = {}): GithubCheckDeps => ({
  env: { GITHUB_TOKEN: 'ghp_test', GITHUB_API_URL: api.url },
  ...extra,
});

const verdictOf = (check: ApiCheck<GithubFacts> | undefined) =>
  check?.outcome === 'verified'
    ? { verdict: check.result.verdict, reason: check.result.reason, suggestion: check.result.suggestion?.url }
    : { unverified: check?.reason };

const many = (n: number) => Array.from({ length: n }, (_, i) => ({ fullName: `org${i % 7}/repo-${i}`, stars: i }));
const urlsOf = (n: number) => many(n).map((r) => `https://github.com/${r.fullName}`);

describe('checkGithubRepos: what each repository state becomes', () => {
  it('classifies every case in one GraphQL request (and one REST re-check per missing repository)', async () => {
    const api = await start({
      privateAccessTokens: ['ghp_test'],
      repos: [
        { fullName: 'acme/alive', stars: 120, forks: 7, description: 'A dataset', license: { key: 'mit', spdxId: 'MIT', name: 'MIT License' } },
        { fullName: 'acme/old-name', stars: 3 },
        { fullName: 'someone/moved-away' },
        { fullName: 'acme/frozen', archived: true },
        { fullName: 'acme/secret', private: true },
        { fullName: 'acme/off', disabled: true },
        { fullName: 'acme/takedown', block: { reason: 'dmca', htmlUrl: 'https://github.com/github/dmca/blob/master/2024/01/x.md', createdAt: '2024-01-01T00:00:00Z' } },
        { fullName: 'acme/tos', block: { reason: 'tos', htmlUrl: 'https://github.com/tos', createdAt: '2024-01-01T00:00:00Z' } },
        { fullName: 'sso-org/tool', samlProtected: true },
      ],
    });
    api.store.rename('acme/old-name', 'acme/new-name');
    api.store.rename('someone/moved-away', 'neworg/moved-away');

    const cases: [string, ReturnType<typeof verdictOf>][] = [
      ['https://github.com/acme/alive', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://github.com/ACME/Alive', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://github.com/acme/alive/blob/main/README.md#usage', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://github.com/acme/old-name/tree/main/data', { verdict: 'redirected', reason: 'repo_renamed', suggestion: 'https://github.com/acme/new-name/tree/main/data' }],
      ['https://github.com/someone/moved-away', { verdict: 'redirected', reason: 'repo_renamed', suggestion: 'https://github.com/neworg/moved-away' }],
      ['https://github.com/acme/frozen', { verdict: 'alive', reason: 'repo_archived', suggestion: undefined }],
      ['https://github.com/acme/secret', { verdict: 'restricted', reason: 'repo_private', suggestion: undefined }],
      ['https://github.com/acme/off', { verdict: 'dead', reason: 'repo_disabled', suggestion: undefined }],
      ['https://github.com/acme/never-existed', { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined }],
      ['https://github.com/acme/takedown', { verdict: 'dead', reason: 'repo_blocked', suggestion: undefined }],
      ['https://github.com/acme/tos', { verdict: 'dead', reason: 'repo_blocked', suggestion: undefined }],
      ['https://github.com/sso-org/tool', { verdict: 'restricted', reason: 'repo_forbidden', suggestion: undefined }],
      ['https://github.com/topics/medical', { unverified: 'not_a_repository_url' }],
      ['https://example.org/acme/alive', { unverified: 'not_a_repository_url' }],
    ];
    const run = await checkGithubRepos(cases.map(([url]) => url), deps(api));

    expect(run.checks.map((c) => c.url)).toEqual(cases.map(([url]) => url));
    expect(Object.fromEntries(run.checks.map((c) => [c.url, verdictOf(c)]))).toEqual(Object.fromEntries(cases));
    // Three links into acme/alive, ten repositories: one request, one alias per repository.
    expect(api.graphqlBatchSizes).toEqual([10]);
    expect(api.counts).toEqual({ graphql: 1, rest: 3 });
    expect(run.stats).toMatchObject({ graphqlRequests: 1, restRequests: 3, batchSizes: [10], pointsUsed: 1 });
    expect(run.stats.rateLimit?.remaining).toBe(4999);

    const byUrl = new Map(run.checks.map((c) => [c.url, c]));
    const alive = byUrl.get('https://github.com/acme/alive');
    expect(alive?.outcome === 'verified' && alive.facts).toEqual({
      fullName: 'acme/alive', stars: 120, forks: 7, archived: false, disabled: false, private: false,
      pushedAt: '2024-01-01T00:00:00Z', license: 'MIT', description: 'A dataset', databaseId: api.store.get('acme/alive').id,
    });
    const renamed = byUrl.get('https://github.com/acme/old-name/tree/main/data');
    expect(renamed?.outcome === 'verified' && renamed.facts?.databaseId).toBe(api.store.get('acme/new-name').id);
    const frozen = byUrl.get('https://github.com/acme/frozen');
    expect(frozen?.outcome === 'verified' && frozen.facts?.archived).toBe(true);
    const dmca = byUrl.get('https://github.com/acme/takedown');
    expect(dmca?.outcome === 'verified' && [dmca.result.httpStatus, dmca.result.detail]).toEqual([
      451, 'GitHub blocked access to acme/takedown after a DMCA takedown; see https://github.com/github/dmca/blob/master/2024/01/x.md.',
    ]);
    const tos = byUrl.get('https://github.com/acme/tos');
    expect(tos?.outcome === 'verified' && tos.result.httpStatus).toBe(403);
    expect(byUrl.get('https://github.com/acme/never-existed')).toMatchObject({ result: { httpStatus: 404 } });
  });

  it('reports a licence GitHub does not recognise as NOASSERTION', async () => {
    const api = await start({ repos: [{ fullName: 'acme/x', license: { key: 'other', spdxId: 'NOASSERTION', name: 'Other' } }] });
    const run = await checkGithubRepos(['https://github.com/acme/x'], deps(api));
    expect(run.checks[0]).toMatchObject({ facts: { license: 'NOASSERTION' } });
  });

  it('leaves a not-found path that is no repository page to the HTTP checker: a GitHub page the reserved list missed', async () => {
    const api = await start({ repos: [] });
    const run = await checkGithubRepos(['https://github.com/new-feature/x/some/page', 'https://github.com/acme/gone/tree/main'], deps(api));
    expect(run.checks.map(verdictOf)).toEqual([
      { unverified: 'ambiguous_url' },
      { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined },
    ]);
  });

  it('a private repository the token cannot see is not found, like on github.com', async () => {
    const api = await start({ repos: [{ fullName: 'acme/secret', private: true }] });
    const run = await checkGithubRepos(['https://github.com/acme/secret'], deps(api));
    expect(verdictOf(run.checks[0])).toEqual({ verdict: 'dead', reason: 'repo_not_found', suggestion: undefined });
  });

  it('without the REST re-check, NOT_FOUND alone makes the link dead and costs no REST request', async () => {
    const api = await start({ repos: [{ fullName: 'acme/takedown', block: { reason: 'dmca', htmlUrl: 'x', createdAt: '2024-01-01T00:00:00Z' } }] });
    const run = await checkGithubRepos(['https://github.com/acme/takedown', 'https://github.com/acme/gone'], deps(api, { restRecheck: false }));
    expect(run.checks.map(verdictOf)).toEqual([
      { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined },
      { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined },
    ]);
    expect(api.counts.rest).toBe(0);
  });

  it('follows the data set across nights: stars change, a rename appears, a deletion turns dead', async () => {
    const api = await start({ repos: [{ fullName: 'acme/a', stars: 10 }, { fullName: 'acme/b', stars: 1 }] });
    const urls = ['https://github.com/acme/a', 'https://github.com/acme/b'];
    const night1 = await checkGithubRepos(urls, deps(api));
    api.store.update('acme/a', { stars: 25 });
    api.store.rename('acme/a', 'acme/a2');
    api.store.delete('acme/b');
    const night2 = await checkGithubRepos(urls, deps(api));
    expect(night1.checks.map((c) => c.outcome === 'verified' && c.facts?.stars)).toEqual([10, 1]);
    expect(night2.checks.map(verdictOf)).toEqual([
      { verdict: 'redirected', reason: 'repo_renamed', suggestion: 'https://github.com/acme/a2' },
      { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined },
    ]);
    expect(night2.checks[0]).toMatchObject({ facts: { stars: 25, fullName: 'acme/a2' } });
  });
});

describe('checkGithubRepos: batching', () => {
  it('sends 77 repositories as 2 requests of 50 and 27', async () => {
    const api = await start({ repos: many(77) });
    const run = await checkGithubRepos(urlsOf(77), deps(api));
    expect(api.graphqlBatchSizes).toEqual([50, 27]);
    expect(run.stats.batchSizes).toEqual([50, 27]);
    expect(run.checks.every((c) => c.outcome === 'verified' && c.result.verdict === 'alive')).toBe(true);
    expect(run.checks.map((c) => c.outcome === 'verified' && c.facts?.stars)).toEqual(many(77).map((r) => r.stars));
  });

  it('halves the batch after a 502 and keeps the smaller size', async () => {
    const api = await start({ repos: many(77), maxBatch: 30, oversizeStatus: 502 });
    const run = await checkGithubRepos(urlsOf(77), deps(api));
    expect(api.graphqlBatchSizes).toEqual([50, 25, 25, 25, 2]);
    expect(run.checks.filter((c) => c.outcome === 'verified' && c.result.verdict === 'alive')).toHaveLength(77);
  });

  it('halves after a 504 down to single repositories', async () => {
    const api = await start({ repos: many(3), maxBatch: 1, oversizeStatus: 504 });
    const run = await checkGithubRepos(urlsOf(3), deps(api, { batchSize: 2 }));
    expect(api.graphqlBatchSizes).toEqual([2, 1, 1, 1]);
    expect(run.checks.filter((c) => c.outcome === 'verified' && c.result.verdict === 'alive')).toHaveLength(3);
  });

  it('halves after a resource-limit error', async () => {
    const api = await start({ repos: many(6) });
    api.faults.graphql.push({ kind: 'resource_limit' });
    const run = await checkGithubRepos(urlsOf(6), deps(api));
    expect(api.graphqlBatchSizes).toEqual([6, 3, 3]);
    expect(run.checks.every((c) => c.outcome === 'verified')).toBe(true);
  });

  it('halves after a client timeout', async () => {
    const api = await start({ repos: many(4) });
    api.faults.graphql.push({ kind: 'slow', ms: 1500 });
    const run = await checkGithubRepos(urlsOf(4), deps(api, { requestTimeoutMs: 300 }));
    expect(run.stats.batchSizes).toEqual([4, 2, 2]);
    expect(run.checks.every((c) => c.outcome === 'verified' && c.result.verdict === 'alive')).toBe(true);
  });

  it('retries other 5xx after a pause (injected sleep), then gives up without calling anything dead', async () => {
    const api = await start({ repos: many(3) });
    api.faults.graphql.push({ kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    const sleeps: number[] = [];
    const sleep = async (ms: number) => { sleeps.push(ms); };
    const recovered = await checkGithubRepos(urlsOf(3), deps(api, { sleep }));
    expect(sleeps).toEqual([2000, 4000]);
    expect(recovered.checks.every((c) => c.outcome === 'verified' && c.result.verdict === 'alive')).toBe(true);

    api.faults.graphql.push(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })));
    const failed = await checkGithubRepos(urlsOf(3), deps(api, { sleep }));
    expect(failed.checks.map(verdictOf)).toEqual(Array(3).fill({ unverified: 'api_unavailable' }));
    expect(failed.stats.graphqlRequests).toBe(3);
  });
});

describe('checkGithubRepos: limits, credentials and outages never make a link dead', () => {
  it('stops at a RATE_LIMITED answer whose reset is beyond the wait cap', async () => {
    const api = await start({ repos: many(60) });
    api.budgets.graphql.exhaust(3_600_000);
    const run = await checkGithubRepos(urlsOf(60), deps(api));
    expect(run.checks.map(verdictOf)).toEqual(Array(60).fill({ unverified: 'api_rate_limited' }));
    expect(api.counts.graphql).toBe(1);
  });

  it('waits for x-ratelimit-reset when it is near, then carries on', async () => {
    const api = await start({ repos: many(2) });
    api.budgets.graphql.exhaust(500);
    const run = await checkGithubRepos(urlsOf(2), deps(api));
    expect(api.counts.graphql).toBe(2);
    expect(run.checks.every((c) => c.outcome === 'verified' && c.result.verdict === 'alive')).toBe(true);
  });

  it('waits out a secondary limit for its Retry-After, then carries on', async () => {
    const api = await start({ repos: many(2) });
    api.faults.graphql.push({ kind: 'secondary_limit', retryAfterSeconds: 1 });
    const started = Date.now();
    const run = await checkGithubRepos(urlsOf(2), deps(api));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(api.log.map((l) => l.status)).toEqual([403, 200]);
    expect(run.checks.every((c) => c.outcome === 'verified')).toBe(true);
  });

  it('gives up on a secondary limit whose Retry-After exceeds the cap', async () => {
    const api = await start({ repos: many(2) });
    api.faults.graphql.push({ kind: 'secondary_limit', retryAfterSeconds: 600 });
    const run = await checkGithubRepos(urlsOf(2), deps(api, { maxRateLimitWaitMs: 60_000 }));
    expect(run.checks.map(verdictOf)).toEqual(Array(2).fill({ unverified: 'api_rate_limited' }));
    expect(api.counts.graphql).toBe(1);
  });

  it('without a token sends nothing and leaves the links to the HTTP checker', async () => {
    const api = await start({ repos: many(2) });
    const run = await checkGithubRepos(urlsOf(2), { env: { GITHUB_API_URL: api.url } });
    expect(run.checks.map(verdictOf)).toEqual(Array(2).fill({ unverified: 'no_token' }));
    expect(api.counts).toEqual({ graphql: 0, rest: 0 });
  });

  it('a rejected token stops the run after one request', async () => {
    const api = await start({ repos: many(70), tokens: ['ghp_good'] });
    const run = await checkGithubRepos(urlsOf(70), deps(api, { env: { GITHUB_TOKEN: 'ghp_bad', GITHUB_API_URL: api.url } }));
    expect(run.checks.map(verdictOf)).toEqual(Array(70).fill({ unverified: 'api_unauthorized' }));
    expect(api.counts.graphql).toBe(1);
  });

  it('an unreachable API leaves every link unverified, and two failed batches end the asking', async () => {
    const api = await start();
    const url = api.url;
    await api.close();
    fake = undefined;
    const env = { GITHUB_TOKEN: 't', GITHUB_API_URL: url };
    const sleep = async () => {};
    const one = await checkGithubRepos(['https://github.com/a/b'], { env, sleep });
    expect(one.checks.map(verdictOf)).toEqual([{ unverified: 'api_unavailable' }]);
    expect(one.stats.graphqlRequests).toBe(3);

    const many = await checkGithubRepos(urlsOf(120), { env, sleep, maxTransientRetries: 0 });
    expect(many.checks.map(verdictOf)).toEqual(Array(120).fill({ unverified: 'api_unavailable' }));
    expect(many.stats.batchSizes).toEqual([50, 50]);
  });
});

describe('checkGithubRepos: configuration', () => {
  it('speaks the GitHub Enterprise layout (REST under /api/v3, GraphQL at /api/graphql)', async () => {
    const api = await start({ repos: [{ fullName: 'acme/a' }] });
    const run = await checkGithubRepos(['https://github.com/acme/a', 'https://github.com/acme/gone'], {
      env: { GITHUB_TOKEN: 't', GITHUB_API_URL: api.enterpriseUrl },
    });
    expect(run.checks.map(verdictOf)).toEqual([
      { verdict: 'alive', reason: 'repo_ok', suggestion: undefined },
      { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined },
    ]);
    expect(api.log.map((l) => `${l.method} ${l.path}`)).toEqual(['POST /api/graphql', 'GET /api/v3/repos/acme/gone']);
  });

  it('uses the injected fetch and an explicit token over the environment', async () => {
    const api = await start({ repos: [{ fullName: 'acme/a' }], tokens: ['ghs_installation'] });
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      seen.push(new Headers(init?.headers).get('authorization') ?? '');
      return globalThis.fetch(input, init);
    };
    const run = await checkGithubRepos(['https://github.com/acme/a'], deps(api, { token: 'ghs_installation', fetch }));
    expect(seen).toEqual(['token ghs_installation']);
    expect(verdictOf(run.checks[0])).toMatchObject({ verdict: 'alive' });
  });
});
