import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/create-http-client.js';
import type { HttpClient } from '../../src/http/http-client.js';
import { checkCatalog, type CatalogCheckOptions } from '../../src/pipeline.js';
import type { RunReport } from '../../src/report/run-report.js';
import { openStore } from '../../src/store/open-store.js';
import { startFakeWayback, type RunningFakeWayback } from '../support/fake-wayback/fake-wayback.js';
import { respond, startSimulatedWeb, type RouteHandler, type SimulatedWeb } from '../support/simulated-web/index.js';

let web: SimulatedWeb;
let wayback: RunningFakeWayback;
let http: HttpClient;

beforeAll(async () => {
  web = await startSimulatedWeb();
  wayback = await startFakeWayback();
  const client = createHttpClient(web.clientOptions);
  // Catalog URLs without a port, as real catalogs write them: ports 80 and 443 are the web's servers.
  http = { ...client, dispatcher: client.dispatcher.compose(web.defaultPorts) };
  web.route('canonical.example.test', '/page', respond.ok());
});

afterAll(async () => {
  await http.close();
  await Promise.all([web.close(), wayback.close()]);
});

async function check(text: string, options: Partial<CatalogCheckOptions> = {}): Promise<{ report: RunReport; recorded: unknown[] }> {
  const store = await openStore({ path: ':memory:' });
  try {
    const { report, runId } = await checkCatalog(
      [{ file: 'README.md', text }],
      { catalog: 'local:README.md', check: { retries: 0, backoffMs: 0 }, archive: false, ...options },
      { http, store, env: { WAYBACK_API_URL: wayback.url } },
    );
    return { report, recorded: (await store.runResults(runId)).map((result) => result.suggestion) };
  } finally {
    await store.close();
  }
}

const { byScheme, ok, redirect, status } = respond;

