import { describe, expect, it } from 'vitest';
import { isLinkmedicError } from '../errors.js';
import type { HistoryStore } from './history-store.js';
import { countRows, STORE_BACKENDS } from './test-fixtures/store-backends.js';
import { makeRun, T0 } from './test-fixtures/make-run.js';

const NEW = 'git:github.com/o/r:README.md';
const now = () => new Date(T0 + 1000 * 3_600_000);

/** Runs of `catalog` at these hours after T0, each with one alive link. */
async function runs(store: HistoryStore, catalog: string, hours: number[]): Promise<void> {
  for (const at of hours) await store.recordRun(makeRun({ at, catalog, results: [['https://a.example/', 'alive']] }));
}

const keysWithRuns = async (store: HistoryStore) => (await store.recordedCatalogs()).map(({ catalog, runs: n }) => [catalog, n]).sort();

describe.each(STORE_BACKENDS)('rekeyCatalogs ($name)', (backend) => {
  it.each([
    { name: 'moves a history to a key without runs', old: [0, 24], current: [], outcome: 'moved', after: [[NEW, 2]] },
    { name: 'joins a history the new key plainly continues (runs after the upgrade)', old: [0, 24], current: [48], outcome: 'merged', after: [[NEW, 3]] },
    { name: 'keeps apart two histories over the same time', old: [0, 48], current: [24], outcome: 'kept_apart', after: [['local:README.md', 2], [NEW, 1]] },
  ])('$name', async ({ old, current, outcome, after }) => {
    const store = await backend.open({ now });
    await runs(store, 'local:README.md', old);
    await runs(store, NEW, current);
    await runs(store, 'github:o/r', [12]);

    const results = await store.rekeyCatalogs([{ from: 'local:README.md', to: NEW, evidence: 'a test' }]);

    expect(results).toEqual([{ from: 'local:README.md', to: NEW, evidence: 'a test', outcome, runs: old.length }]);
    expect(await keysWithRuns(store)).toEqual([['github:o/r', 1], ...after].sort());
    const record = await store.sql.get<Record<string, unknown>>('SELECT old_key, new_key, outcome, runs, evidence, rekeyed_at FROM catalog_rekeys');
    expect(record).toEqual({ old_key: 'local:README.md', new_key: NEW, outcome, runs: old.length, evidence: 'a test', rekeyed_at: now().getTime() });
    // Decided once: the old key is no longer offered for re-keying, whatever became of it.
    expect(await store.legacyCatalogs()).toEqual([]);
    // Lossless: every run keeps its results.
    expect(await countRows(store, 'results')).toBe(old.length + current.length + 1);
  });

  it('offers only old-form local: keys, oldest history first', async () => {
    const store = await backend.open({ now });
    await runs(store, 'local:b.md', [10]);
    await runs(store, 'local:a.md,docs/c.md', [20]);
    await runs(store, 'local:/home/me/list.md', [0]);
    await runs(store, 'github:o/r', [0]);
    await runs(store, 'bundled:x.md', [0]);
    await runs(store, 'git:github.com/o/r:a.md', [0]);
    expect(await store.legacyCatalogs()).toEqual([
      { catalog: 'local:b.md', paths: ['b.md'] },
      { catalog: 'local:a.md,docs/c.md', paths: ['a.md', 'docs/c.md'] },
    ]);
  });

  it.each([
    { name: 'a github: key', from: 'github:o/r', to: NEW },
    { name: 'a new local: key', from: 'local:/home/me/README.md', to: NEW },
    { name: 'an old key to another old key', from: 'local:README.md', to: 'local:docs/README.md' },
  ])('refuses to move $name', async ({ from, to }) => {
    const store = await backend.open({ now });
    await runs(store, from, [0]);
    const error = await store.rekeyCatalogs([{ from, to, evidence: 'a test' }]).catch((thrown: unknown) => thrown);
    expect(isLinkmedicError(error) && error.code).toBe('INTERNAL');
    expect(await keysWithRuns(store)).toEqual([[from, 1]]);
  });

  it('is atomic: when one move fails, none happened', async () => {
    const store = await backend.open({ now });
    await runs(store, 'local:a.md', [0]);
    await runs(store, 'local:b.md', [1]);
    // A record already made for local:b.md: the second move's record collides with it, after the first move was written.
    await store.sql.run(`INSERT INTO catalog_rekeys (old_key, new_key, outcome, runs, evidence, rekeyed_at) VALUES ('local:b.md', 'git:x:b.md', 'kept_apart', 1, 'before', 0)`);
    const moves = [
      { from: 'local:a.md', to: 'git:x:a.md', evidence: 'a test' },
      { from: 'local:b.md', to: 'git:x:b.md', evidence: 'a test' },
    ];

    const error = await store.rekeyCatalogs(moves).catch((thrown: unknown) => thrown);

    expect(isLinkmedicError(error) && error.code).toBe('DB_ERROR');
    expect(await keysWithRuns(store)).toEqual([['local:a.md', 1], ['local:b.md', 1]]);
    expect(await countRows(store, 'catalog_rekeys')).toBe(1);
  });
});
