import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.js';
import type { HttpClient } from '../http/http-client.js';
import { createManualClock, respond, startSimulatedWeb, type SimulatedWeb } from '../../tests/support/simulated-web/index.js';
import type { CheckProgress } from './check-run.js';
import type { CheckOptions } from './check-options.js';
import { checkUrls } from './check-urls.js';

let web: SimulatedWeb;
let http: HttpClient;

beforeEach(async () => {
  web = await startSimulatedWeb();
  http = createHttpClient(web.clientOptions);
});

afterEach(async () => {
  await http.close();
  await web.close();
});

const paths = (host: string, n: number, prefix = '/p') => Array.from({ length: n }, (_, i) => web.url(host, `${prefix}${i}`));

describe('per-host and global caps (measured on the server side)', () => {
  it.each<{ name: string; options: CheckOptions; host: string; cap: number }>([
    { name: 'default per-host cap', options: {}, host: 'many.example.test', cap: 8 },
    { name: 'per-host override', options: { hosts: { 'many.example.test': { concurrency: 3 } } }, host: 'many.example.test', cap: 3 },
    { name: 'override by parent domain', options: { hosts: { 'example.test': { concurrency: 2 } } }, host: 'sub.example.test', cap: 2 },
    { name: 'global perHostConcurrency', options: { perHostConcurrency: 5 }, host: 'many.example.test', cap: 5 },
  ])('$name: never more than $cap in flight, and the cap is reached', async ({ options, host, cap }) => {
    for (let i = 0; i < 30; i++) web.route(host, `/p${i}`, respond.latency(40));
    const run = await checkUrls(paths(host, 30), options, { http });
    expect(web.maxInFlightByHost.get(host)).toBe(cap);
    expect(run.stats.maxInFlightByHost[host]).toBe(cap);
    expect([...run.results.values()].every((r) => r.verdict === 'alive')).toBe(true);
  });

  it('the global cap bounds all hosts together', async () => {
    const urls = ['a', 'b', 'c', 'd'].flatMap((h) => {
      for (let i = 0; i < 5; i++) web.route(`${h}.example.test`, `/p${i}`, respond.latency(40));
      return paths(`${h}.example.test`, 5);
    });
    await checkUrls(urls, { concurrency: 3 }, { http });
    expect(web.maxInFlight()).toBe(3);
  });

  it('paces request starts to one host by intervalMs', async () => {
    for (let i = 0; i < 4; i++) web.route('paced.example.test', `/p${i}`, respond.ok());
    const started: number[] = [];
    web.route('paced.example.test', '/p0', (req, res) => (started.push(Date.now()), respond.ok()(req, res, { hit: 1 })));
    for (let i = 1; i < 4; i++) {
      web.route('paced.example.test', `/p${i}`, (req, res) => (started.push(Date.now()), respond.ok()(req, res, { hit: 1 })));
    }
    await checkUrls(paths('paced.example.test', 4), { hosts: { 'paced.example.test': { intervalMs: 150 } } }, { http });
    started.sort((a, b) => a - b);
    const gaps = started.slice(1).map((t, i) => t - started[i]!);
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(140);
  });
});

describe('keep-alive', () => {
  it.each([
    { name: 'HEAD answers', handler: () => respond.ok() },
    { name: 'GET after a refused HEAD', handler: () => respond.byMethod({ HEAD: respond.status(405), GET: respond.ok() }) },
  ])('reuses connections for $name: at most one per request slot, not one per URL', async ({ handler }) => {
    for (let i = 0; i < 40; i++) web.route('reuse.example.test', `/p${i}`, handler());
    const run = await checkUrls(paths('reuse.example.test', 40), { perHostConcurrency: 4 }, { http });
    expect([...run.results.values()].every((r) => r.verdict === 'alive')).toBe(true);
    expect(web.count('reuse.example.test')).toBeGreaterThanOrEqual(40);
    expect(web.connectionsFor('reuse.example.test')).toBeLessThanOrEqual(4);
  });
});

describe('one request per distinct URL', () => {
  it('checks duplicates and fragment variants once, and reports each input URL', async () => {
    web.route('dup.example.test', '/page', respond.ok());
    const base = web.url('dup.example.test', '/page');
    const inputs = [base, base, `${base}#intro`, `${base}#usage`, base];
    const run = await checkUrls(inputs, {}, { http });
    expect(web.count('dup.example.test')).toBe(1);
    expect([...run.results.keys()]).toEqual([base, `${base}#intro`, `${base}#usage`]);
    expect([...run.results.values()].map((r) => r.verdict)).toEqual(['alive', 'alive', 'alive']);
    expect(run.stats).toMatchObject({ urls: 3, requests: 1 });
  });

  it('keeps each variant\'s own fragment in a permanent-redirect suggestion', async () => {
    web.route('dup.example.test', '/old', respond.redirect(301, '/new'));
    web.route('dup.example.test', '/new', respond.ok());
    const old = web.url('dup.example.test', '/old');
    const run = await checkUrls([`${old}#a`, `${old}#b`, old], {}, { http });
    expect([...run.results.values()].map((r) => r.suggestion?.url)).toEqual([
      web.url('dup.example.test', '/new#a'),
      web.url('dup.example.test', '/new#b'),
      web.url('dup.example.test', '/new'),
    ]);
    expect(web.count('dup.example.test')).toBe(2);
  });
});

