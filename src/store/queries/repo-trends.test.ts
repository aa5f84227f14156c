import { describe, expect, it } from 'vitest';
import type { HistoryStore } from '../history-store.js';
import { STORE_BACKENDS, type StoreBackend } from '../test-fixtures/store-backends.js';
import { DAY, githubRepo, HOUR, hubRepo, makeRun, T0 } from '../test-fixtures/make-run.js';

const CATALOG = 'local:README.md';
const KEY = 'github:org/repo';

/** Records one run per `[day, stars]`, each snapshotting org/repo (id 7) and a Hub dataset with likes = stars / 10. */
async function storeWith(backend: StoreBackend, snapshots: readonly (readonly [day: number, stars: number])[]): Promise<HistoryStore> {
  const store = await backend.open({ now: () => new Date(T0 + 40 * DAY) });
  for (const [day, stars] of snapshots) {
    await (await store.recordRun(makeRun({ at: day * 24, github: [githubRepo('Org/Repo', stars, 7)], huggingface: [hubRepo('org/data', stars / 10)] })));
  }
  return store;
}

const daily = (from: number, to: number): [number, number][] =>
  Array.from({ length: to - from + 1 }, (_, index) => [from + index, 1000 + (from + index) * 10]);

interface Case {
  name: string;
  snapshots: [number, number][];
  /** Days after T0 (fractions allowed) the deltas are computed at. */
  at: number;
  stars: number;
  delta7?: number;
  delta30?: number;
  likes30?: number;
}

const cases: Case[] = [
  { name: '40 days of history', snapshots: daily(0, 40), at: 40, stars: 1400, delta7: 70, delta30: 300, likes30: 30 },
  { name: 'exactly 7 days back: the boundary snapshot counts', snapshots: daily(33, 40), at: 40, stars: 1400, delta7: 70 },
  { name: 'a millisecond short of 7 days: no 7-day delta', snapshots: daily(33, 40), at: 40 - 1 / (24 * HOUR), stars: 1390 },
  { name: 'six days of history: no deltas', snapshots: daily(34, 40), at: 40, stars: 1400 },
  { name: 'exactly 30 days back', snapshots: daily(10, 40), at: 40, stars: 1400, delta7: 70, delta30: 300, likes30: 30 },
  { name: 'a millisecond short of 30 days', snapshots: daily(10, 40), at: 40 - 1 / (24 * HOUR), stars: 1390, delta7: 70 },
  {
    name: 'a gap in snapshots: the latest one at or before the mark',
    snapshots: [[0, 500], [5, 600], [20, 650], [38, 700]], at: 40, stars: 700, delta7: 50, delta30: 100, likes30: 10,
  },
  { name: 'stars can fall', snapshots: [[0, 900], [20, 950], [40, 800]], at: 40, stars: 800, delta7: -150, delta30: -100, likes30: -10 },
  { name: 'as of an earlier time', snapshots: daily(0, 40), at: 20, stars: 1200, delta7: 70, delta30: undefined },
];

describe.each(STORE_BACKENDS)('repoTrends ($name)', (backend) => {
  it.each(cases)('$name', async ({ snapshots, at, stars, delta7, delta30, likes30 }) => {
    const store = await storeWith(backend, snapshots);
    const trends = await store.repoTrends(CATALOG, { at: new Date(T0 + at * DAY) });
    const github = trends.get(KEY);
    expect(github?.host === 'github' && [github.fullName, github.stars, github.starsDelta7d, github.starsDelta30d]).toEqual(['Org/Repo', stars, delta7, delta30]);
    const hub = trends.get('huggingface:dataset/org/data');
    expect(hub?.host === 'huggingface' && [hub.likes, hub.likesDelta30d]).toEqual([stars / 10, likes30]);
  });

  it("defaults to the store's clock and to the repositories of the latest run", async () => {
    const store = await storeWith(backend, daily(0, 40));
    (await store.recordRun(makeRun({ at: 41 * 24, github: [githubRepo('Org/Other', 5, 8)] })));
    // The clock says day 40, so the day-41 run is in the future and the day-40 run is the latest.
    expect([...(await store.repoTrends(CATALOG)).keys()].sort()).toEqual(['github:org/repo', 'huggingface:dataset/org/data']);
    expect([...(await store.repoTrends(CATALOG, { at: new Date(T0 + 41 * DAY) })).keys()]).toEqual(['github:org/other']);
    expect([...(await store.repoTrends(CATALOG, { at: new Date(T0 + 41 * DAY), keys: [KEY, 'github:never/seen'] })).keys()]).toEqual([KEY]);
  });

  it('follows a renamed repository through its database id', async () => {
    const store = await backend.open();
    for (let day = 0; day <= 40; day++) {
      (await store.recordRun(makeRun({ at: day * 24, github: [githubRepo(day < 25 ? 'old/name' : 'new/name', 100 + day, 42)] })));
    }
    const trend = (await store.repoTrends(CATALOG, { at: new Date(T0 + 40 * DAY) })).get('github:new/name');
    expect(trend).toMatchObject({ fullName: 'new/name', stars: 140, starsDelta7d: 7, starsDelta30d: 30 });
  });

  it('keeps catalogs apart', async () => {
    const store = await storeWith(backend, daily(0, 40));
    (await store.recordRun(makeRun({ at: 40 * 24, catalog: 'github:other/list', github: [githubRepo('Org/Repo', 1, 7)] })));
    const other = (await store.repoTrends('github:other/list', { at: new Date(T0 + 40 * DAY) })).get(KEY);
    expect(other).toMatchObject({ stars: 1, starsDelta7d: undefined });
  });
});
