import { afterEach, describe, expect, it } from 'vitest';
import { startFakeHub, type FakeHubOptions, type RunningFakeHub } from '../../../tests/support/fake-hub/fake-hub.js';
import { USER_AGENT } from '../../http/user-agent.js';
import type { ApiCheck } from '../api-check.js';
import { checkHuggingFaceRepos, type HubCheckDeps } from './check-hugging-face-repos.js';
import type { HubFacts } from './hub-facts.js';

let running: RunningFakeHub | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** One virtual clock for the client's pacing and the fake's rate-limit windows: no real waiting. */
function virtualTime() {
  const clock = { t: Date.parse('2026-01-01T00:00:00Z'), slept: [] as number[] };
  return {
    clock,
    now: () => clock.t,
    deps: {
      now: () => new Date(clock.t),
      sleep: async (ms: number) => {
        clock.slept.push(ms);
        clock.t += ms;
      },
    },
  };
}

async function start(options: FakeHubOptions = {}) {
  const time = virtualTime();
  const hub = await startFakeHub({ now: time.now, ...options });
  running = hub;
  const deps = (extra: HubCheckDeps = {}): HubCheckDeps => ({ env: { HF_ENDPOINT: hub.url }, ...time.deps, ...extra });
  return { hub, deps, clock: time.clock };
}

const verdictOf = (check: ApiCheck<HubFacts> | undefined) =>
  check?.outcome === 'verified'
    ? { verdict: check.result.verdict, reason: check.result.reason, suggestion: check.result.suggestion?.url }
    : { unverified: check?.reason };

const models = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'model' as const, id: `org/model-${i}`, likes: i }));
const modelUrls = (n: number) => models(n).map((m) => `https://huggingface.co/${m.id}`);

