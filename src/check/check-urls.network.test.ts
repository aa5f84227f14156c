import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.js';
import {
  createTestLookup, respond, startSimulatedWeb, startTestProxy, type SimulatedWeb, type TestProxy,
} from '../../tests/support/simulated-web/index.js';
import type { CheckOptions } from './check-options.js';
import { checkUrls } from './check-urls.js';
import { resolveLocalLink } from './resolve-local-link.js';

let web: SimulatedWeb;
let proxy: TestProxy;
const proxyLookup = createTestLookup((name) => (name === 'nxdomain.example.test' ? undefined : '127.0.0.1'));

beforeAll(async () => {
  web = await startSimulatedWeb();
  proxy = await startTestProxy(proxyLookup);
  web.route('*', '/ok', respond.ok());
  web.route('*', '/slow', respond.slowHead(1_500));
  web.route('*', '/slow-head-only', respond.byMethod({ HEAD: respond.slowHead(1_500), GET: respond.ok() }));
});
afterAll(async () => {
  await proxy.close();
  await web.close();
});

describe('timeouts', () => {
  it.each<{ name: string; path: string; timeoutMs: CheckOptions['timeoutMs']; reasons: string[]; attempts: number }>([
    { name: '--timeout 300 bounds each request', path: '/slow', timeoutMs: 300, reasons: ['headers_timeout', 'total_timeout'], attempts: 1 },
    { name: 'response-head budget', path: '/slow', timeoutMs: { headers: 200, total: 5_000 }, reasons: ['headers_timeout'], attempts: 1 },
    { name: 'total budget', path: '/slow', timeoutMs: { headers: 5_000, total: 200 }, reasons: ['total_timeout'], attempts: 1 },
    { name: 'a HEAD timeout is final: GET would wait as long again', path: '/slow-head-only', timeoutMs: { headers: 200 }, reasons: ['headers_timeout'], attempts: 1 },
  ])('$name', async ({ path, timeoutMs, reasons, attempts }) => {
    const http = createHttpClient(web.clientOptions);
    const url = web.url('timeouts.example.test', path);
    const run = await checkUrls([url], { timeoutMs }, { http });
    await http.close();
    const result = run.results.get(url)!;
    expect(result.verdict).toBe('timeout');
    expect(reasons).toContain(result.reason);
    expect(result.attempts).toBe(attempts);
  });
});

describe('certificates', () => {
  it('a CA the client does not trust is tls_untrusted, never retried', async () => {
    const http = createHttpClient({ lookup: web.lookup, allowPrivateNetworks: true });
    const url = web.url('untrusted.example.test', '/ok', 'https');
    const run = await checkUrls([url], {}, { http });
    await http.close();
    expect(run.results.get(url)).toMatchObject({ verdict: 'tls_error', reason: 'tls_untrusted', attempts: 1 });
  });
});

