import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppJob } from '../../src/github-app/jobs/app-job.js';
import { jobIdentity } from '../../src/github-app/jobs/job-identity.js';
import { runJob } from '../../src/github-app/jobs/run-job.js';
import { fanOutPass } from '../../src/github-app/nightly/fan-out-pass.js';
import { toRepoTarget } from '../../src/github-app/repository/repo-target.js';
import { githubCatalogKey } from '../../src/store/catalog-key.js';
import { openStore } from '../../src/store/open-store.js';
import { countRows } from '../../src/store/test-fixtures/store-backends.js';
import { MEMORY_DB } from '../../src/store/resolve-db-path.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { REDIS_AVAILABLE, dropRedisPrefix, newRedisPrefix } from '../support/test-redis.js';
import { BOT } from './support/app-harness.js';
import { expectInvariants } from './support/final-state.js';
import { gate, startQueuedApp, unfinishedJobs, waitFor, type QueuedApp } from './support/queue-harness.js';

let fake: FakeGitHub;
let links: Server;
let base: string;
const apps: QueuedApp[] = [];
const prefixes: string[] = [];

beforeAll(async () => {
  links = createServer((req, res) => res.writeHead(req.url === '/ok' ? 200 : 404, { 'content-type': 'text/html' }).end('<title>page</title>'));
  await new Promise<void>((resolve) => links.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(links.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => links?.close(resolve)));
// Each test its own GitHub: a nightly pass walks every installation there is.
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  await Promise.all(prefixes.splice(0).map(dropRedisPrefix));
  await fake.close();
});

async function queuedApp(store = openStore({ path: MEMORY_DB })): Promise<QueuedApp> {
  const prefix = newRedisPrefix();
  prefixes.push(prefix);
  const app = await startQueuedApp(fake, { prefix, store: await store });
  apps.push(app);
  return app;
}

const repoOf = (fullName: string, installationId: number) => {
  const [owner, name] = fullName.split('/') as [string, string];
  return toRepoTarget(installationId, { name, owner: { login: owner }, html_url: `https://github.com/${fullName}`, default_branch: 'main' });
};

