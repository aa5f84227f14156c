import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { stopWritesOnAbort } from '../../src/github-app/github/stop-writes-on-abort.js';
import type { GithubClient } from '../../src/github-app/repo-run.js';
import { repoLeaseName, RepoLocks } from '../../src/github-app/runtime/repo-locks.js';
import { isLinkmedicError } from '../../src/errors.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { LeaseOptions } from '../../src/store/leases/lease-options.js';
import { Leases } from '../../src/store/leases/leases.js';
import { STORE_BACKENDS } from '../../src/store/test-fixtures/store-backends.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Two processes' locks: separate connections to one database, like two linkmedic processes. */
async function twoProcesses(location: string, options: Partial<LeaseOptions> = {}): Promise<{ locks: [RepoLocks, RepoLocks]; stores: HistoryStore[] }> {
  const stores = [await openStore({ path: location }), await openStore({ path: location })];
  const locks = stores.map((store) => new RepoLocks(new Leases(store.sql, { backoffMs: 5, maxBackoffMs: 20, ...options }))) as [RepoLocks, RepoLocks];
  return { locks, stores };
}

describe.each(STORE_BACKENDS)('one writer per repository across processes ($name)', (backend) => {
  const location = () => backend.newLocation(backend.name === 'sqlite' ? join(mkdtempSync(join(tmpdir(), 'linkmedic-locks-')), 'linkmedic.db') : undefined);

  it('runs work on one repository one at a time, across processes and within one, and work on others alongside', async () => {
    const { locks, stores } = await twoProcesses(await location());
    try {
      const events: string[] = [];
      const work = (name: string, release: Promise<void>) => async () => {
        events.push(`${name} starts`);
        await release;
        events.push(`${name} ends`);
        return name;
      };
      let finishFirst!: () => void;
      const first = locks[0].run('Acme/Awesome', work('server', new Promise((resolve) => (finishFirst = resolve))));
      while (events.length === 0) await tick();
      const second = locks[1].run('acme/awesome', work('run-nightly', Promise.resolve()));
      const third = locks[0].run('acme/awesome', work('webhook', Promise.resolve()));
      const other = locks[1].run('acme/other', work('other repository', Promise.resolve()));
      expect(await other).toBe('other repository');
      for (let i = 0; i < 20; i += 1) await tick();
      expect(events).toEqual(['server starts', 'other repository starts', 'other repository ends']);
      finishFirst();
      expect(await Promise.all([first, second, third])).toEqual(['server', 'run-nightly', 'webhook']);
      // Each started after the one before it ended, whichever process won the lease next.
      const onAwesome = events.filter((event) => !event.startsWith('other'));
      expect(onAwesome.slice(0, 2)).toEqual(['server starts', 'server ends']);
      expect(onAwesome.slice(2).map((event) => event.split(' ').at(-1))).toEqual(['starts', 'ends', 'starts', 'ends']);
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('never goes ahead while another process holds the lease: after the longest wait it fails with BUSY, naming the holder', async () => {
    const { locks, stores } = await twoProcesses(await location(), { maxWaitMs: 200 });
    try {
      let finish!: () => void;
      const holding = locks[0].run('acme/awesome', () => new Promise<void>((resolve) => (finish = resolve)));
      while (!finish) await tick();
      let ran = false;
      const waited = await locks[1].run('acme/awesome', async () => (ran = true)).catch((error: unknown) => error);
      expect(ran).toBe(false);
      expect(isLinkmedicError(waited) && [waited.code, waited.exitCode]).toEqual(['BUSY', 75]);
      expect((waited as Error).message).toMatch(/^acme\/awesome is being written to by another linkmedic process \([^:]+:\d+:[\w-]+\); it stayed busy for 0 s$/);
      finish();
      await holding;
      expect(await locks[1].run('acme/awesome', async () => 'now')).toBe('now');
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('releases the lease when the work fails, and stops waiting when the process shuts down', async () => {
    const { locks, stores } = await twoProcesses(await location());
    try {
      await expect(locks[0].run('acme/awesome', async () => Promise.reject(new Error('GitHub answered 502')))).rejects.toThrow('GitHub answered 502');
      expect(await stores[0]!.sql.get(`SELECT holder FROM app_leases WHERE name = ?`, [repoLeaseName('acme/awesome')])).toBeUndefined();

      let finish!: () => void;
      const holding = locks[0].run('acme/awesome', () => new Promise<void>((resolve) => (finish = resolve)));
      while (!finish) await tick();
      const waiting = locks[1].run('acme/awesome', async () => 'never').catch((error: unknown) => error);
      locks[1].close();
      expect(await waiting).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/; this process is shutting down$/) });
      finish();
      await holding;
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('releaseRepo (the app was uninstalled) frees the repository, and the work still holding it is told to stop writing', async () => {
    const { locks, stores } = await twoProcesses(await location(), { ttlMs: 200 });
    try {
      const aborted = locks[0].run('acme/awesome', (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(signal.reason))));
      while (!(await stores[1]!.sql.get(`SELECT holder FROM app_leases`))) await tick();
      await locks[1].releaseRepo('ACME/awesome');
      expect(await aborted).toMatchObject({ code: 'BUSY', message: 'stopped writing: another process took the lease repo:acme/awesome, or it was released by force' });
    } finally {
      for (const store of stores) await store.close();
    }
  });
});

describe('stopWritesOnAbort', () => {
  it('lets reads through after the lease is lost, and refuses every write before it leaves', async () => {
    const sent: string[] = [];
    const fetch = async (url: string, init: { method: string }) => {
      sent.push(`${init.method} ${new URL(url).pathname}`);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const controller = new AbortController();
    const octokit = stopWritesOnAbort(new ProbotOctokit({ request: { fetch }, throttle: { enabled: false }, retry: { enabled: false } }) as GithubClient, controller.signal);
    await octokit.rest.issues.create({ owner: 'acme', repo: 'awesome', title: 'Link health report' });
    controller.abort(new Error('stopped writing: the lease was lost'));
    await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'awesome' });
    await expect(octokit.rest.issues.create({ owner: 'acme', repo: 'awesome', title: 'Link health report' })).rejects.toThrow('stopped writing: the lease was lost');
    await expect(octokit.rest.issues.update({ owner: 'acme', repo: 'awesome', issue_number: 1, body: 'x' })).rejects.toThrow('stopped writing');
    expect(sent).toEqual(['POST /repos/acme/awesome/issues', 'GET /repos/acme/awesome/issues']);
  });
});