describe('the private-address guard (guard on, as in production)', () => {
  it.each([
    ['a literal loopback IP', (w: SimulatedWeb) => `http://127.0.0.1:${w.httpPort}/ok`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['an RFC 1918 address', () => 'http://10.1.2.3/'],
    ['IPv6 loopback', (w: SimulatedWeb) => `http://[::1]:${w.httpPort}/ok`],
    ['IPv4-mapped IPv6 loopback', (w: SimulatedWeb) => `http://[::ffff:127.0.0.1]:${w.httpPort}/ok`],
    ['a decimal-written loopback IP', (w: SimulatedWeb) => `http://2130706433:${w.httpPort}/ok`],
    ['localhost', (w: SimulatedWeb) => `http://localhost:${w.httpPort}/ok`],
    ['a name that resolves to loopback', (w: SimulatedWeb) => w.url('alive.example.test', '/ok')],
    ['the same over https', (w: SimulatedWeb) => w.url('alive.example.test', '/ok', 'https')],
  ])('%s is skipped with reason private_address and never contacted', async (_name, url) => {
    const http = createHttpClient({ lookup: web.lookup, extraCaCerts: [web.caCert] });
    web.resetStats();
    const run = await checkUrls([url(web)], {}, { http });
    await http.close();
    expect(run.results.get(url(web))).toMatchObject({ verdict: 'skipped', reason: 'private_address' });
    expect(web.requests).toHaveLength(0);
  });
});

describe('through a proxy (HTTPS_PROXY / HTTP_PROXY / NO_PROXY from the injected env)', () => {
  const viaProxy = (extra: Record<string, string> = {}, allowPrivateNetworks = false) =>
    createHttpClient({
      lookup: web.lookup,
      extraCaCerts: [web.caCert],
      allowPrivateNetworks,
      env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, ...extra },
    });

  it('tunnels https and http; the proxy resolves the names, the guard still checks the name form', async () => {
    const http = viaProxy();
    web.lookup.calls.length = 0;
    const urls = [web.url('tunnel.example.test', '/ok', 'https'), web.url('plain.example.test', '/ok')];
    const run = await checkUrls(urls, {}, { http });
    await http.close();
    expect([...run.results.values()].map((r) => r.verdict)).toEqual(['alive', 'alive']);
    expect(proxy.connects).toEqual(expect.arrayContaining([`tunnel.example.test:${web.httpsPort}`, `plain.example.test:${web.httpPort}`]));
    expect(web.lookup.calls).toEqual([]);
    expect(web.requests.at(-1)?.headers['user-agent']).toMatch(/^linkmedic\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/linkmedic\/linkmedic\)$/);
  });

  it.each([
    ['a literal metadata IP', 'http://169.254.169.254/latest/meta-data/'],
    ['localhost', (w: SimulatedWeb) => `http://localhost:${w.httpPort}/ok`],
    ['a NO_PROXY name resolving to loopback (direct, so the resolver guard applies)', (w: SimulatedWeb) => w.url('internal.example.test', '/ok')],
  ])('refuses a redirect hop to %s', async (_name, target) => {
    const http = viaProxy({ NO_PROXY: 'internal.example.test' });
    const location = typeof target === 'string' ? target : target(web);
    web.route('hop.example.test', '/go', respond.redirect(302, location));
    const before = proxy.connects.length;
    const url = web.url('hop.example.test', '/go');
    const run = await checkUrls([url], {}, { http });
    await http.close();
    const result = run.results.get(url)!;
    expect(result).toMatchObject({ verdict: 'skipped', reason: 'private_address' });
    expect(result.redirects).toEqual([{ status: 302, location: new URL(location).href }]);
    expect(proxy.connects.slice(before).every((c) => c.startsWith('hop.example.test:'))).toBe(true);
  });

  it('goes direct for NO_PROXY hosts', async () => {
    const http = viaProxy({ NO_PROXY: 'direct.example.test' }, true);
    const before = proxy.connects.length;
    const run = await checkUrls([web.url('direct.example.test', '/ok')], {}, { http });
    await http.close();
    expect(run.results.get(web.url('direct.example.test', '/ok'))?.verdict).toBe('alive');
    expect(proxy.connects.length).toBe(before);
  });

  it('a name the proxy cannot resolve is a proxy error, never dns_not_found', async () => {
    const http = viaProxy();
    const url = web.url('nxdomain.example.test', '/ok', 'https');
    const run = await checkUrls([url, web.url('fine.example.test', '/ok', 'https')], { backoffMs: 1 }, { http });
    await http.close();
    expect(run.results.get(url)).toMatchObject({ verdict: 'network_error', reason: 'proxy_error' });
  });
});

describe('local files (relative links the pipeline resolved to file: URLs)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'linkmedic-local-'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'guide.md'), '# guide');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    { href: './docs/guide.md#install', verdict: 'alive', reason: 'local_file' },
    { href: 'docs/', verdict: 'alive', reason: 'local_file' },
    { href: '/docs/guide.md', verdict: 'alive', reason: 'local_file' },
    { href: 'docs/missing.md', verdict: 'dead', reason: 'local_file_missing' },
    { href: '../../etc/passwd', verdict: 'skipped', reason: 'outside_local_root' },
  ])('$href → $verdict ($reason)', async ({ href, verdict, reason }) => {
    const url = resolveLocalLink(href, join(root, 'README.md'), root)!;
    const run = await checkUrls([url], { localRoot: root });
    expect(run.results.get(url)).toMatchObject({ verdict, reason });
  });

  it.each([
    ['#section', undefined],
    ['?tab=readme', undefined],
    ['https://example.org/x', undefined],
    ['//cdn.example.org/x.png', undefined],
    ['./a%20b.md', 'a b.md'],
  ])('resolveLocalLink(%s)', (href, file) => {
    const resolved = resolveLocalLink(href, '/repo/catalog/README.md', '/repo');
    expect(resolved).toBe(file === undefined ? undefined : pathToFileURL(`/repo/catalog/${file}`).href);
  });
});
