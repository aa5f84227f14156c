import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PassLog } from '../../src/github-app/state/pass-log.js';
import { RepoMemory, type RepoRunRecord } from '../../src/github-app/state/repo-memory.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { openStore } from '../../src/store/open-store.js';
import { makeRun } from '../../src/store/test-fixtures/make-run.js';

let store: HistoryStore;
let passes: PassLog;
const T0 = new Date('2026-11-01T03:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

beforeEach(() => {
  store = openStore({ path: ':memory:' });
  passes = new PassLog(store.db);
});
afterEach(() => store.close());

describe('the pass record', () => {
  it('resumes an unfinished pass within the window, starts over after it', () => {
    const first = passes.openPass('schedule', T0, 60 * 60_000);
    expect(first).toMatchObject({ resumed: false, trigger: 'schedule' });
    expect(passes.openPass('startup', later(30), 60 * 60_000)).toMatchObject({ id: first.id, resumed: true, trigger: 'schedule' });
    const fresh = passes.openPass('schedule', later(90), 60 * 60_000);
    expect(fresh).toMatchObject({ resumed: false });
    expect(fresh.id).not.toBe(first.id);
    expect(passes.unfinishedPass()?.id).toBe(fresh.id);
    passes.finishPass(fresh.id, later(100));
    expect(passes.unfinishedPass()).toBeUndefined();
    expect(passes.openPass('schedule', later(101), 60 * 60_000).resumed).toBe(false);
  });

  it('counts attempts and keeps a recorded run id through later failures', () => {
    const runId = store.recordRun(makeRun({ at: 0, results: [['https://a.example/', 'alive']] }));
    const { id } = passes.openPass('schedule', T0, 1000);
    passes.mark(id, 'acme/a', 'failed', T0, { detail: 'GitHub answered 502', attempt: true });
    passes.mark(id, 'acme/a', 'checked', T0, { runId });
    passes.mark(id, 'acme/a', 'failed', T0, { detail: 'GitHub answered 502', attempt: true });
    expect(passes.repo(id, 'acme/a')).toEqual({ repo: 'acme/a', state: 'failed', runId, attempts: 2, detail: 'GitHub answered 502' });
    passes.mark(id, 'acme/b', 'skipped', T0, { detail: 'schedule: off' });
    expect(passes.repos(id).map((repo) => [repo.repo, repo.state])).toEqual([['acme/a', 'failed'], ['acme/b', 'skipped']]);
  });

  it('lets one holder at a time take the lease, until it is released or expires', () => {
    expect(passes.acquireLease('nightly', 'server', T0, 10 * 60_000)).toBe(true);
    expect(passes.acquireLease('nightly', 'cli', later(1), 10 * 60_000)).toBe(false);
    expect(passes.acquireLease('nightly', 'server', later(5), 10 * 60_000)).toBe(true); // renewal
    expect(passes.acquireLease('nightly', 'cli', later(14), 10 * 60_000)).toBe(false);
    expect(passes.acquireLease('nightly', 'cli', later(16), 10 * 60_000)).toBe(true); // the server died
    passes.releaseLease('nightly', 'cli');
    expect(passes.acquireLease('nightly', 'server', later(17), 10 * 60_000)).toBe(true);
  });

  it('lets a holder known to be gone (a killed process) lose its lease before it expires', () => {
    expect(passes.acquireLease('nightly', 'host:111:a', T0, 10 * 60_000)).toBe(true);
    expect(passes.acquireLease('nightly', 'host:222:b', later(1), 10 * 60_000, (holder) => holder === 'host:333:c')).toBe(false);
    expect(passes.acquireLease('nightly', 'host:222:b', later(1), 10 * 60_000, (holder) => holder === 'host:111:a')).toBe(true);
  });
});

describe('the recorded runs', () => {
  const record = (repo: string, hours: number): RepoRunRecord => ({
    runId: store.recordRun(makeRun({ at: hours, results: [['https://a.example/', 'alive']] })),
    repo,
    headSha: 'a'.repeat(40),
    config: {} as RepoRunRecord['config'],
    report: { links: [] } as unknown as RepoRunRecord['report'],
  });

  it('keep the latest per repository, and the one an unfinished pass may still reuse', () => {
    const memory = new RepoMemory(store.db);
    const pass = passes.openPass('schedule', T0, 60 * 60_000);
    const inPass = record('acme/a', 0);
    memory.saveRun(inPass, { id: pass.id, now: T0 });
    const other = record('acme/b', 0);
    memory.saveRun(other);
    const manual = record('acme/a', 1); // `linkmedic run --repo` while the pass is cut short
    memory.saveRun(manual);
    expect([memory.run(inPass.runId)?.runId, memory.latestRun('acme/a')?.runId]).toEqual([inPass.runId, manual.runId]);

    passes.finishPass(pass.id, later(120));
    const next = record('acme/a', 24);
    memory.saveRun(next);
    expect([memory.run(inPass.runId), memory.run(manual.runId), memory.latestRun('acme/a')?.runId]).toEqual([undefined, undefined, next.runId]);
    expect(memory.latestRun('acme/b')?.runId).toBe(other.runId);
  });
});
