import { beforeEach, describe, expect, it } from 'vitest';
import { PassLog } from '../../src/github-app/state/pass-log.js';
import { RepoMemory, type RepoRunRecord } from '../../src/github-app/state/repo-memory.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { makeRun } from '../../src/store/test-fixtures/make-run.js';
import { STORE_BACKENDS } from '../../src/store/test-fixtures/store-backends.js';

let store: HistoryStore;
let passes: PassLog;
const T0 = new Date('2026-11-01T03:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(STORE_BACKENDS)('the app state ($name)', (backend) => {
  beforeEach(async () => {
    store = await backend.open();
    passes = new PassLog(store.sql);
  });

  describe('the pass record', () => {
    it('resumes an unfinished pass within the window, starts over after it', async () => {
      const first = await passes.openPass('schedule', T0, 60 * 60_000);
      expect(first).toMatchObject({ resumed: false, trigger: 'schedule' });
      expect(await passes.openPass('startup', later(30), 60 * 60_000)).toMatchObject({ id: first.id, resumed: true, trigger: 'schedule' });
      const fresh = await passes.openPass('schedule', later(90), 60 * 60_000);
      expect(fresh).toMatchObject({ resumed: false });
      expect(fresh.id).not.toBe(first.id);
      expect((await passes.unfinishedPass())?.id).toBe(fresh.id);
      await passes.finishPass(fresh.id, later(100));
      expect(await passes.unfinishedPass()).toBeUndefined();
      expect((await passes.openPass('schedule', later(101), 60 * 60_000)).resumed).toBe(false);
    });

    it('counts attempts and keeps a recorded run id through later failures', async () => {
      const runId = await store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
      const { id } = await passes.openPass('schedule', T0, 1000);
      await passes.mark(id, 'acme/a', 'failed', T0, { detail: 'GitHub answered 502', attempt: true });
      await passes.mark(id, 'acme/a', 'checked', T0, { runId });
      await passes.mark(id, 'acme/a', 'failed', T0, { detail: 'GitHub answered 502', attempt: true });
      expect(await passes.repo(id, 'acme/a')).toEqual({ repo: 'acme/a', state: 'failed', runId, attempts: 2, detail: 'GitHub answered 502' });
      await passes.mark(id, 'acme/b', 'skipped', T0, { detail: 'schedule: off' });
      expect((await passes.repos(id)).map((repo) => [repo.repo, repo.state])).toEqual([['acme/a', 'failed'], ['acme/b', 'skipped']]);
    });

    it('closes a queued pass once every planned repository is settled, and only then', async () => {
      const { id } = await passes.openPass('schedule', T0, 60 * 60_000);
      // Walked by one process (no plan): never closed this way.
      await passes.mark(id, 'acme/a', 'done', T0, { attempt: true });
      expect(await passes.closeIfSettled(id, later(1), 3)).toBe(false);
      await passes.plan(id, 3);
      await passes.mark(id, 'acme/b', 'skipped', T0, { attempt: true });
      await passes.mark(id, 'acme/c', 'failed', T0, { attempt: true });
      await passes.mark(id, 'acme/c', 'checked', T0);
      expect(await passes.closeIfSettled(id, later(2), 3)).toBe(false);
      await passes.mark(id, 'acme/c', 'failed', T0, { attempt: true });
      expect(await passes.closeIfSettled(id, later(3), 3)).toBe(false); // two attempts of three
      await passes.mark(id, 'acme/c', 'failed', T0, { attempt: true });
      expect(await passes.closeIfSettled(id, later(4), 3)).toBe(true);
      expect(await passes.closeIfSettled(id, later(5), 3)).toBe(false); // already closed
      expect(await passes.pass(id)).toEqual({ id, startedAt: T0, finished: true });
      expect(await passes.unfinishedPass()).toBeUndefined();
    });
  });

  describe('the recorded runs', () => {
    const record = async (repo: string, hours: number): Promise<RepoRunRecord> => ({
      runId: await (await store.recordRun(makeRun({ at: hours, results: [['https://a.example/', 'alive']] }))),
      repo,
      headSha: 'a'.repeat(40),
      config: {} as RepoRunRecord['config'],
      report: { links: [] } as unknown as RepoRunRecord['report'],
    });

    it('keep the latest per repository, and the one an unfinished pass may still reuse', async () => {
      const memory = new RepoMemory(store.sql);
      const pass = await passes.openPass('schedule', T0, 60 * 60_000);
      const inPass = await record('acme/a', 0);
      await memory.saveRun(inPass, { id: pass.id, now: T0 });
      const other = await record('acme/b', 0);
      await memory.saveRun(other);
      const manual = await record('acme/a', 1); // `linkmedic run --repo` while the pass is cut short
      await memory.saveRun(manual);
      expect([(await memory.run(inPass.runId))?.runId, (await memory.latestRun('acme/a'))?.runId]).toEqual([inPass.runId, manual.runId]);

      await passes.finishPass(pass.id, later(120));
      const next = await record('acme/a', 24);
      await memory.saveRun(next);
      expect([(await memory.run(inPass.runId)), (await memory.run(manual.runId)), (await memory.latestRun('acme/a'))?.runId]).toEqual([undefined, undefined, next.runId]);
      expect((await memory.latestRun('acme/b'))?.runId).toBe(other.runId);
    });

    it('forget all the app kept about a repository, and nothing of its history or of the others', async () => {
      const memory = new RepoMemory(store.sql);
      const pass = await passes.openPass('schedule', T0, 60 * 60_000);
      for (const repo of ['acme/a', 'acme/b', 'acme_x/c']) {
        await memory.saveRun(await record(repo, 0), { id: pass.id, now: T0 });
        await memory.ignore(repo, 'https://a.example/', 'maintainer', T0);
        await memory.saveRecheck(repo, { url: 'https://a.example/', at: T0, verdict: 'alive', detail: 'HTTP 200', askedBy: 'maintainer' });
      }
      expect(await memory.reposOf('ACME')).toEqual(['acme/a', 'acme/b']);
      await memory.forget('acme/a');
      expect(await memory.reposOf('acme')).toEqual(['acme/b']);
      expect(await memory.latestRun('acme/a')).toBeUndefined();
      expect((await memory.ignoredUrls('acme/a')).size).toBe(0);
      expect((await memory.rechecksSince('acme/a', T0)).size).toBe(0);
      expect(await passes.repo(pass.id, 'acme/a')).toBeUndefined();
      expect((await passes.repos(pass.id)).map((repo) => repo.repo)).toEqual(['acme/b', 'acme_x/c']);
      expect((await memory.ignoredUrls('acme/b')).size).toBe(1);
      expect(await store.sql.get<{ n: number }>('SELECT count(*) AS n FROM runs')).toEqual({ n: 3 });
    });
  });
});
