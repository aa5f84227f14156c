import { Octokit } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClients } from './create-clients.js';
import { startFakeGitHub, type FakeGitHub } from './start-fake-github.js';

const repo = { owner: 'acme', repo: 'awesome' };
let fake: FakeGitHub;
let installationId: number;
let token: string;

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({ fullName: 'acme/awesome' });
  installationId = fake.state.install({ account: 'acme' }).id;
  const { data } = await createClients(fake).app.rest.apps.createInstallationAccessToken({ installation_id: installationId });
  token = data.token;
});
beforeEach(() => {
  fake.faults.clear();
  fake.rateLimits.reset();
});
afterAll(() => fake.close());

const plain = () => createClients(fake).withToken(token);

describe('rate-limit headers', () => {
  it.each([
    ['a success', 'GET /repos/{owner}/{repo}', repo, 200],
    ['a 404', 'GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: 99 }, 404],
    ['an unknown repository', 'GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'nope' }, 404],
  ])('are on %s', async (_name, route, params, status) => {
    const res = await plain()
      .request(route, params)
      .catch((e: { response: { status: number; headers: Record<string, string> } }) => e.response);
    expect(res.status).toBe(status);
    expect(res.headers).toMatchObject({ 'x-ratelimit-limit': '5000', 'x-ratelimit-resource': 'core' });
    expect(Number(res.headers['x-ratelimit-remaining'])).toBeLessThan(5000);
    expect(Number(res.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
  });

  it('count down per request', async () => {
    const a = await plain().rest.repos.get(repo);
    const b = await plain().rest.repos.get(repo);
    expect(Number(a.headers['x-ratelimit-remaining']) - Number(b.headers['x-ratelimit-remaining'])).toBe(1);
    expect(Number(b.headers['x-ratelimit-used'])).toBe(Number(a.headers['x-ratelimit-used']) + 1);
  });
});

describe('primary rate limit', () => {
  it.each([403, 429] as const)('answers %i with remaining 0 and a reset, then recovers after the reset', async (status) => {
    // The reset is whole epoch seconds: 1 second from now may be a few milliseconds away, and a slow request found the quota back.
    fake.rateLimits.exhaust({ bucket: installationId, status, resetAfterSeconds: 2 });
    const error = await plain().rest.repos.get(repo).catch((e: { status: number; response: { headers: Record<string, string> }; message: string }) => e);
    expect(error).toMatchObject({ status, message: expect.stringContaining('API rate limit exceeded for installation ID') });
    if (!('response' in error)) throw new Error('expected an error');
    expect(error.response.headers['x-ratelimit-remaining']).toBe('0');
    await new Promise((r) => setTimeout(r, (Number(error.response.headers['x-ratelimit-reset']) + 0.05) * 1000 - Date.now()));
    expect((await plain().rest.repos.get(repo)).status).toBe(200);
  });

  it('is recognised by @octokit/plugin-throttling, which waits for the reset and retries', async () => {
    fake.rateLimits.exhaust({ resetAfterSeconds: 1 });
    const seen: number[] = [];
    const octokit = new Octokit({
      baseUrl: fake.baseUrl,
      auth: token,
      retry: { enabled: false },
      throttle: {
        onRateLimit: (retryAfter: number) => (seen.push(retryAfter), true),
        onSecondaryRateLimit: () => false,
      },
    });
    expect((await octokit.rest.repos.get(repo)).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeLessThanOrEqual(2);
  });
});

describe('secondary rate limit', () => {
  it('answers 403 with the secondary-limit message and retry-after, which the throttling plugin honours', async () => {
    fake.faults.secondaryRateLimit({ times: 1, retryAfter: 1, match: (r) => r.method === 'POST' });
    const raw = await plain().rest.issues.create({ ...repo, title: 'x' }).catch((e: { status: number; message: string; response: { headers: Record<string, string> } }) => e);
    expect(raw).toMatchObject({ status: 403, message: expect.stringMatching(/secondary rate limit/) });
    if (!('response' in raw)) throw new Error('expected an error');
    expect(raw.response.headers['retry-after']).toBe('1');
    expect(raw.response.headers['x-ratelimit-remaining']).not.toBe('0');
    expect(fake.inspect.issues('acme/awesome')).toHaveLength(0);

    fake.faults.secondaryRateLimit({ times: 1, retryAfter: 1 });
    const waits: number[] = [];
    const octokit = new Octokit({
      baseUrl: fake.baseUrl,
      auth: token,
      retry: { enabled: false },
      throttle: { onRateLimit: () => false, onSecondaryRateLimit: (after: number) => (waits.push(after), true) },
    });
    await octokit.rest.issues.create({ ...repo, title: 'after the wait' });
    expect(waits).toEqual([1]);
    expect(fake.inspect.issues('acme/awesome').map((i) => i.title)).toEqual(['after the wait']);
  });
});

describe('random faults', () => {
  async function run(seed: number) {
    fake.faults.clear();
    fake.faults.random({ seed, probability: 0.3 });
    const start = fake.faults.injected.length;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push(await plain().rest.repos.get(repo).then((r) => r.status, (e: { status: number }) => e.status));
    }
    return { statuses, faults: fake.faults.injected.slice(start).map((f) => f.kind) };
  }

  it('are reproducible by seed and mix 502s with secondary limits', async () => {
    const a = await run(42);
    const b = await run(42);
    const c = await run(7);
    expect(a).toEqual(b);
    expect(c.statuses).not.toEqual(a.statuses);
    expect(new Set(a.statuses)).toEqual(new Set([200, 502, 403]));
    expect(a.faults.length).toBe(a.statuses.filter((s) => s !== 200).length);
  });

  it("in 'after' mode make the change and lose the answer, as a timed-out write does", async () => {
    fake.faults.serverError({ when: 'after', match: (r) => r.method === 'POST' && r.path.endsWith('/issues') });
    await expect(plain().rest.issues.create({ ...repo, title: 'lost answer' })).rejects.toMatchObject({ status: 502 });
    expect(fake.inspect.issues('acme/awesome').map((i) => i.title)).toContain('lost answer');
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', status: 502, fault: '502:after' });
  });
});

describe('held requests', () => {
  it('wait for the hold to let them go, arriving in the log first, while other requests pass', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    fake.faults.delay({ match: (request) => request.method === 'GET' && request.path === '/repos/acme/awesome/issues', until: () => released });
    let answered = false;
    const listing = plain().rest.issues.listForRepo(repo).then(() => (answered = true));
    while (!fake.requests.some((request) => request.path === '/repos/acme/awesome/issues' && request.status === 0)) await new Promise((r) => setTimeout(r, 5));
    expect((await plain().rest.repos.get(repo)).status).toBe(200);
    expect(answered).toBe(false);
    release();
    await listing;
    expect(answered).toBe(true);
  });
});
