import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/create-http-client.js';
import type { HttpClient } from '../../src/http/http-client.js';
import { ARCHIVE_ANSWER_TTL_MS } from '../../src/pipeline/archive-memory.js';
import { checkCatalog } from '../../src/pipeline.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { STORE_BACKENDS } from '../../src/store/test-fixtures/store-backends.js';
import { startFakeWayback, type FakeWaybackState, type RunningFakeWayback } from '../support/fake-wayback/fake-wayback.js';
import { respond, startSimulatedWeb, type SimulatedWeb } from '../support/simulated-web/index.js';

const DAY = 86_400_000;
let web: SimulatedWeb;
let wayback: RunningFakeWayback;
let http: HttpClient;

beforeAll(async () => {
  [web, wayback] = await Promise.all([startSimulatedWeb(), startFakeWayback()]);
  for (const path of ['/captured', '/never-captured', '/flaky-archive']) web.route('gone.example.test', path, respond.status(404));
  http = createHttpClient(web.clientOptions);
});

afterAll(async () => {
  await http.close();
  await Promise.all([web.close(), wayback.close()]);
});

// The simulated web's port is known once it has started, hence functions.
const gone = (path: string) => (): string => web.url('gone.example.test', path);
const captured = gone('/captured');
const neverCaptured = gone('/never-captured');
const flaky = gone('/flaky-archive');

/** One night: the catalog's three dead links, checked at `at`; what Wayback was asked, and the suggestions. */
async function night(store: HistoryStore, at: Date) {
  const before = [...wayback.log];
  const text = [captured, neverCaptured, flaky].map((url, index) => `- [paper ${index}](${url()})`).join('\n');
  const { report } = await checkCatalog([{ file: 'README.md', text }], { catalog: 'local:README.md', check: { retries: 0, backoffMs: 0 } }, {
    http, store, now: () => at, env: { WAYBACK_API_URL: wayback.url },
  });
  const asked = wayback.log.slice(before.length).map((url) => new URL(url).pathname).sort();
  const suggestions = Object.fromEntries(report.links.map((link) => [new URL(link.url).pathname, link.suggestion?.url ?? null]));
  return { asked, suggestions, stats: [report.stats.waybackRequests, report.stats.waybackRemembered] };
}

describe.each(STORE_BACKENDS)('Wayback answers are remembered for 30 days ($name)', (backend) => {
  it('asks once per dead link, reuses captures and "none" answers, asks again after a failure or 30 days', async () => {
    const store = await backend.open();
    const set = (url: () => string, state: FakeWaybackState) => wayback.set(url(), state);
    set(captured, { kind: 'found', captures: [{ timestamp: '20250101000000' }] });
    set(neverCaptured, { kind: 'empty' });
    set(flaky, { kind: 'unavailable' });
    const t0 = new Date('2026-11-01T03:00:00Z');
    const snapshot = expect.stringMatching(/^https:\/\/web\.archive\.org\/web\/20250101000000\/.*\/captured$/);

    const first = await night(store, t0);
    expect(first.asked).toEqual(['/captured', '/flaky-archive', '/never-captured']);
    expect(first.suggestions).toEqual({ '/captured': snapshot, '/never-captured': null, '/flaky-archive': null });
    expect(first.stats).toEqual([3, 0]);

    // The archive is up again: only the link whose lookup failed is asked.
    set(flaky, { kind: 'found', captures: [{ timestamp: '20240101000000' }] });
    const second = await night(store, new Date(t0.getTime() + DAY));
    expect(second.asked).toEqual(['/flaky-archive']);
    expect(second.suggestions).toEqual({ '/captured': snapshot, '/never-captured': null, '/flaky-archive': expect.stringContaining('/web/20240101000000/') });
    expect(second.stats).toEqual([1, 2]);

    const third = await night(store, new Date(t0.getTime() + 2 * DAY));
    expect(third.asked).toEqual([]);
    expect(third.stats).toEqual([0, 3]);

    // Thirty days after the first answers they are asked again; the one from day 1 is still fresh.
    set(neverCaptured, { kind: 'found', captures: [{ timestamp: '20261201000000' }] });
    const later = await night(store, new Date(t0.getTime() + ARCHIVE_ANSWER_TTL_MS + 1));
    expect(later.asked).toEqual(['/captured', '/never-captured']);
    expect(later.suggestions['/never-captured']).toEqual(expect.stringContaining('/web/20261201000000/'));
    expect(later.stats).toEqual([2, 1]);
  });
});
