import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppSettings } from '../../src/github-app/app-settings.js';
import { createAppRuntime } from '../../src/github-app/create-app-runtime.js';
import { PASS_LEASE, runNightlyPass } from '../../src/github-app/nightly/run-nightly-pass.js';
import { githubCatalogKey } from '../../src/store/catalog-key.js';
import { openStore } from '../../src/store/open-store.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { BOT, TEST_PACING } from './support/app-harness.js';
import { expectInvariants } from './support/final-state.js';

const root = path.resolve(import.meta.dirname, '../..');
let fake: FakeGitHub;
let links: Server;
let linkHits = 0;
let dbPath: string;
let env: Record<string, string>;

beforeAll(async () => {
  links = createServer((req, res) => {
    linkHits += 1;
    res.writeHead(req.url === '/ok' ? 200 : 404, { 'content-type': 'text/html' }).end('<title>page</title>');
  });
  await new Promise<void>((resolve) => links.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(links.address() as AddressInfo).port}`;
  fake = await startFakeGitHub();
  for (const name of ['acme/one', 'acme/two']) {
    fake.state.createRepo({ fullName: name, files: { 'README.md': `# ${name}\n- [ok](${base}/ok)\n- [missing](${base}/missing)\n`, '.github/linkmedic.yml': 'allowPrivateNetworks: true\n' } });
  }
  fake.state.install({ account: 'acme' });
  dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-resume-')), 'linkmedic.db');
  // No GITHUB_TOKEN or HF_ENDPOINT: the catalog has no repository links; the links are loopback IPs.
  env = { ...fake.env, LINKMEDIC_DB: dbPath, LINKMEDIC_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  await fake?.close();
  await new Promise((resolve) => links?.close(resolve));
});

/** `linkmedic run-nightly` in a child process, killed (SIGKILL) when `killWhen` matches a request it makes. */
function runNightlyUntil(killWhen: (request: { method: string; path: string }) => boolean): Promise<{ killed: boolean; stderr: string }> {
  let child: ChildProcess | undefined;
  let killed = false;
  fake.faults.random({
    seed: 1,
    probability: 1,
    kinds: ['502'],
    // The matching request is refused (nothing happens on GitHub) and the process dies with it.
    match: (request) => {
      if (killed || !killWhen(request)) return false;
      killed = true;
      child?.kill('SIGKILL');
      return true;
    },
  });
  return new Promise((resolve, reject) => {
    child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/run-cli.ts'), 'run-nightly'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ killed, stderr }));
  });
}

describe('a pass killed mid-way', () => {
  it('resumes where it stopped: finished repositories untouched, a recorded run reused, nothing written twice', async () => {
    // Killed as it opens acme/two's report: acme/one is finished, acme/two's run is recorded only.
    const child = await runNightlyUntil((request) => request.method === 'POST' && request.path === '/repos/acme/two/issues');
    fake.faults.clear();
    expect(child.killed, child.stderr).toBe(true);
    expect(fake.inspect.issues('acme/one').filter((issue) => issue.author === BOT)).toHaveLength(1);
    expect(fake.inspect.issues('acme/two')).toEqual([]);

    const hitsBefore = linkHits;
    const requestsBefore = fake.requests.length;
    const { runtime, close } = await createAppRuntime(readAppSettings({ ...env, LOG_LEVEL: 'fatal' }, root, { webhooks: false }), { pacing: TEST_PACING });
    try {
      const outcome = await runNightlyPass(runtime, { trigger: 'startup' });
      expect(outcome).toMatchObject({ status: 'finished', resumed: true });
      if (outcome.status === 'busy') return;
      expect(outcome.repos.map((repo) => [repo.repo, repo.state, repo.detail])).toEqual([
        ['acme/one', 'done', 'checked 2 links'],
        ['acme/two', 'done', 'reused the run recorded earlier in this pass'],
      ]);
    } finally {
      await close();
    }
    const resumed = fake.requests.slice(requestsBefore);
    expect(resumed.filter((request) => request.path.startsWith('/repos/acme/one/'))).toEqual([]);
    expect(linkHits).toBe(hitsBefore); // no link was checked again
    const store = await openStore({ path: dbPath });
    expect(await Promise.all(['acme/one', 'acme/two'].map(async (name) => (await store.latestRuns(githubCatalogKey(name), 10)).length))).toEqual([1, 1]);
    await store.close();
    for (const name of ['acme/one', 'acme/two']) {
      expectInvariants(fake, name);
      expect(fake.inspect.issues(name).map((issue) => [issue.title, issue.author, issue.state])).toEqual([['Link health report', BOT, 'open']]);
    }
  }, 60_000);
});

