import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppSettings } from '../../src/github-app/app-settings.js';
import { appProbotClass } from '../../src/github-app/create-app-probot.js';
import type { GithubClient } from '../../src/github-app/repo-run.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { TEST_PACING } from './support/app-harness.js';

let fake: FakeGitHub;
let octokit: GithubClient;
let installationId: number;
const REPO = { owner: 'acme', repo: 'awesome' };

async function clientWith(pacing = TEST_PACING): Promise<GithubClient> {
  const settings = readAppSettings({ ...fake.env, WEBHOOK_SECRET: 'x', LOG_LEVEL: 'fatal' });
  const ProbotClass = appProbotClass(settings, { pacing });
  return (await new ProbotClass().auth(installationId)) as GithubClient;
}

beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.state.createRepo({ fullName: 'acme/awesome', files: { 'README.md': '# list\n' } });
  installationId = fake.state.install({ account: 'acme' }).id;
  octokit = await clientWith();
  await octokit.rest.repos.get(REPO); // the token is fetched once, outside the faults below
});
afterAll(() => fake.close());

const calls = (method: string, path: string) => fake.requests.filter((r) => r.method === method && r.path === path).map((r) => r.status);

describe("the app's Octokit against GitHub's failure answers", () => {
  it('waits out a secondary rate limit (Probot alone would only log it) and succeeds', async () => {
    fake.faults.secondaryRateLimit({ times: 2, retryAfter: 3, match: (r) => r.path === '/repos/acme/awesome/branches/main' });
    const { data } = await octokit.rest.repos.getBranch({ ...REPO, branch: 'main' });
    expect(data.name).toBe('main');
    expect(calls('GET', '/repos/acme/awesome/branches/main')).toEqual([403, 403, 200]);
  });

  it('retries a read that met a 502', async () => {
    fake.faults.serverError({ times: 1, match: (r) => r.method === 'GET' && r.path === '/repos/acme/awesome/contents/README.md' });
    const { data } = await octokit.rest.repos.getContent({ ...REPO, path: 'README.md' });
    expect(data).toMatchObject({ path: 'README.md' });
    expect(calls('GET', '/repos/acme/awesome/contents/README.md')).toEqual([502, 200]);
  });

  it('does not repeat an issue creation whose answer was lost: the caller re-reads instead', async () => {
    fake.faults.serverError({ times: 1, when: 'after', match: (r) => r.method === 'POST' && r.path === '/repos/acme/awesome/issues' });
    await expect(octokit.rest.issues.create({ ...REPO, title: 'Report', body: 'x' })).rejects.toMatchObject({ status: 502 });
    expect(fake.inspect.issues('acme/awesome').map((issue) => issue.title)).toEqual(['Report']);
    expect(calls('POST', '/repos/acme/awesome/issues')).toEqual([502]);
  });

  it('repeats an edit whose answer was lost (the same PATCH twice changes nothing more)', async () => {
    const number = fake.inspect.issues('acme/awesome')[0]!.number;
    fake.faults.serverError({ times: 1, when: 'after', match: (r) => r.method === 'PATCH' });
    await octokit.rest.issues.update({ ...REPO, issue_number: number, body: 'edited' });
    expect(fake.inspect.issues('acme/awesome')[0]!.body).toBe('edited');
    expect(calls('PATCH', `/repos/acme/awesome/issues/${number}`)).toEqual([502, 200]);
  });

  it('waits for a primary rate limit that resets soon', async () => {
    // Real seconds here: the fake resets the limit on the wall clock.
    const patient = await clientWith({ ...TEST_PACING, retryAfterUnitMs: 1000 });
    await patient.rest.repos.get(REPO);
    fake.rateLimits.exhaust({ bucket: installationId, resetAfterSeconds: 1 });
    const started = Date.now();
    const { data } = await patient.rest.repos.get(REPO);
    expect(data.full_name).toBe('acme/awesome');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up on a primary rate limit that resets later than it is willing to wait', async () => {
    const impatient = await clientWith({ ...TEST_PACING, maxRateLimitWaitSeconds: 5 });
    await impatient.rest.repos.get(REPO);
    fake.rateLimits.exhaust({ bucket: installationId, resetAfterSeconds: 3600 });
    await expect(impatient.rest.repos.get(REPO)).rejects.toMatchObject({ status: 403 });
    fake.rateLimits.reset();
  });
});