describe('GET reads only what the check needs', () => {
  it.each([
    { name: 'a 50 GB file behind a HEAD-refusing server', status: 200, type: 'application/octet-stream', verdict: 'alive' },
    { name: 'an endless 403 page (body read for bot-wall markers)', status: 403, type: 'text/html', verdict: 'restricted' },
  ])('$name', async ({ status, type, verdict }) => {
    const sent = { bytes: 0 };
    const endless = respond.endless(sent, type);
    web.route('files.example.test', '/data.tar', respond.byMethod({
      HEAD: respond.status(405),
      GET: (req, res, ctx) => (status === 200 ? endless(req, res, ctx) : (res.statusCode = status, endlessBody(req, res, sent))),
    }));
    const run = await checkUrls([web.url('files.example.test', '/data.tar')], {}, { http });
    expect(run.results.get(web.url('files.example.test', '/data.tar'))).toMatchObject({ verdict, method: 'GET' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The server stops when the client goes away: what was written is socket buffers, not the file.
    expect(sent.bytes).toBeLessThan(8 * 1024 * 1024);
  });
});

function endlessBody(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, sent: { bytes: number }) {
  res.setHeader('content-type', 'text/html');
  res.write('<html><head><title>Forbidden</title></head><body>');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!res.destroyed && res.write(chunk)) sent.bytes += chunk.length;
  };
  res.on('drain', pump);
  pump();
}

