import { beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../check/verdict.js';
import { deadRules } from './dead-rules.js';
import type { HistoryStore } from './history-store.js';
import { STORE_BACKENDS } from './test-fixtures/store-backends.js';
import { HOUR, makeRun, T0, type ResultSpec } from './test-fixtures/make-run.js';

// Six nights through the real store (SQL ordering, bounds, the newest-first tail read), night 3
// with the checker offline. Each row: the verdict per night (a `[verdict, reason]` pair where the
// reason matters) and whether the link is confirmed dead after that night.
const CATALOG = 'github:medical/awesome-list';
const NIGHTS = [0, 24, 48, 72, 96, 120];
const OFFLINE_NIGHT = 3;

type Cell = Verdict | readonly [Verdict, string];
const links: Record<string, { verdicts: Cell[]; dead: boolean[] }> = {
  'https://hard.example/': {
    verdicts: [['dead', 'http_404'], ['dead', 'http_404'], ['dead', 'http_404'], 'alive', 'alive', 'alive'],
    dead: [false, true, true, false, false, false],
  },
  'https://flaky.example/': {
    verdicts: ['timeout', 'timeout', 'timeout', 'timeout', 'alive', 'timeout'],
    dead: [false, false, true, true, false, false],
  },
  'https://slow.example/': {
    verdicts: ['alive', 'server_error', 'server_error', 'network_error', 'server_error', 'server_error'],
    dead: [false, false, false, false, true, true],
  },
  'https://gone.example/': {
    verdicts: ['alive', ['dead', 'dns_not_found'], ['dead', 'dns_not_found'], ['dead', 'dns_not_found'], ['dead', 'dns_not_found'], 'redirected'],
    dead: [false, false, true, true, true, false],
  },
  'https://blip.example/': {
    verdicts: ['alive', 'timeout', 'alive', 'alive', 'alive', 'alive'],
    dead: [false, false, false, false, false, false],
  },
  'https://login.example/': { verdicts: Array(6).fill('restricted'), dead: Array(6).fill(false) },
  'https://wall.example/': {
    verdicts: ['blocked', 'rate_limited', 'blocked', 'blocked', 'rate_limited', 'blocked'],
    dead: Array(6).fill(false),
  },
  'ftp://files.example/': { verdicts: Array(6).fill('skipped'), dead: Array(6).fill(false) },
};

/** What `linkChanges` must say after each night. */
const changes: { newlyDead: string[]; recovered: [url: string, wasConfirmedDead: boolean][] }[] = [
  { newlyDead: [], recovered: [] },
  { newlyDead: ['https://hard.example/'], recovered: [] },
  { newlyDead: ['https://flaky.example/', 'https://gone.example/'], recovered: [['https://blip.example/', false]] },
  { newlyDead: [], recovered: [['https://hard.example/', true]] },
  { newlyDead: ['https://slow.example/'], recovered: [['https://flaky.example/', true]] },
  { newlyDead: [], recovered: [['https://gone.example/', true]] },
];

function night(index: number): ResultSpec[] {
  return Object.entries(links).map(([url, { verdicts }]) => {
    const cell = verdicts[index]!;
    return typeof cell === 'string' ? [url, cell] : [url, cell[0], cell[1]];
  });
}

describe.each(STORE_BACKENDS)('history across six nights ($name)', (backend) => {
  let store: HistoryStore;
  beforeAll(async () => {
    store = await backend.open({ shared: true });
  });
  const urls = Object.keys(links);

  it.each(NIGHTS.map((hours, index) => ({ index, hours })))('after night $index', async ({ index, hours }) => {
    (await store.recordRun(makeRun({ catalog: CATALOG, at: hours, minutes: 5, conclusive: index !== OFFLINE_NIGHT, results: night(index) })));
    const states = await store.linkStates(CATALOG, urls);
    for (const [url, { dead }] of Object.entries(links)) {
      expect({ url, dead: states.get(url)?.confirmedDead }).toEqual({ url, dead: dead[index] });
    }
    const { newlyDead, recovered, latestRun, previousRun } = await store.linkChanges(CATALOG);
    expect(latestRun?.startedAt).toEqual(new Date(T0 + hours * HOUR));
    expect(previousRun?.startedAt).toEqual(index === 0 ? undefined : new Date(T0 + NIGHTS[index - 1]! * HOUR));
    expect(newlyDead.map((state) => state.url).sort()).toEqual(changes[index]!.newlyDead);
    expect(recovered.map((link) => [link.url, link.wasConfirmedDead]).sort()).toEqual(changes[index]!.recovered);
  });

  it('tells each link its streak, first failure and last alive time', async () => {
    const at = (night: number): Date => new Date(T0 + NIGHTS[night]! * HOUR);
    const states = await store.linkStates(CATALOG, urls);
    const summary = Object.fromEntries(
      [...states].map(([url, state]) => [url, [state.consecutiveFailures, state.firstFailedAt, state.lastAliveAt, state.lastVerdict]]),
    );
    expect(summary).toEqual({
      'https://hard.example/': [0, undefined, at(5), 'alive'],
      'https://flaky.example/': [1, at(5), at(4), 'timeout'],
      // The offline night neither counted nor broke the streak: 4 failures since night 1.
      'https://slow.example/': [4, at(1), at(0), 'server_error'],
      'https://gone.example/': [0, undefined, at(5), 'redirected'],
      'https://blip.example/': [0, undefined, at(5), 'alive'],
      'https://login.example/': [0, undefined, undefined, 'restricted'],
      'https://wall.example/': [0, undefined, undefined, 'blocked'],
      'ftp://files.example/': [0, undefined, undefined, 'skipped'],
    });
  });

  it("applies a repository's own deadAfter", async () => {
    const patient = await store.linkStates(CATALOG, ['https://slow.example/'], deadRules({ runs: 5, hours: 96 }));
    expect(patient.get('https://slow.example/')?.confirmedDead).toBe(false);
    const eager = await store.linkStates(CATALOG, ['https://blip.example/'], deadRules({ runs: 1, hours: 0 }));
    expect(eager.get('https://blip.example/')?.confirmedDead).toBe(false);
    const flaky = await store.linkStates(CATALOG, ['https://flaky.example/'], deadRules({ runs: 1, hours: 0 }));
    expect(flaky.get('https://flaky.example/')?.confirmedDead).toBe(true);
  });

  it('reads the same state from a long history as from a short one', async () => {
    // Past the first ten results the store stops reading at the latest alive result.
    const long = await backend.open();
    const verdicts: Verdict[] = [...Array<Verdict>(30).fill('alive'), 'timeout', 'alive', ...Array<Verdict>(12).fill('timeout')];
    for (const [index, verdict] of verdicts.entries()) await (await long.recordRun(makeRun({ at: index * 24, results: [['https://x.example/', verdict]] })));
    const state = (await long.linkStates('local:README.md', ['https://x.example/'])).get('https://x.example/');
    expect(state).toMatchObject({ consecutiveFailures: 12, confirmedDead: true, lastAliveAt: new Date(T0 + 31 * 24 * HOUR), firstFailedAt: new Date(T0 + 32 * 24 * HOUR) });
    expect(state?.recent.map((point) => point.runId)).toEqual([35, 36, 37, 38, 39, 40, 41, 42, 43, 44]);
  });
});