describe('https_upgrade: a plain http:// link whose https:// form gives the same page', () => {
  it.each<{ name: string; host: string; routes: Record<string, RouteHandler>; verdict: string; reason?: string; upgrade: boolean }>([
    { name: 'both answer at the same address', host: 'same.example.test', routes: { '/page': ok() }, verdict: 'alive', upgrade: true },
    {
      name: 'http redirects permanently to its https form: https_upgrade, not a generic moved',
      host: 'up.example.test', routes: { '/page': byScheme({ http: redirect(301, 'https://up.example.test/page'), https: ok() }) },
      verdict: 'redirected', reason: 'permanent_redirect', upgrade: true,
    },
    {
      name: 'http redirects temporarily to its https form',
      host: 'temp.example.test', routes: { '/page': byScheme({ http: redirect(302, 'https://temp.example.test/page'), https: ok() }) },
      verdict: 'alive', upgrade: true,
    },
    {
      name: 'both end on one page through redirects to the canonical host',
      host: 'alias.example.test', routes: { '/page': redirect(302, 'https://canonical.example.test/page') },
      verdict: 'alive', upgrade: true,
    },
    {
      name: 'http dead, https alive: the verdict stays dead, the fix is https',
      host: 'dead.example.test', routes: { '/page': byScheme({ http: status(404), https: ok() }) },
      verdict: 'dead', reason: 'http_404', upgrade: true,
    },
    {
      name: 'http connection reset, https alive',
      host: 'reset.example.test', routes: { '/page': byScheme({ http: respond.reset(), https: ok() }) },
      verdict: 'network_error', upgrade: true,
    },
    {
      name: 'https redirects to another host (a parking page)',
      host: 'parked.example.test', routes: { '/page': byScheme({ http: ok(), https: redirect(302, 'https://lander.example.test/') }) },
      verdict: 'alive', upgrade: false,
    },
    {
      name: 'https sends the deep link to the home page',
      host: 'home.example.test', routes: { '/page': byScheme({ http: ok(), https: redirect(302, '/') }), '/': ok() },
      verdict: 'alive', upgrade: false,
    },
    {
      name: 'http dead, https redirects to another page',
      host: 'elsewhere.example.test', routes: { '/page': byScheme({ http: status(404), https: redirect(302, '/other') }), '/other': ok() },
      verdict: 'dead', upgrade: false,
    },
    { name: 'https certificate expired', host: 'expired.example.test', routes: { '/page': ok() }, verdict: 'alive', upgrade: false },
    { name: 'https certificate for another host', host: 'wrong-host.example.test', routes: { '/page': ok() }, verdict: 'alive', upgrade: false },
    { name: 'https certificate self-signed', host: 'self-signed.example.test', routes: { '/page': ok() }, verdict: 'alive', upgrade: false },
    { name: 'https answers 404', host: 'nossl.example.test', routes: { '/page': byScheme({ http: ok(), https: status(404) }) }, verdict: 'alive', upgrade: false },
    { name: 'https shows a bot wall', host: 'wall.example.test', routes: { '/page': byScheme({ http: ok(), https: respond.cloudflareChallenge() }) }, verdict: 'alive', upgrade: false },
    { name: 'http shows a bot wall', host: 'plainwall.example.test', routes: { '/page': byScheme({ http: respond.cloudflareChallenge(), https: ok() }) }, verdict: 'blocked', upgrade: false },
    {
      name: 'https asks for a login',
      host: 'login.example.test', routes: { '/page': byScheme({ http: ok(), https: redirect(302, '/login?next=/page') }), '/login': ok() },
      verdict: 'alive', upgrade: false,
    },
  ])('$name', async ({ host, routes, verdict, reason, upgrade }) => {
    for (const [path, handler] of Object.entries(routes)) web.route(host, path, handler);
    const url = `http://${host}/page`;
    const { report, recorded } = await check(`- [Page](${url}) - a page.\n`);
    expect(report.links).toHaveLength(1);
    expect(report.links[0]).toMatchObject({ url, verdict, ...(reason && { reason }) });
    if (upgrade) {
      expect(report.links[0]!.suggestion).toEqual({ url: `https://${host}/page`, kind: 'https_upgrade' });
      expect(recorded).toEqual([{ url: `https://${host}/page`, kind: 'https_upgrade' }]);
    } else {
      expect(report.links[0]!.suggestion?.kind).not.toBe('https_upgrade');
    }
    expect(report.stats.probeUrls).toBe(1);
  });

  it('keeps a permanent redirect to another page as the better fix', async () => {
    web.route('moved.example.test', '/page', redirect(301, 'https://moved.example.test/new'));
    web.route('moved.example.test', '/new', ok());
    const { report } = await check('- http://moved.example.test/page\n');
    expect(report.links[0]).toMatchObject({ verdict: 'redirected', suggestion: { url: 'https://moved.example.test/new', kind: 'permanent_redirect' } });
  });

  it('probes each https form once beside the catalog, counted apart from its links, and never an excluded or explicitly-ported link', async () => {
    for (const host of ['one.example.test', 'both.example.test', 'ported.example.test', 'kept-away.example.test']) web.route(host, '/x', ok());
    const ported = web.url('ported.example.test', '/x');
    const catalog = [
      '- http://one.example.test/x and again [here](http://one.example.test/x#part)',
      '- http://both.example.test/x and https://both.example.test/x',
      `- ${ported}`,
      '- http://kept-away.example.test/x',
      '',
    ].join('\n');
    const { report } = await check(catalog, { exclude: [/kept-away/] });
    expect(report.summary.total).toBe(6);
    expect(report.links.map((link) => link.url)).not.toContain('https://one.example.test/x');
    expect(report.stats.probeUrls).toBe(2); // one.example.test/x and its #part sibling: one set of requests
    const suggested = Object.fromEntries(report.links.map((link) => [link.url, link.suggestion?.url]));
    expect(suggested).toMatchObject({
      'http://one.example.test/x': 'https://one.example.test/x',
      'http://one.example.test/x#part': 'https://one.example.test/x#part',
      'http://both.example.test/x': 'https://both.example.test/x',
      [ported]: undefined,
      'http://kept-away.example.test/x': undefined,
    });
    const httpsRequests = (host: string) => web.requests.filter((r) => r.host === host && r.scheme === 'https').length;
    expect(httpsRequests('one.example.test')).toBe(1); // HEAD answered 200: one request for both forms
    expect(httpsRequests('both.example.test')).toBe(1);
    expect(httpsRequests('ported.example.test')).toBe(0);
    expect(web.count('kept-away.example.test')).toBe(0);
  });

  it('needs no archived copy for a dead http link whose https form works', async () => {
    web.route('archived.example.test', '/page', byScheme({ http: status(410), https: ok() }));
    wayback.set('http://archived.example.test/page', { kind: 'found', captures: [{ timestamp: '20250101000000' }] });
    const { report } = await check('- http://archived.example.test/page\n', { archive: true });
    expect(report.links[0]).toMatchObject({ verdict: 'dead', suggestion: { url: 'https://archived.example.test/page', kind: 'https_upgrade' } });
    expect(report.stats.waybackRequests).toBe(0);
  });
});
