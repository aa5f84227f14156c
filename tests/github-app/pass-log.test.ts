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
  });
});