describe('checkHuggingFaceRepos: what each repository state becomes', () => {
  it('classifies every case anonymously, one request per repository', async () => {
    const { hub, deps } = await start({
      repos: [
        { kind: 'model', id: 'microsoft/biogpt', likes: 250, downloads: 12000, lastModified: '2023-02-03T09:28:48.000Z' },
        { kind: 'dataset', id: 'medalpaca/medical_meadow_wikidoc', likes: 12, downloads: 900 },
        { kind: 'dataset', id: 'medical_dialog', likes: 5, downloads: 40 },
        { kind: 'space', id: 'gradio/hello_world', likes: 3 },
        { kind: 'model', id: 'meta/gated-model', gated: 'manual' },
        { kind: 'model', id: 'acme/hidden', private: true },
        { kind: 'dataset', id: 'laion/laion-art', disabled: true },
        { kind: 'model', id: 'old-org/old-name', likes: 7 },
        { kind: 'model', id: 'gpt2', likes: 3000 },
      ],
    });
    hub.store.rename('model', 'old-org/old-name', 'new-org/new-name');
    hub.store.rename('model', 'gpt2', 'openai-community/gpt2');

    const cases: [string, ReturnType<typeof verdictOf>][] = [
      ['https://huggingface.co/microsoft/biogpt', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://huggingface.co/Microsoft/BioGPT/tree/main', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://huggingface.co/datasets/medalpaca/medical_meadow_wikidoc', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://huggingface.co/datasets/medical_dialog', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://huggingface.co/spaces/gradio/hello_world', { verdict: 'alive', reason: 'repo_ok', suggestion: undefined }],
      ['https://huggingface.co/meta/gated-model', { verdict: 'alive', reason: 'repo_gated', suggestion: undefined }],
      ['https://huggingface.co/acme/hidden', { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined }],
      ['https://huggingface.co/datasets/acme/never-existed', { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined }],
      ['https://huggingface.co/datasets/laion/laion-art', { verdict: 'dead', reason: 'repo_disabled', suggestion: undefined }],
      ['https://huggingface.co/old-org/old-name/blob/main/config.json', { verdict: 'redirected', reason: 'repo_renamed', suggestion: 'https://huggingface.co/new-org/new-name/blob/main/config.json' }],
      ['https://huggingface.co/gpt2', { verdict: 'redirected', reason: 'repo_renamed', suggestion: 'https://huggingface.co/openai-community/gpt2' }],
      ['https://huggingface.co/FreedomIntelligence', { unverified: 'ambiguous_url' }],
      ['https://huggingface.co/docs/transformers', { unverified: 'not_a_repository_url' }],
      ['https://huggingface.co/datasets/medalpaca/medical%5C_meadow_cord19', { unverified: 'not_a_repository_url' }],
    ];
    const run = await checkHuggingFaceRepos(cases.map(([url]) => url), deps());

    expect(Object.fromEntries(run.checks.map((c) => [c.url, verdictOf(c)]))).toEqual(Object.fromEntries(cases));
    // 11 repositories; the two renames cost one extra hop each.
    expect(hub.counts.requests).toBe(13);
    expect(run.stats.requests).toBe(13);
    const byUrl = new Map(run.checks.map((c) => [c.url, c]));
    expect(byUrl.get('https://huggingface.co/microsoft/biogpt')).toMatchObject({
      facts: { id: 'microsoft/biogpt', kind: 'model', likes: 250, downloads: 12000, gated: false, disabled: false, private: false, lastModified: '2023-02-03T09:28:48.000Z' },
    });
    expect(byUrl.get('https://huggingface.co/spaces/gradio/hello_world')).toMatchObject({ facts: { kind: 'space', downloads: null, likes: 3 } });
    expect(byUrl.get('https://huggingface.co/meta/gated-model')).toMatchObject({ facts: { gated: 'manual' } });
    expect(byUrl.get('https://huggingface.co/gpt2')).toMatchObject({ facts: { id: 'openai-community/gpt2', likes: 3000 } });
    expect(byUrl.get('https://huggingface.co/acme/hidden')).toMatchObject({ result: { httpStatus: 401 } });
    // Only the properties the report needs travel (the fake rejects `downloads` for Spaces, as the Hub's list has none).
    expect(hub.log.find((l) => l.path.startsWith('/api/spaces/'))?.path).toBe(
      '/api/spaces/gradio/hello_world?expand=likes&expand=disabled&expand=private&expand=lastModified',
    );
  });

  it('with HF_TOKEN: 404 RepoNotFound is dead, a private repository the token sees is restricted', async () => {
    const { hub, deps } = await start({ privateAccessTokens: ['hf_member'], repos: [{ kind: 'model', id: 'acme/hidden', private: true }] });
    const run = await checkHuggingFaceRepos(
      ['https://huggingface.co/acme/hidden', 'https://huggingface.co/acme/missing'],
      deps({ env: { HF_ENDPOINT: hub.url, HF_TOKEN: 'hf_member' } }),
    );
    expect(run.checks.map(verdictOf)).toEqual([
      { verdict: 'restricted', reason: 'repo_private', suggestion: undefined },
      { verdict: 'dead', reason: 'repo_not_found', suggestion: undefined },
    ]);
    expect(run.checks[1]).toMatchObject({ result: { httpStatus: 404 } });
  });

  it('a rejected HF_TOKEN leaves links unverified and stops asking', async () => {
    const { hub, deps } = await start({ tokens: ['hf_good'], repos: models(10) });
    const run = await checkHuggingFaceRepos(modelUrls(10), deps({ env: { HF_ENDPOINT: hub.url, HF_TOKEN: 'hf_bad' }, concurrency: 1 }));
    expect(run.checks.map(verdictOf)).toEqual(Array(10).fill({ unverified: 'api_unauthorized' }));
    expect(hub.counts.requests).toBe(1);
  });

  it.each([301, 302, 308] as const)('takes any 3xx with a relative Location as a rename (%i)', async (renameStatus) => {
    const { hub, deps } = await start({ renameStatus, repos: [{ kind: 'space', id: 'old/app' }] });
    hub.store.rename('space', 'old/app', 'new/app');
    const run = await checkHuggingFaceRepos(['https://huggingface.co/spaces/old/app'], deps());
    expect(verdictOf(run.checks[0])).toEqual({ verdict: 'redirected', reason: 'repo_renamed', suggestion: 'https://huggingface.co/spaces/new/app' });
  });

  it('follows the data set across nights: likes change, a rename appears', async () => {
    const { hub, deps } = await start({ repos: [{ kind: 'dataset', id: 'org/data', likes: 10 }] });
    const url = 'https://huggingface.co/datasets/org/data/viewer';
    const night1 = await checkHuggingFaceRepos([url], deps());
    hub.store.update('dataset', 'org/data', { likes: 14 });
    hub.store.rename('dataset', 'org/data', 'org/data-v2');
    const night2 = await checkHuggingFaceRepos([url], deps());
    expect(night1.checks[0]).toMatchObject({ facts: { likes: 10 } });
    expect(night2.checks[0]).toMatchObject({
      facts: { id: 'org/data-v2', likes: 14 },
      result: { verdict: 'redirected', suggestion: { url: 'https://huggingface.co/datasets/org/data-v2/viewer', kind: 'repo_rename' } },
    });
  });
});

describe('checkHuggingFaceRepos: pacing and failures', () => {
  it.each([
    // Serial: exactly 10 a window, two resets waited for (25 requests).
    [1, 2],
    // 4 at a time: requests in flight when an answer or a reset comes are counted as spent, so a
    // window may go a few short of the quota, never over it.
    [4, 3],
  ])('stays within the window RateLimit-Policy announces (concurrency %i), waiting for resets, never meeting a 429', async (concurrency, maxWaits) => {
    const { hub, deps, clock } = await start({ quota: 10, windowSeconds: 60, repos: models(25) });
    const run = await checkHuggingFaceRepos(modelUrls(25), deps({ concurrency }));
    expect(run.checks.every((c) => c.outcome === 'verified' && c.result.verdict === 'alive')).toBe(true);
    expect(hub.counts).toEqual({ requests: 25, throttled: 0 });
    expect(run.stats.maxInWindow).toBeLessThanOrEqual(10);
    expect(clock.slept.length).toBeGreaterThanOrEqual(2);
    expect(clock.slept.length).toBeLessThanOrEqual(maxWaits);
    expect(clock.slept.every((ms) => ms === 60_000)).toBe(true);
  });

  it('the default budget is the anonymous one: 500 per 5 minutes', async () => {
    const { hub, deps, clock } = await start({ repos: models(3) });
    const run = await checkHuggingFaceRepos(modelUrls(3), deps());
    expect(run.stats).toEqual({ requests: 3, waitedMs: 0, maxInWindow: 3 });
    expect(hub.log.length).toBe(3);
    expect(clock.slept).toEqual([]);
  });

  it('waits out a 429 for the RateLimit reset when it is within the cap', async () => {
    const { hub, deps, clock } = await start({ repos: models(1) });
    hub.faults.push({ kind: 'status', status: 429 });
    const run = await checkHuggingFaceRepos(modelUrls(1), deps());
    expect(verdictOf(run.checks[0])).toMatchObject({ verdict: 'alive' });
    // `t` of `RateLimit` when `r=0` (300 s window, plus a second), as huggingface_hub does.
    expect(clock.slept).toEqual([301_000]);
    expect(hub.log.map((l) => l.status)).toEqual([429, 200]);
  });

  it('prefers Retry-After when the bucket is not empty', async () => {
    const { hub, deps, clock } = await start({ repos: models(1) });
    hub.faults.push({ kind: 'status', status: 503 });
    const run = await checkHuggingFaceRepos(modelUrls(1), deps());
    expect(verdictOf(run.checks[0])).toMatchObject({ verdict: 'alive' });
    expect(clock.slept).toEqual([2000]);
  });

  it('reports rate_limited when the 429 does not clear within the cap, and sends nothing more', async () => {
    const { hub, deps } = await start({ repos: models(8) });
    hub.faults.push({ kind: 'status', status: 429 });
    const run = await checkHuggingFaceRepos(modelUrls(8), deps({ maxRateLimitWaitMs: 60_000, concurrency: 1 }));
    expect(run.checks.map(verdictOf)).toEqual(Array(8).fill({ verdict: 'rate_limited', reason: 'api_rate_limited', suggestion: undefined }));
    expect(hub.counts.requests).toBe(1);
  });

  it('retries 5xx and timeouts, then leaves the link unverified, never dead', async () => {
    const { hub, deps } = await start({ repos: models(2) });
    hub.faults.push({ kind: 'slow', ms: 1000 }, { kind: 'status', status: 500 });
    const recovered = await checkHuggingFaceRepos(modelUrls(1), deps({ requestTimeoutMs: 200 }));
    expect(verdictOf(recovered.checks[0])).toMatchObject({ verdict: 'alive' });

    hub.faults.push(...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 502 })));
    const failed = await checkHuggingFaceRepos(modelUrls(1), deps());
    expect(failed.checks.map(verdictOf)).toEqual([{ unverified: 'api_unavailable' }]);
    expect(failed.stats.requests).toBe(3);
  });

  it('an unreachable endpoint leaves links unverified', async () => {
    const { hub, deps } = await start();
    const url = hub.url;
    await hub.close();
    running = undefined;
    const run = await checkHuggingFaceRepos(modelUrls(1), deps({ env: { HF_ENDPOINT: url } }));
    expect(run.checks.map(verdictOf)).toEqual([{ unverified: 'api_unavailable' }]);
  });

  it.each([
    { name: 'refuses connections', endpoint: async () => { const { hub } = await start(); const url = hub.url; await hub.close(); running = undefined; return url; }, most: 2 * 3 },
    { name: 'does not resolve', endpoint: async () => 'http://hub.nxdomain.invalid', most: 2 },
  ])('stops asking an API that $name after two repositories in a row fail', async ({ endpoint, most }) => {
    const HF_ENDPOINT = await endpoint();
    const { deps } = virtualTime();
    const run = await checkHuggingFaceRepos(modelUrls(20), { ...deps, env: { HF_ENDPOINT }, concurrency: 1 });
    expect(new Set(run.checks.map((check) => verdictOf(check).unverified))).toEqual(new Set(['api_unavailable']));
    // Two repositories' attempts (no retries for a name that does not resolve), not twenty.
    expect(run.stats.requests).toBe(most);
  });
});

describe('checkHuggingFaceRepos: how it asks', () => {
  it('names linkmedic and its contact in the User-Agent', async () => {
    const agents: (string | null)[] = [];
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      agents.push(new Headers(init?.headers).get('user-agent'));
      return Response.json({ id: 'org/model' });
    }) as typeof globalThis.fetch;
    const run = await checkHuggingFaceRepos(['https://huggingface.co/org/model'], { env: {}, fetch });
    expect(verdictOf(run.checks[0])).toMatchObject({ verdict: 'alive' });
    expect(agents).toEqual([USER_AGENT]);
  });
});