describe('429: waits per host, and only that host', () => {
  it('holds the rate-limited host for Retry-After while other hosts finish', async () => {
    const clock = createManualClock();
    web.route('limited.example.test', '/a', respond.tooManyRequests('30'));
    const others = paths('free.example.test', 10);
    for (let i = 0; i < 10; i++) web.route('free.example.test', `/p${i}`, respond.ok());
    const running = checkUrls([web.url('limited.example.test', '/a'), ...others], {}, { http, ...clock });

    await clock.waitForSleeps(1);
    await vitestWaitFor(() => web.count('free.example.test') === 10);
    expect(clock.sleeps).toEqual([30_000]);
    expect(web.count('limited.example.test')).toBe(1);

    await clock.advance(30_000);
    const run = await running;
    expect(run.results.get(web.url('limited.example.test', '/a'))).toMatchObject({ verdict: 'alive', attempts: 2, method: 'GET' });
    expect(web.requests.filter((r) => r.host === 'limited.example.test').map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it.each([
    { name: 'delay-seconds', header: (now: number) => '45', wait: 45_000 },
    { name: 'HTTP date', header: (now: number) => new Date(now + 20_000).toUTCString(), wait: 20_000 },
    { name: 'date in the past', header: (now: number) => new Date(now - 5_000).toUTCString(), wait: undefined },
    { name: 'no header: exponential backoff with jitter', header: () => undefined, wait: 1_500 },
  ])('honours Retry-After as $name', async ({ header, wait }) => {
    const clock = createManualClock({ auto: true });
    web.route('limited.example.test', '/a', respond.tooManyRequests(header(clock.now())));
    const run = await checkUrls([web.url('limited.example.test', '/a')], { backoffMs: 1_000 }, { http, ...clock, random: () => 0.5 });
    expect(clock.sleeps).toEqual(wait === undefined ? [] : [wait]);
    expect(run.results.get(web.url('limited.example.test', '/a'))?.verdict).toBe('alive');
    expect(web.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('defers a host that asks for more than the cap, without asking it again', async () => {
    const clock = createManualClock({ auto: true });
    web.route('slow-down.example.test', '/p0', respond.tooManyRequests('3600'));
    const urls = paths('slow-down.example.test', 3);
    const run = await checkUrls(urls, { hosts: { 'slow-down.example.test': { concurrency: 1 } } }, { http, ...clock });
    expect(web.count('slow-down.example.test')).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect([...run.results.values()].map((r) => r.reason)).toEqual(['rate_limit_deferred', 'rate_limit_deferred', 'rate_limit_deferred']);
    expect(run.stats.deferred).toBe(3);
    expect(run.results.get(urls[0]!)?.detail).toMatch(/3600 s, over the 60 s cap/);
  });

  it('retries a deferred URL at the end of the run once the remaining wait fits the cap', async () => {
    const clock = createManualClock({ auto: true });
    web.route('deferred.example.test', '/a', respond.tooManyRequests('70'));
    // Another host makes the run last 30 s (virtual), so 40 s of the 70 s wait remain at the end.
    web.route('busy.example.test', '/a', respond.tooManyRequests('30'));
    const run = await checkUrls([web.url('deferred.example.test', '/a'), web.url('busy.example.test', '/a')], {}, { http, ...clock });
    expect(run.results.get(web.url('deferred.example.test', '/a'))).toMatchObject({ verdict: 'alive', reason: 'ok' });
    expect(clock.sleeps).toEqual([30_000, 40_000]);
    expect(run.stats.deferred).toBe(1);
  });

  it('asks once at the end of the run for the fragment variants of a deferred URL', async () => {
    const clock = createManualClock({ auto: true });
    web.route('deferred.example.test', '/a', respond.tooManyRequests('70'));
    web.route('busy.example.test', '/a', respond.tooManyRequests('30'));
    const variants = [`${web.url('deferred.example.test', '/a')}#x`, `${web.url('deferred.example.test', '/a')}#y`];
    const run = await checkUrls([...variants, web.url('busy.example.test', '/a')], {}, { http, ...clock });
    expect(variants.map((url) => run.results.get(url)?.verdict)).toEqual(['alive', 'alive']);
    expect(web.count('deferred.example.test')).toBe(2); // the 429, then one request for both variants
  });

  it('a 503 with Retry-After waits like a 429', async () => {
    const clock = createManualClock({ auto: true });
    web.route('maintenance.example.test', '/a', respond.sequence(respond.status(503, { headers: { 'retry-after': '10' } }), respond.ok()));
    const run = await checkUrls([web.url('maintenance.example.test', '/a')], {}, { http, ...clock });
    expect(clock.sleeps).toEqual([10_000]);
    expect(run.results.get(web.url('maintenance.example.test', '/a'))?.verdict).toBe('alive');
  });
});

describe('retries with backoff and jitter', () => {
  it.each([
    { name: '5xx then 200', handler: () => respond.sequence(respond.status(503), respond.status(502), respond.ok()), verdict: 'alive', sleeps: [1_500, 2_500], requests: 3 },
    { name: 'reset then 200', handler: () => respond.sequence(respond.reset(), respond.ok()), verdict: 'alive', sleeps: [1_500], requests: 2 },
    { name: '5xx forever', handler: () => respond.status(500), verdict: 'server_error', sleeps: [1_500, 2_500], requests: 3 },
  ])('$name', async ({ handler, verdict, sleeps, requests }) => {
    const clock = createManualClock({ auto: true });
    web.route('flaky.example.test', '/a', handler());
    const run = await checkUrls([web.url('flaky.example.test', '/a')], { hosts: { 'flaky.example.test': { headFirst: false } } }, { http, ...clock, random: () => 0.5 });
    expect(run.results.get(web.url('flaky.example.test', '/a'))?.verdict).toBe(verdict);
    expect(clock.sleeps).toEqual(sleeps);
    expect(web.count('flaky.example.test')).toBe(requests);
  });

  it('does not retry a name that does not exist', async () => {
    const clock = createManualClock({ auto: true });
    const run = await checkUrls([web.url('nxdomain.example.test', '/a'), web.url('alive.example.test', '/')], { canaryHosts: [] }, { http, ...clock });
    expect(run.results.get(web.url('nxdomain.example.test', '/a'))).toMatchObject({ reason: 'dns_not_found', attempts: 1 });
    expect(web.lookup.calls.filter((name) => name === 'nxdomain.example.test')).toHaveLength(1);
  });
});

describe('progress', () => {
  it('reports done/total and in-flight counts within the caps', async () => {
    for (let i = 0; i < 12; i++) web.route('progress.example.test', `/p${i}`, respond.latency(20));
    const seen: CheckProgress[] = [];
    await checkUrls([...paths('progress.example.test', 12), 'mailto:x@example.org'], { perHostConcurrency: 4, onProgress: (p) => seen.push(p) }, { http });
    expect(seen.at(-1)).toEqual({ done: 13, total: 13, inFlightByHost: {} });
    expect(seen.every((p) => p.total === 13 && (p.inFlightByHost['progress.example.test'] ?? 0) <= 4)).toBe(true);
    expect(seen.some((p) => p.inFlightByHost['progress.example.test'] === 4)).toBe(true);
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });
});

async function vitestWaitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; !condition(); i++) {
    if (i > 2_000) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
