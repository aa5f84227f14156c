import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { githubCatalogKey } from '../../store/catalog-key.js';
import type { HistoryStore } from '../../store/history-store.js';
import { countRows, STORE_BACKENDS } from '../../store/test-fixtures/store-backends.js';
import { DAY, makeRun, T0 } from '../../store/test-fixtures/make-run.js';
import { RepoRemovals } from '../state/repo-removals.js';
import { pruneRemovedHistory } from './prune-removed-history.js';

const at = (days: number) => new Date(T0 + days * DAY);
const NOW = 200;
const log = pino({ level: 'silent' });

/** A repository's history: one run per day given (days after T0), each with its app record. */
async function history(store: HistoryStore, repo: string, days: readonly number[]): Promise<void> {
  for (const day of days) {
    const runId = await store.recordRun(makeRun({ at: day * 24, catalog: githubCatalogKey(repo), results: [[`https://${repo.replace('/', '-')}.example/`, 'alive']] }));
    await store.sql.run(`INSERT INTO app_repo_runs (run_id, repo, head_sha, config, report) VALUES (?, ?, 'sha', '{}', '{}')`, [runId, repo]);
  }
}

const runsOf = async (store: HistoryStore, repo: string) => countRows(store, 'runs', `WHERE catalog = '${githubCatalogKey(repo)}'`);

interface Case {
  name: string;
  /** Days (after T0) of its runs. */
  runs: number[];
  /** Day of its removal, if any. */
  removed?: number;
  /** Listed by the pass as installed. */
  listed?: boolean;
  retention?: number | null;
  deleted: boolean;
  recordKept: boolean;
}

// The pass lists installed repositories on day NOW; retention 90 days unless given: the cutoff is day 110.
const CASES: Case[] = [
  { name: 'removed 100 days ago, idle since: history deleted', runs: [80, 90], removed: 100, deleted: true, recordKept: false },
  { name: 'removed 100 days ago but run 10 days ago (given back, event missed): kept', runs: [90, 190], removed: 100, deleted: false, recordKept: true },
  { name: 'removed 30 days ago: kept for now', runs: [60], removed: 170, deleted: false, recordKept: true },
  { name: 'never removed, idle for a year (an installed repository on `schedule: off`): kept', runs: [0], deleted: false, recordKept: false },
  { name: 'removed, but listed as installed by the pass: its removal is forgotten', runs: [80], removed: 100, listed: true, deleted: false, recordKept: false },
  { name: 'removed after the pass listed it (it was still installed then): kept for a later pass', runs: [80], removed: NOW, listed: true, deleted: false, recordKept: true },
  { name: 'retention off: nothing deleted', runs: [0], removed: 1, retention: null, deleted: false, recordKept: true },
  { name: 'retention 0: deleted at the first pass after the removal', runs: [190], removed: 195, retention: 0, deleted: true, recordKept: false },
];

describe.each(STORE_BACKENDS)('pruneRemovedHistory ($name)', (backend) => {
  it.each(CASES)('$name', async ({ runs, removed, listed, retention, deleted, recordKept }) => {
    const store = await backend.open();
    const removals = new RepoRemovals(store.sql);
    await history(store, 'acme/list', runs);
    await history(store, 'other/list', [0, 100]);
    if (removed !== undefined) await removals.markRepositoryRemoved('Acme/List', at(removed));
    const rt = { removals, now: () => at(NOW), log, historyRetentionDays: retention === undefined ? 90 : retention };
    const pruned = await pruneRemovedHistory(rt, { installed: new Set(listed ? ['acme/list'] : []), listedAt: at(NOW) });

    expect(pruned.deleted).toEqual(deleted ? ['acme/list'] : []);
    expect(await runsOf(store, 'acme/list')).toBe(deleted ? 0 : runs.length);
    expect(await countRows(store, 'app_repo_runs', `WHERE repo = 'acme/list'`)).toBe(deleted ? 0 : runs.length);
    expect((await removals.list()).map((removal) => removal.repo)).toEqual(recordKept ? ['acme/list'] : []);
    // Another repository's history is never touched.
    expect(await runsOf(store, 'other/list')).toBe(2);
  });

  it('a removal recorded again counts from the latest; one forgotten (given back) is gone', async () => {
    const store = await backend.open();
    const removals = new RepoRemovals(store.sql);
    await removals.markRepositoryRemoved('acme/list', at(1));
    await removals.markRepositoryRemoved('ACME/list', at(5));
    await removals.markRepositoryRemoved('beta/list', at(3));
    expect(await removals.list()).toEqual([{ repo: 'beta/list', removedAt: at(3) }, { repo: 'acme/list', removedAt: at(5) }]);
    await removals.forgetRepositoryRemoval('Beta/List');
    expect(await removals.list()).toEqual([{ repo: 'acme/list', removedAt: at(5) }]);
  });

  it('deleteHistory changes nothing for a repository given back to the app just before', async () => {
    const store = await backend.open();
    const removals = new RepoRemovals(store.sql);
    await history(store, 'acme/list', [0]);
    await removals.markRepositoryRemoved('acme/list', at(1));
    await removals.forgetRepositoryRemoval('acme/list');
    expect(await removals.deleteHistory('acme/list', at(NOW))).toBeUndefined();
    expect(await runsOf(store, 'acme/list')).toBe(1);
    // Removed again, later than the cutoff: still nothing.
    await removals.markRepositoryRemoved('acme/list', at(NOW + 1));
    expect(await removals.deleteHistory('acme/list', at(NOW))).toBeUndefined();
    expect(await runsOf(store, 'acme/list')).toBe(1);
    expect(await removals.list()).toEqual([{ repo: 'acme/list', removedAt: at(NOW + 1) }]);
  });
});
