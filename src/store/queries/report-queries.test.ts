import { beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../history-store.js';
import { STORE_BACKENDS, type StoreBackend } from '../test-fixtures/store-backends.js';
import { DAY, githubRepo, hubRepo, makeRun, T0 } from '../test-fixtures/make-run.js';

const CATALOG = 'github:medical/awesome-list';
const day = (n: number): Date => new Date(T0 + n * DAY);

/**
 * Five nights: a.example fails on nights 2–4 (4 offline), b.example is rate limited on night 4;
 * each night also checks a Hub model and (but on night 2, when GitHub's API was down) a repository.
 */
async function fiveNights(store: HistoryStore): Promise<HistoryStore> {
  const verdicts = [
    [['https://a.example/', 'alive'], ['https://b.example/', 'alive']],
    [['https://a.example/', 'alive'], ['https://b.example/', 'alive'], ['https://c.example/', 'skipped']],
    [['https://a.example/', 'timeout'], ['https://b.example/', 'alive'], ['https://c.example/', 'skipped']],
    [['https://a.example/', 'timeout'], ['https://b.example/', 'redirected'], ['https://c.example/', 'skipped']],
    [['https://a.example/', 'network_error'], ['https://b.example/', 'rate_limited']],
  ] as const;
  for (const [night, results] of verdicts.entries()) {
    await (await store.recordRun(makeRun({
      catalog: CATALOG, at: night * 24, minutes: 7, conclusive: night !== 4, results,
      github: night === 2 ? [] : [githubRepo('Org/Repo', 10 + night, 7)],
      huggingface: [hubRepo('org/model', 3 * night, 'model')],
    })));
  }
  await (await store.recordRun(makeRun({ catalog: 'local:other.md', at: 30, results: [['https://a.example/', 'dead']] })));
  return store;
}

describe.each(STORE_BACKENDS)('queries for reports ($name)', (backend: StoreBackend) => {
  let store: HistoryStore;
  // The schema is opened per test (the fixture closes it after each), so the nights are recorded per test.
  beforeEach(async () => {
    store = await fiveNights(await backend.open());
  });

  it('runsSince: the runs of the window, oldest first, scoped to the catalog', async () => {
    expect((await store.runsSince(CATALOG, day(2))).map((run) => [run.id, run.startedAt, run.finishedAt, run.conclusive, run.urlCount])).toEqual([
      [3, day(2), new Date(T0 + 2 * DAY + 7 * 60_000), true, 4],
      [4, day(3), new Date(T0 + 3 * DAY + 7 * 60_000), true, 5],
      [5, day(4), new Date(T0 + 4 * DAY + 7 * 60_000), false, 4],
    ]);
    expect(await store.runsSince(CATALOG, day(4.001))).toEqual([]);
    expect((await store.latestRuns(CATALOG, 2)).map((run) => run.id)).toEqual([5, 4]);
  });

  it('availabilitySince: counts by verdict per run, every verdict present', async () => {
    const points = await store.availabilitySince(CATALOG, day(3));
    expect(points.map((point) => point.id)).toEqual([4, 5]);
    expect(points[0]?.counts).toEqual({
      alive: 2, redirected: 1, dead: 0, restricted: 0, blocked: 0, rate_limited: 0,
      server_error: 0, timeout: 1, network_error: 0, tls_error: 0, malformed: 0, skipped: 1,
    });
    expect(points[1]?.counts).toMatchObject({ network_error: 1, rate_limited: 1, alive: 2, skipped: 0 });
    expect((await store.availabilitySince(CATALOG, day(0))).map((point) => Object.values(point.counts).reduce((a, b) => a + b))).toEqual([4, 5, 4, 5, 4]);
  });

  it("linkTimeline: a link's verdict per run, optionally since a time", async () => {
    expect((await store.linkTimeline(CATALOG, 'https://a.example/')).map((point) => [point.runId, point.verdict, point.conclusive])).toEqual([
      [1, 'alive', true], [2, 'alive', true], [3, 'timeout', true], [4, 'timeout', true], [5, 'network_error', false],
    ]);
    expect((await store.linkTimeline(CATALOG, 'https://a.example/', { since: day(3) })).map((point) => point.runId)).toEqual([4, 5]);
    expect((await store.linkTimeline('local:other.md', 'https://a.example/')).map((point) => point.verdict)).toEqual(['dead']);
    expect(await store.linkTimeline(CATALOG, 'https://never.example/')).toEqual([]);
  });

  it('repoSeries: stars and likes per repository, oldest first, skipping runs without a snapshot', async () => {
    const series = await store.repoSeries(CATALOG, day(1));
    expect(series.get('github:org/repo')).toEqual({
      metric: 'stars', points: [{ runId: 2, at: day(1), value: 11 }, { runId: 4, at: day(3), value: 13 }, { runId: 5, at: day(4), value: 14 }],
    });
    expect(series.get('huggingface:model/org/model')?.points.map((point) => point.value)).toEqual([3, 6, 9, 12]);
    expect([...(await store.repoSeries(CATALOG, day(0), ['huggingface:model/org/model'])).keys()]).toEqual(['huggingface:model/org/model']);
  });

  it('repoSeries gathers a renamed repository under its current name', async () => {
    const renamed = await backend.open();
    for (const [night, name] of ['a/old', 'a/old', 'b/new'].entries()) await (await renamed.recordRun(makeRun({ at: night * 24, github: [githubRepo(name, night, 9)] })));
    const series = await renamed.repoSeries('local:README.md', day(0));
    expect([...series.keys()]).toEqual(['github:b/new']);
    expect(series.get('github:b/new')?.points.map((point) => point.value)).toEqual([0, 1, 2]);
  });

  it('linkChanges on a catalog with no runs, and with one', async () => {
    const empty = await backend.open();
    expect(await empty.linkChanges(CATALOG)).toEqual({ newlyDead: [], recovered: [] });
    (await empty.recordRun(makeRun({ at: 0, catalog: CATALOG, results: [['https://a.example/', 'dead', 'http_404']] })));
    const once = await empty.linkChanges(CATALOG);
    expect([once.latestRun?.id, once.previousRun, once.newlyDead, once.recovered]).toEqual([1, undefined, [], []]);
  });

  it('linkStates over the same nights: the offline failure neither counts nor breaks the streak', async () => {
    expect((await store.linkStates(CATALOG, ['https://a.example/'])).get('https://a.example/')).toMatchObject({
      consecutiveFailures: 2, firstFailedAt: day(2), lastAliveAt: day(1), lastVerdict: 'network_error', confirmedDead: false,
    });
  });
});