describe('a pass over several repositories', () => {
  it('keeps one run a night when an attempt dies between recording its run and saving the record the GitHub steps work from', async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-pass-')), 'linkmedic.db');
    const settings = readAppSettings({ ...env, LINKMEDIC_DB: db, LOG_LEVEL: 'fatal' }, root, { webhooks: false });
    const { runtime, close } = await createAppRuntime(settings, { pacing: TEST_PACING, now: () => new Date('2026-11-12T03:00:00Z') });
    try {
      // The first attempt at acme/one stops right after its run is in history (as a process killed there would).
      const saveRun = runtime.memory.saveRun.bind(runtime.memory);
      let stopped = 0;
      runtime.memory.saveRun = async (record, pass) => {
        if (record.repo === 'acme/one' && stopped++ === 0) throw new Error('killed after recording its run');
        return saveRun(record, pass);
      };
      const pass = await runNightlyPass(runtime, { trigger: 'schedule' });
      expect(stopped).toBe(2);
      expect(pass.status === 'finished' && pass.repos.map((repo) => [repo.repo, repo.state])).toEqual([['acme/one', 'done'], ['acme/two', 'done']]);
      const runs = await runtime.store.latestRuns(githubCatalogKey('acme/one'), 10);
      expect(runs).toHaveLength(1);
      expectInvariants(fake, 'acme/one');
    } finally {
      await close();
    }
  }, 30_000);

  it("goes on past a repository that keeps failing, retries it within the pass, and never overlaps another pass", async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'linkmedic-pass-')), 'linkmedic.db');
    const settings = readAppSettings({ ...env, LINKMEDIC_DB: db, LOG_LEVEL: 'fatal' }, root, { webhooks: false });
    let now = new Date('2026-11-10T03:00:00Z');
    const { runtime, close } = await createAppRuntime(settings, { pacing: TEST_PACING, now: () => now });
    try {
      const branch = (request: { method: string; path: string }) => request.method === 'GET' && request.path === '/repos/acme/one/branches/main';
      const seen = fake.requests.length;
      fake.faults.serverError({ times: 1000, match: branch });
      const first = await runNightlyPass(runtime, { trigger: 'schedule' });
      fake.faults.clear();
      expect(first.status === 'finished' && first.repos.map((repo) => [repo.repo, repo.state])).toEqual([['acme/one', 'failed'], ['acme/two', 'done']]);
      // Three attempts, each with the client's own three retries of the 502.
      expect(fake.requests.slice(seen).filter(branch).length).toBe(12);

      // Another process holding the pass lease (this host, a live pid): the pass does not start.
      expect(await runtime.leases.table.tryAcquire(PASS_LEASE, `${hostname()}:${process.pid}:other`, new Date(), 60_000)).toBe(true);
      expect(await runNightlyPass(runtime, { trigger: 'cli' })).toEqual({ status: 'busy' });
      await runtime.leases.table.release(PASS_LEASE, `${hostname()}:${process.pid}:other`);

      now = new Date('2026-11-11T03:00:00Z');
      const next = await runNightlyPass(runtime, { trigger: 'schedule' });
      expect(next.status === 'finished' && next.repos.map((repo) => [repo.repo, repo.state])).toEqual([['acme/one', 'done'], ['acme/two', 'done']]);
    } finally {
      await close();
    }
  }, 30_000);
});
