import { describe, expect, it } from 'vitest';
import type { HistoryStore } from './history-store.js';
import { countRows, STORE_BACKENDS } from './test-fixtures/store-backends.js';
import { DAY, githubRepo, HOUR, hubRepo, makeRun, T0 } from './test-fixtures/make-run.js';

const GONE = 'github:acme/gone';
const KEPT = 'github:acme/kept';
const SHARED = 'https://shared.example/';
const ONLY_GONE = 'https://only-gone.example/';

/** Two runs of GONE (day 0 and day 5), one of KEPT (day 5); they share one URL. */
async function seed(store: HistoryStore): Promise<void> {
  await store.recordRun(makeRun({ at: 0, catalog: GONE, results: [[SHARED, 'alive'], [ONLY_GONE, 'dead']], github: [githubRepo('acme/tool', 3)], huggingface: [hubRepo('org/data', 1)] }));
  await store.recordRun(makeRun({ at: 5 * 24, catalog: GONE, results: [[SHARED, 'alive'], [ONLY_GONE, 'dead']] }));
  await store.recordRun(makeRun({ at: 5 * 24, catalog: KEPT, results: [[SHARED, 'timeout']] }));
}

const at = (days: number) => new Date(T0 + days * DAY);

/** What each table holds, for the catalogs under test. */
async function tables(store: HistoryStore): Promise<Record<string, number>> {
  const of = (catalog: string) => `WHERE run_id IN (SELECT id FROM runs WHERE catalog = '${catalog}')`;
  return {
    goneRuns: await countRows(store, 'runs', `WHERE catalog = '${GONE}'`),
    goneResults: await countRows(store, 'results', of(GONE)),
    goneOccurrences: await countRows(store, 'occurrences', of(GONE)),
    goneSnapshots: (await countRows(store, 'github_snapshots')) + (await countRows(store, 'huggingface_snapshots')),
    keptResults: await countRows(store, 'results', of(KEPT)),
    urls: await countRows(store, 'urls'),
  };
}

describe.each(STORE_BACKENDS)('deleteIdleCatalog ($name)', (backend) => {
  it.each([
    {
      name: 'idle since before its last run: the whole history goes, URLs other catalogs use stay',
      idleSince: at(5).getTime() + HOUR, expected: { runs: 2, urls: 3 },
      after: { goneRuns: 0, goneResults: 0, goneOccurrences: 0, goneSnapshots: 0, keptResults: 1, urls: 1 },
    },
    {
      name: 'a run since: nothing is deleted',
      idleSince: at(5).getTime(), expected: undefined,
      after: { goneRuns: 2, goneResults: 6, goneOccurrences: 6, goneSnapshots: 2, keptResults: 1, urls: 4 },
    },
  ])('$name', async ({ idleSince, expected, after }) => {
    const store = await backend.open();
    await seed(store);
    expect(await store.deleteIdleCatalog(GONE, new Date(idleSince))).toEqual(expected);
    expect(await tables(store)).toEqual(after);
    // The other catalog's history reads as before.
    expect((await store.linkStates(KEPT, [SHARED])).get(SHARED)?.consecutiveFailures).toBe(1);
  });

  it('a catalog with no history: nothing to delete', async () => {
    const store = await backend.open();
    await seed(store);
    expect(await store.deleteIdleCatalog('github:nobody/nothing', at(30))).toEqual({ runs: 0, urls: 0 });
    expect((await tables(store)).goneRuns).toBe(2);
  });
});
