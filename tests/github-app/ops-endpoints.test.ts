import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/migrations.js';
import { respond } from '../support/simulated-web/index.js';
import { startAppHarness, type AppHarness } from './support/app-harness.js';

const T0 = new Date('2026-12-01T03:00:00Z');
let h: AppHarness;

beforeAll(async () => {
  h = await startAppHarness({
    start: T0,
    githubApi: { repos: [{ fullName: 'lib/tool', stars: 5 }] },
    hub: { repos: [{ kind: 'model', id: 'org/model' }] },
  });
  h.web.route('site.example.test', '/ok', respond.ok('<title>fine</title>'));
  h.web.route('site.example.test', '/gone', respond.status(404));
});
afterAll(() => h?.close());

const get = (path: string) => fetch(`http://127.0.0.1:${h.app.port}${path}`);

/** One sample of the exposition text, e.g. `linkmedic_repository_runs_total{outcome="done"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('the app server\'s operating endpoints (PORT=0: a free port, reported)', () => {
  it('listens on the port it reports, not 3000', () => {
    expect(h.settings.port).toBe(0);
    expect(h.app.port).toBeGreaterThan(0);
    expect(h.app.port).not.toBe(3000);
  });

  it('/healthz says the process is up; /readyz checks the database and its migrations', async () => {
    const health = await get('/healthz');
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('content-type')).toBe('application/json');
    // No REDIS_URL in this harness: no Redis check.
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: { status: 'ok', detail: `sqlite schema ${MIGRATIONS.length}` } } });
    expect((await get('/nothing-here')).status).toBe(404);
  });

  it('/metrics counts a night\'s runs by outcome and their links by verdict, with the rate limits GitHub and the Hub reported', async () => {
    const before = await (await get('/metrics')).text();
    expect(sample(before, 'linkmedic_repository_runs_total{outcome="done"}')).toBe(0);
    expect(sample(before, 'linkmedic_links_checked_total{verdict="alive"}')).toBe(0);
    expect(sample(before, 'linkmedic_github_rate_limit_remaining{resource="core"}')).toBeUndefined();

    const ok = h.web.url('site.example.test', '/ok', 'https');
    const gone = h.web.url('site.example.test', '/gone', 'https');
    const readme = `# List\n- [ok](${ok})\n- [gone](${gone})\n- [tool](https://github.com/lib/tool)\n- [model](https://huggingface.co/org/model)\n`;
    h.fake.state.createRepo({ fullName: 'ops/list', files: { 'README.md': readme, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    h.fake.state.createRepo({ fullName: 'ops/broken-config', files: { 'README.md': readme, '.github/linkmedic.yml': 'schedule: sometimes\n' } });
    h.fake.state.createRepo({ fullName: 'ops/new', files: { 'README.md': readme } });
    h.fake.state.createRepo({ fullName: 'ops/failing', files: { 'README.md': readme, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    h.fake.faults.serverError({ times: 1000, status: 500, when: 'before', match: (request) => request.path === '/repos/ops/failing/branches/main' });
    h.fake.state.install({ account: 'ops' });
    const outcome = await h.night(T0);
    h.fake.faults.clear();
    expect(outcome.status !== 'busy' && outcome.repos.map((repo) => [repo.repo, repo.state])).toEqual([
      ['ops/broken-config', 'skipped'], ['ops/failing', 'failed'], ['ops/list', 'done'], ['ops/new', 'skipped'],
    ]);

    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const runs = Object.fromEntries(['done', 'partial', 'unconfigured', 'invalid_config', 'not_due', 'failed'].map((outcome) => [outcome, sample(text, `linkmedic_repository_runs_total{outcome="${outcome}"}`)]));
    // A failing repository is tried three times in a pass.
    expect(runs).toEqual({ done: 1, partial: 0, unconfigured: 1, invalid_config: 1, not_due: 0, failed: 3 });
    expect(sample(text, 'linkmedic_repository_run_duration_seconds_count{outcome="done"}')).toBe(1);
    expect(sample(text, 'linkmedic_links_checked_total{verdict="alive"}')).toBe(3);
    expect(sample(text, 'linkmedic_links_checked_total{verdict="dead"}')).toBe(1);
    expect(sample(text, 'linkmedic_links_checked_total{verdict="timeout"}')).toBe(0);
    // The fake GitHub sends x-ratelimit-* on every REST answer; the fake Hub its RateLimit header (500 a window).
    const github = sample(text, 'linkmedic_github_rate_limit_remaining{resource="core"}');
    expect(github).toBeGreaterThan(4000);
    expect(github).toBeLessThan(5000);
    expect(sample(text, 'linkmedic_hub_rate_limit_remaining')).toBe(499);
    for (const state of ['waiting', 'active', 'failed']) expect(sample(text, `linkmedic_queue_jobs{state="${state}"}`)).toBe(0);
  });
});