describe.runIf(REDIS_AVAILABLE)('the BullMQ work queue', () => {
  it('keeps one waiting job per piece of work: a redelivered event is dropped, a new one is not', async () => {
    const app = await queuedApp();
    const target = repoOf('acme/dedup', 1);
    const jobs: AppJob[] = [
      { kind: 'welcome', installationId: 1, repo: 'acme/dedup' },
      { kind: 'welcome', installationId: 1, repo: 'ACME/dedup' },
      { kind: 'welcome', installationId: 1, repo: 'acme/other' },
      { kind: 'push', target, push: { ref: 'refs/heads/main', before: 'a', after: 'b' } },
      { kind: 'push', target, push: { ref: 'refs/heads/main', before: 'a', after: 'b' } },
      { kind: 'push', target, push: { ref: 'refs/heads/main', before: 'b', after: 'c' } },
      { kind: 'report-edited', target, issue: { number: 1, state: 'open', author: BOT }, ticks: [{ verb: 'recheck-all' }], sender: 'maintainer' },
      { kind: 'report-edited', target, issue: { number: 1, state: 'open', author: BOT }, ticks: [{ verb: 'ignore', key: 'abc' }], sender: 'maintainer' },
      { kind: 'nightly-repo', passId: 7, target },
      { kind: 'nightly-repo', passId: 7, target },
      { kind: 'nightly-repo', passId: 8, target },
    ];
    for (const job of jobs) await app.runtime.enqueue(job);
    const waiting = await app.queue.getJobs(['waiting', 'prioritized']);
    expect(waiting.map((job) => jobIdentity(job.data as AppJob).label).sort()).toEqual([
      'nightly run of acme/dedup',
      'nightly run of acme/dedup',
      'push on acme/dedup',
      'push on acme/dedup',
      'report checkboxes on acme/dedup',
      'welcoming acme/dedup',
      'welcoming acme/other',
    ]);
    // Webhook work goes before the nightly repositories.
    expect(waiting.filter((job) => job.opts.priority).map((job) => job.name)).toEqual(['nightly-repo', 'nightly-repo']);
  });

  it('queues an event that arrives while the same work runs once, behind it', async () => {
    const app = await queuedApp();
    fake.state.createRepo({ fullName: 'acme/busy', files: { 'README.md': '# Busy\n' }, archived: true });
    const { id } = fake.state.install({ account: 'acme', repositories: ['acme/busy'] });
    const held = gate();
    const getRepo = (request: { method: string; path: string }) => request.method === 'GET' && request.path === '/repos/acme/busy';
    fake.faults.delay({ times: 1, match: getRepo, until: () => (held.reach(), held.opened) });
    app.startWorker();
    const welcome: AppJob = { kind: 'welcome', installationId: id, repo: 'acme/busy' };
    await app.runtime.enqueue(welcome);
    await held.reached;
    for (let i = 0; i < 3; i += 1) await app.runtime.enqueue(welcome);
    held.open();
    await waitFor(async () => (await unfinishedJobs(app.queue)) === 0, 'the queue to drain');
    expect(fake.requests.filter(getRepo)).toHaveLength(2);
  });

  it('retries a failed job after a backoff, then succeeds', async () => {
    const app = await queuedApp();
    fake.state.createRepo({ fullName: 'acme/flaky', files: { 'README.md': '# Flaky\n' } });
    const { id } = fake.state.install({ account: 'acme', repositories: ['acme/flaky'] });
    const getRepo = (request: { method: string; path: string }) => request.method === 'GET' && request.path === '/repos/acme/flaky';
    // A 404 is not retried by the client itself: the job fails, and the queue tries again.
    fake.faults.serverError({ times: 2, status: 404, match: getRepo });
    const failures: number[] = [];
    app.startWorker().worker.on('failed', (job) => failures.push(job!.attemptsMade));
    await app.runtime.enqueue({ kind: 'welcome', installationId: id, repo: 'acme/flaky' });
    await waitFor(() => fake.inspect.pulls('acme/flaky').length === 1, 'the onboarding pull request');
    expect(failures).toEqual([1, 2]);
    expect(fake.requests.filter(getRepo).map((request) => request.status)).toEqual([404, 404, 200]);
    expect(fake.inspect.pulls('acme/flaky').map((pull) => [pull.title, pull.author])).toEqual([['Configure linkmedic', BOT]]);
  });

  it('shares a nightly pass out over two workers: each repository once, the pass closed by the last job, a second fan-out adding nothing', async () => {
    const names = ['nightly/a', 'nightly/b', 'nightly/c', 'nightly/d', 'nightly/e'];
    for (const name of names) {
      fake.state.createRepo({ fullName: name, files: { 'README.md': `# ${name}\n- [ok](${base}/ok)\n- [gone](${base}/gone)\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    }
    fake.state.install({ account: 'nightly' });
    const store = await openStore({ path: MEMORY_DB });
    const app = await queuedApp(Promise.resolve(store));
    // A fan-out the workers take, one started by hand as a retried fan-out would, and one deduplicated.
    await app.runtime.enqueue({ kind: 'nightly-pass', trigger: 'schedule' });
    await app.runtime.enqueue({ kind: 'nightly-pass', trigger: 'schedule' });
    const direct = await fanOutPass(app.runtime, 'schedule');
    expect(direct).toMatchObject({ resumed: false, planned: 5, queued: 5 });
    app.startWorker({ concurrency: 1, name: 'one' });
    app.startWorker({ concurrency: 1, name: 'two' });
    await waitFor(async () => (await app.runtime.passes.pass(direct.passId))?.finished === true, 'the pass to finish');
    await waitFor(async () => (await unfinishedJobs(app.queue)) === 0, 'the queue to drain');
    expect((await app.runtime.passes.repos(direct.passId)).map((repo) => [repo.repo, repo.state, repo.attempts])).toEqual(names.map((name) => [name, 'done', 1]));
    expect(await countRows(store, 'app_passes')).toBe(1);
    for (const name of names) {
      expect((await store.latestRuns(githubCatalogKey(name), 10)).length, name).toBe(1);
      expectInvariants(fake, name);
      expect(fake.inspect.issues(name).map((issue) => issue.title)).toEqual(['Link health report']);
    }
  });

  it('forgets a repository the app was removed from: queued work dropped, app state deleted, history kept', async () => {
    fake.state.createRepo({ fullName: 'gone/list', files: { 'README.md': `# Gone\n- [ok](${base}/ok)\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    fake.state.createRepo({ fullName: 'gone/kept', files: { 'README.md': `# Kept\n- [ok](${base}/ok)\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
    const installation = fake.state.install({ account: 'gone', repositories: ['gone/list', 'gone/kept'] });
    const store = await openStore({ path: MEMORY_DB });
    const app = await queuedApp(Promise.resolve(store));
    const worker = app.startWorker();
    const pass = await fanOutPass(app.runtime, 'schedule');
    await waitFor(async () => (await app.runtime.passes.pass(pass.passId))?.finished === true, 'the pass to finish');
    await app.runtime.memory.ignore('gone/list', `${base}/ok`, 'maintainer', new Date());
    await worker.close();
    // Work queued for the repository, not started when the app is removed from it.
    await app.runtime.enqueue({ kind: 'welcome', installationId: installation.id, repo: 'gone/list' });
    await app.runtime.enqueue({ kind: 'welcome', installationId: installation.id, repo: 'gone/kept' });
    await app.runtime.enqueue({ kind: 'forget', account: 'gone', repos: ['gone/list'], wholeAccount: false });
    const forget = (await app.queue.getJobs(['waiting'])).find((job) => job.name === 'forget')!;
    await forget.remove();
    expect(await runJob(app.runtime, forget.data as AppJob)).toEqual(['gone/list']);
    expect((await app.queue.getJobs(['waiting'])).map((job) => (job.data as { repo: string }).repo)).toEqual(['gone/kept']);
    for (const table of ['app_repo_runs', 'app_ignored_urls', 'app_pass_repos']) {
      expect(await countRows(store, table, `WHERE repo = 'gone/list'`), table).toBe(0);
    }
    expect(await countRows(store, 'app_repo_runs', `WHERE repo = 'gone/kept'`)).toBe(1);
    expect((await store.latestRuns(githubCatalogKey('gone/list'), 10)).length).toBe(1);
  });
});
