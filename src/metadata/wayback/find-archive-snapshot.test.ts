import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWayback, type RunningFakeWayback } from '../../../tests/support/fake-wayback/fake-wayback.js';
import { USER_AGENT } from '../../http/user-agent.js';
import { findArchiveSnapshot } from './find-archive-snapshot.js';

let wayback: RunningFakeWayback;
beforeAll(async () => {
  wayback = await startFakeWayback();
  wayback.set('https://example.org/paper.pdf', { kind: 'found', captures: [{ timestamp: '20190101000000' }, { timestamp: '20230505120000' }] });
  wayback.set('http://www.Example.org/data', { kind: 'found', captures: [{ timestamp: '20200202020202' }] });
  wayback.set('https://example.org/soft-404', { kind: 'found', captures: [{ timestamp: '20210101000000', status: '404' }] });
  wayback.set('https://example.org/dir', { kind: 'found', captures: [{ timestamp: '20220101000000' }] });
  wayback.set('https://example.org/flaky', { kind: 'empty' });
  wayback.set('https://example.org/slow', { kind: 'slow', ms: 1000, captures: [{ timestamp: '20220101000000' }] });
  wayback.set('https://example.org/down', { kind: 'unavailable' });
});
afterAll(() => wayback.close());

describe('findArchiveSnapshot', () => {
  it.each([
    ['the latest capture', 'https://example.org/paper.pdf', 'https://web.archive.org/web/20230505120000/https://example.org/paper.pdf'],
    ['whatever scheme and www the capture has', 'https://example.org/data', 'https://web.archive.org/web/20200202020202/https://example.org/data'],
    ['the form without a trailing slash when the other misses', 'https://example.org/dir/', 'https://web.archive.org/web/20220101000000/https://example.org/dir'],
    ['nothing for a capture of an error page', 'https://example.org/soft-404', undefined],
    ['nothing for an empty answer', 'https://example.org/flaky', undefined],
    ['nothing for a URL never captured', 'https://example.org/never', undefined],
    ['nothing when the API is down (503)', 'https://example.org/down', undefined],
  ])('%s', async (_case, url, expected) => {
    const suggestion = await findArchiveSnapshot(url, { baseUrl: wayback.url });
    expect(suggestion).toEqual(expected === undefined ? undefined : { url: expected, kind: 'archive' });
  });

  it('asks for the capture closest to a time', async () => {
    const suggestion = await findArchiveSnapshot('https://example.org/paper.pdf', {
      env: { WAYBACK_API_URL: wayback.url },
      timestamp: new Date('2019-06-01T00:00:00Z'),
    });
    expect(suggestion?.url).toBe('https://web.archive.org/web/20190101000000/https://example.org/paper.pdf');
  });

  it('gives up quietly on a slow API', async () => {
    const started = Date.now();
    await expect(findArchiveSnapshot('https://example.org/slow', { baseUrl: wayback.url, timeoutMs: 100 })).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(900);
  });

  it.each([
    ['an unreachable host', 'http://127.0.0.1:9'],
    ['a page that is not the API', 'data:text/plain,hello'],
  ])('never throws: %s', async (_case, baseUrl) => {
    await expect(findArchiveSnapshot('https://example.org/paper.pdf', { baseUrl })).resolves.toBeUndefined();
  });

  it('names linkmedic and its contact in the User-Agent', async () => {
    const agents: (string | null)[] = [];
    const fetch = (async (_input: unknown, init?: RequestInit) => {
      agents.push(new Headers(init?.headers).get('user-agent'));
      return Response.json({ archived_snapshots: {} });
    }) as typeof globalThis.fetch;
    await findArchiveSnapshot('https://example.org/x', { fetch });
    expect(agents).toEqual([USER_AGENT]);
  });

  it('asks once when the first form is found, twice when it misses with a trailing slash', async () => {
    const before = wayback.log.length;
    await findArchiveSnapshot('https://example.org/paper.pdf', { baseUrl: wayback.url });
    await findArchiveSnapshot('https://example.org/gone/', { baseUrl: wayback.url });
    expect(wayback.log.slice(before)).toEqual(['https://example.org/paper.pdf', 'https://example.org/gone/', 'https://example.org/gone']);
  });
});
