import { beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/check/verdict.js';
import { isLinkmedicError } from '../../src/errors.js';
import { buildHistoryReport } from '../../src/report/build-history-report.js';
import { catalogSections } from '../../src/report/history/catalog-sections.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import type { HistoryReport } from '../../src/report/history-report.js';
import type { OccurrencePlace } from '../../src/store/recorded-run.js';
import { DAY, githubRepo, hubRepo, makeRun, T0, type ResultSpec } from '../../src/store/test-fixtures/make-run.js';
import { STORE_BACKENDS, type StoreBackend } from '../../src/store/test-fixtures/store-backends.js';

const CATALOG = 'local:README.md';
const day = (n: number) => new Date(T0 + n * DAY);
const A = 'https://a.example/';
const B = 'https://b.example/';
const C = 'https://c.example/';
const D = 'https://d.example/';
const E = 'https://e.example/';

/** Twelve nights (days 0–11); night 8 linkmedic is offline; the report's window starts on day 3. */
const OFFLINE = 8;
function verdicts(night: number): ResultSpec[] {
  if (night === OFFLINE) return [A, B, C, D, E].map((url) => [url, 'skipped', 'checker_offline'] as const);
  const a: ResultSpec = night < 6 ? [A, 'alive'] : [A, 'dead', 'http_404'];
  const b: ResultSpec = night < 3 ? [B, 'server_error'] : [B, 'alive'];
  return [a, b, [C, 'restricted'], [D, 'alive'], [E, 'timeout']];
}

async function twelveNights(backend: StoreBackend): Promise<HistoryStore> {
  const store = await backend.open({ shared: true });
  for (let night = 0; night < 12; night++) {
    const offline = night === OFFLINE;
    await store.recordRun(
      makeRun({
        at: night * 24,
        conclusive: !offline,
        results: verdicts(night),
        github: offline ? [] : [githubRepo('Org/Repo', 100 + 10 * night, 7)],
        huggingface: offline ? [] : [hubRepo('org/data', 10 + night)],
      }),
    );
  }
  return store;
}

describe.each(STORE_BACKENDS)('buildHistoryReport over twelve nights ($name)', (backend) => {
  let store: HistoryStore;
  let report: HistoryReport;
  beforeAll(async () => {
    store = await twelveNights(backend);
    report = await buildHistoryReport(store, { catalog: CATALOG, since: day(3), now: day(11.5) });
  });

  it('has one availability point per run in the window, the offline one marked inconclusive', () => {
    expect(report.availability.map((point) => [point.startedAt, point.conclusive])).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => [day(n).toISOString(), n !== OFFLINE]),
    );
    expect(report.runCount).toBe(9);
    expect(report.availability[0]!.counts).toMatchObject({ alive: 5, restricted: 1, timeout: 1, dead: 0 });
    expect(report.availability.at(-1)!.counts).toMatchObject({ alive: 4, dead: 1, restricted: 1, timeout: 1 });
    expect(report.summary).toMatchObject({ total: 7, alive: 4, dead: 1, restricted: 1, timeout: 1 });
    expect(report.latestRun).toMatchObject({ startedAt: day(11).toISOString(), conclusive: true, urlCount: 7 });
  });

  it('lists the problems of the latest run, most urgent first, with their history and window timeline', () => {
    expect(report.links.map((link) => [link.url, link.verdict])).toEqual([[A, 'dead'], [E, 'timeout'], [C, 'restricted']]);
    const [a] = report.links;
    expect(a!.history).toEqual({ consecutiveFailures: 5, firstFailedAt: day(6).toISOString(), lastAliveAt: day(5).toISOString(), confirmedDead: true });
    expect(a!.timeline.map((point) => point.verdict)).toEqual(['alive', 'alive', 'alive', 'dead', 'dead', 'skipped', 'dead', 'dead', 'dead']);
    expect(a!.timeline.filter((point) => point.inconclusive).map((point) => point.startedAt)).toEqual([day(OFFLINE).toISOString()]);
    expect(a!.places).toEqual([{ file: 'README.md', line: 10, entry: 'a.example', section: 'Datasets' }]);
  });

  it.each<{ name: string; list: 'newlyDead' | 'recovered'; url: string; at: number; failedRuns: number; wasConfirmedDead?: boolean; verdict: Verdict }>([
    { name: 'a 404 twice over 24 h is newly dead on its second night', list: 'newlyDead', url: A, at: 7, failedRuns: 2, verdict: 'dead' },
    { name: 'a server confirmed dead before the window that answers in it has recovered', list: 'recovered', url: B, at: 3, failedRuns: 3, wasConfirmedDead: true, verdict: 'alive' },
  ])('$name', ({ list, url, at, failedRuns, wasConfirmedDead, verdict }) => {
    const change = report[list].find((candidate) => candidate.url === url);
    expect(change).toMatchObject({ at: day(at).toISOString(), failedRuns, verdict, entry: new URL(url).hostname, section: 'Datasets' });
    expect(change?.wasConfirmedDead).toBe(wasConfirmedDead);
  });

  it('does not call a link newly dead when it was confirmed dead before the window', () => {
    expect(report.newlyDead.map((change) => change.url)).toEqual([A]);
    expect(report.recovered.map((change) => change.url)).toEqual([B]);
  });

  it('gives stars and likes with their changes as of the latest run, and one series point per snapshot in the window', () => {
    expect(report.sections.map((section) => section.section)).toEqual(['Datasets']);
    const [stars, likes] = report.sections[0]!.repos;
    expect(stars).toMatchObject({ key: 'github:org/repo', host: 'github', name: 'Org/Repo', metric: 'stars', value: 210, delta7d: 70 });
    expect(stars!.delta30d).toBeUndefined(); // history does not reach 30 days back
    expect(likes).toMatchObject({ key: 'huggingface:dataset/org/data', host: 'huggingface', metric: 'likes', value: 21, delta7d: 7 });
    for (const repo of [stars!, likes!]) {
      expect(repo.series.map((point) => point.at)).toEqual([3, 4, 5, 6, 7, 9, 10, 11].map((n) => day(n).toISOString()));
    }
  });

  it('refuses a catalog the database has no run of, with a stable code', async () => {
    const error = await buildHistoryReport(store, { catalog: 'local:other.md', since: day(0), now: day(12) }).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toMatch(/has no runs of local:other\.md/);
    expect(isLinkmedicError(error) && [error.code, error.exitCode]).toEqual(['INPUT_NOT_FOUND', 2]);
  });
});

describe('catalogSections', () => {
  const place = (...section: string[]): OccurrencePlace => ({ file: 'README.md', line: 1, column: 1, section });
  it.each([
    { name: 'drops the title every link sits under', places: [place('Awesome X', 'Datasets'), place('Awesome X', 'Models', 'Small')], names: ['Datasets', 'Models > Small'] },
    { name: 'keeps a lone level when there is nothing below it', places: [place('Datasets'), place('Datasets')], names: ['Datasets', 'Datasets'] },
    { name: 'keeps everything when the first headings differ', places: [place('A', 'x'), place('B', 'y')], names: ['A > x', 'B > y'] },
    { name: 'names links above any heading ""', places: [place(), place('A', 'x')], names: ['', 'A > x'] },
  ])('$name', ({ places, names }) => {
    const nameOf = catalogSections(places);
    expect(places.map(nameOf)).toEqual(names);
  });
});
