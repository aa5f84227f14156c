import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.js';
import {
  closedPort, createManualClock, createTestLookup, respond, startSimulatedWeb, type SimulatedWeb,
} from '../../tests/support/simulated-web/index.js';
import { checkUrls } from './check-urls.js';
import type { UrlCheck } from './check-url.js';
import { judgeOffline } from './judge-offline.js';

let web: SimulatedWeb;
beforeAll(async () => {
  web = await startSimulatedWeb();
  web.route('*', '/ok', respond.ok());
});
afterAll(() => web.close());

const catalog = (hosts: number) =>
  Array.from({ length: hosts }, (_, i) => [`https://host${i}.example.org/a`, `https://host${i}.example.org/b`]).flat();

describe('the offline rule: no link is reported dead for the checker\'s own failure', () => {
  it.each([
    {
      name: 'every name fails NXDOMAIN, canaries too (a machine without internet)',
      resolve: () => undefined,
      conclusive: false,
      message: /offline: name resolution fails \(also for example\.com, www\.iana\.org\) for 6 of 6 hosts/,
    },
    {
      name: 'every name fails temporarily (EAI_AGAIN)',
      resolve: () => ({ error: 'EAI_AGAIN' }),
      conclusive: false,
      message: /offline: name resolution fails for 6 of 6 hosts/,
    },
    {
      name: 'every catalog name is NXDOMAIN but the canaries resolve: the names are really gone',
      resolve: (name: string) => (name === 'example.com' ? '93.184.215.14' : undefined),
      conclusive: true,
      message: undefined,
    },
  ])('$name', async ({ resolve, conclusive, message }) => {
    const lookup = createTestLookup(resolve);
    const http = createHttpClient({ lookup });
    const run = await checkUrls([...catalog(6), 'mailto:a@example.org'], {}, { http, ...createManualClock({ auto: true }) });
    await http.close();
    expect(run.conclusive).toBe(conclusive);
    if (message) expect(run.inconclusiveReason).toMatch(message);
    else expect(run.inconclusiveReason).toBeUndefined();
    const verdicts = [...run.results.values()].filter((r) => r.url.startsWith('https:')).map((r) => `${r.verdict}/${r.reason}`);
    expect(new Set(verdicts)).toEqual(new Set([conclusive ? 'dead/dns_not_found' : 'skipped/checker_offline']));
    expect(run.results.get('mailto:a@example.org')?.reason).toBe('unsupported_scheme');
    if (!conclusive) expect([...run.results.values()].some((r) => r.verdict === 'dead')).toBe(false);
  });

  it('one dead name among working hosts is dead, without asking the canaries', async () => {
    const http = createHttpClient(web.clientOptions);
    const urls = [...Array.from({ length: 9 }, (_, i) => web.url(`site${i}.example.test`, '/ok')), web.url('nxdomain.example.test', '/x')];
    const run = await checkUrls(urls, { canaryHosts: ['canary.example.test'] }, { http });
    await http.close();
    expect(run.conclusive).toBe(true);
    expect(run.results.get(web.url('nxdomain.example.test', '/x'))?.reason).toBe('dns_not_found');
    expect(web.lookup.calls).not.toContain('canary.example.test');
  });

  it('asks each unreachable host once, whatever its pacing and number of links', async () => {
    const lookup = createTestLookup(() => undefined);
    const http = createHttpClient({ lookup });
    const urls = Array.from({ length: 30 }, (_, i) => `https://github.com/owner/repo${i}`);
    const run = await checkUrls(urls, {}, { http });
    await http.close();
    expect(run.conclusive).toBe(false);
    expect(lookup.calls.filter((name) => name === 'github.com')).toHaveLength(1);
    // github.com is paced at one request a second and two at a time: one answer is enough.
    expect(run.stats.requests).toBeLessThanOrEqual(2);
  });

  it('a proxy that cannot be reached makes the run inconclusive', async () => {
    const port = await closedPort();
    const http = createHttpClient({ env: { HTTPS_PROXY: `http://127.0.0.1:${port}` } });
    const run = await checkUrls(catalog(3), {}, { http, ...createManualClock({ auto: true }) });
    await http.close();
    expect(run.conclusive).toBe(false);
    expect(run.inconclusiveReason).toMatch(/the configured proxy cannot be reached for 3 of 3 hosts/);
    expect([...run.results.values()].every((r) => r.reason === 'checker_offline')).toBe(true);
  });
});

describe('judgeOffline', () => {
  const check = (reason: string, environment?: UrlCheck['environment']): UrlCheck => ({
    result: { url: 'x', verdict: 'network_error', reason, detail: '', redirects: [], elapsedMs: 0 },
    ...(environment ? { environment } : {}),
  });
  const never = createTestLookup(() => undefined);
  it.each([
    { name: 'no route anywhere', checks: [check('network_unreachable', 'unreachable'), check('network_unreachable', 'unreachable')], offline: true, text: /no route/ },
    { name: '9 of 10 hosts unreachable', checks: [...Array(9).fill(check('network_unreachable', 'unreachable')), check('ok')], offline: true, text: /9 of 10 hosts/ },
    { name: '8 of 10 hosts unreachable', checks: [...Array(8).fill(check('network_unreachable', 'unreachable')), check('ok'), check('ok')], offline: false, text: undefined },
    { name: 'nothing failed', checks: [check('ok')], offline: false, text: undefined },
    { name: 'nothing checked', checks: [], offline: false, text: undefined },
  ])('$name', async ({ checks, offline, text }) => {
    const judged = await judgeOffline(checks.map((c, i) => ({ host: `h${i}`, check: c })), 0.9, ['example.com'], never);
    expect(judged.offline).toBe(offline);
    if (text) expect(judged.reason).toMatch(text);
  });

  it('counts hosts, not URLs: one working URL on a host clears that host', async () => {
    const judged = await judgeOffline(
      [{ host: 'a', check: check('dns_error', 'dns') }, { host: 'a', check: check('ok') }, { host: 'b', check: check('dns_error', 'dns') }],
      0.9, [], never,
    );
    expect(judged.offline).toBe(false);
  });
});
