import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/create-http-client.js';
import type { HttpClient } from '../http/http-client.js';
import {
  closedPort, createManualClock, respond, startSimulatedWeb, startTcpServer, type SimulatedWeb, type TcpServer,
} from '../../tests/support/simulated-web/index.js';
import type { CheckResult } from './check-result.js';
import { CHECK_REASONS } from './check-reason.js';
import { checkUrls } from './check-urls.js';
import type { CheckRun } from './check-run.js';

interface Row {
  name: string;
  /** Scripts the web for this row on its own host and returns the URL to check. */
  setup: (web: SimulatedWeb, host: string, extra: { blackhole: TcpServer; garbage: TcpServer; refused: number }) => string;
  expected: Partial<CheckResult>;
}

const html = (title: string, body = '') => `<html><head><title>${title}</title></head><body>${body}</body></html>`;

const rows: Row[] = [
  // alive
  { name: '200', setup: (w, h) => (w.route(h, '/a', respond.ok()), w.url(h, '/a')), expected: { verdict: 'alive', reason: 'ok', httpStatus: 200, method: 'HEAD', attempts: 1, redirects: [] } },
  { name: '204 over https', setup: (w, h) => (w.route(h, '/a', respond.status(204, { body: '' })), w.url(h, '/a', 'https')), expected: { verdict: 'alive', reason: 'ok', httpStatus: 204 } },
  { name: '302 then 200: alive, no suggestion', setup: (w, h) => (w.route(h, '/a', respond.redirect(302, '/b')), w.route(h, '/b', respond.ok()), w.url(h, '/a')), expected: { verdict: 'alive', reason: 'ok', suggestion: undefined } },
  { name: 'HEAD 405, GET 200', setup: (w, h) => (w.route(h, '/a', respond.byMethod({ HEAD: respond.status(405), GET: respond.ok() })), w.url(h, '/a')), expected: { verdict: 'alive', reason: 'ok', method: 'GET', attempts: 2 } },
  { name: 'HEAD 404, GET 200 (crates.io style)', setup: (w, h) => (w.route(h, '/a', respond.byMethod({ HEAD: respond.status(404), GET: respond.ok() })), w.url(h, '/a')), expected: { verdict: 'alive', method: 'GET' } },
  { name: 'HEAD reset, GET 200', setup: (w, h) => (w.route(h, '/a', respond.byMethod({ HEAD: respond.reset(), GET: respond.ok() })), w.url(h, '/a')), expected: { verdict: 'alive', method: 'GET', attempts: 2 } },
  { name: 'HEAD 500, GET 200', setup: (w, h) => (w.route(h, '/a', respond.byMethod({ HEAD: respond.status(500), GET: respond.ok() })), w.url(h, '/a')), expected: { verdict: 'alive', method: 'GET', attempts: 2 } },
  { name: 'a fragment', setup: (w, h) => (w.route(h, '/page', respond.ok()), `${w.url(h, '/page')}#part`), expected: { verdict: 'alive', reason: 'ok', attempts: 1 } },
  { name: 'broken gzip body on a Drive 200', setup: (w) => (w.route('drive.google.com', '/file/d/gz/view', respond.brokenGzip()), w.url('drive.google.com', '/file/d/gz/view')), expected: { verdict: 'alive', reason: 'ok', method: 'GET' } },
  // redirected
  { name: '301 then 200', setup: (w, h) => (w.route(h, '/old', respond.redirect(301, '/new')), w.route(h, '/new', respond.ok()), w.url(h, '/old')), expected: { verdict: 'redirected', reason: 'permanent_redirect', httpStatus: 200 } },
  { name: '308 with a relative ../ Location', setup: (w, h) => (w.route(h, '/docs/v1/page', respond.redirect(308, '../v2/page')), w.route(h, '/docs/v2/page', respond.ok()), w.url(h, '/docs/v1/page')), expected: { verdict: 'redirected', reason: 'permanent_redirect' } },
  { name: '301 then 302: the permanent target is suggested', setup: (w, h) => (w.route(h, '/p', respond.redirect(301, '/q')), w.route(h, '/q', respond.redirect(302, '/q/session-123')), w.route(h, '/q/session-123', respond.ok()), w.url(h, '/p')), expected: { verdict: 'redirected', reason: 'permanent_redirect' } },
  // dead
  { name: '404', setup: (w, h) => w.url(h, '/nothing-here'), expected: { verdict: 'dead', reason: 'http_404', httpStatus: 404, method: 'GET', attempts: 2 } },
  { name: '410', setup: (w, h) => (w.route(h, '/a', respond.status(410)), w.url(h, '/a')), expected: { verdict: 'dead', reason: 'http_410', httpStatus: 410 } },
  { name: '400', setup: (w, h) => (w.route(h, '/a', respond.status(400)), w.url(h, '/a')), expected: { verdict: 'dead', reason: 'http_4xx', httpStatus: 400 } },
  { name: '301 that ends in 404', setup: (w, h) => (w.route(h, '/a', respond.redirect(301, '/gone')), w.url(h, '/a')), expected: { verdict: 'dead', reason: 'http_404', httpStatus: 404 } },
  { name: 'deep link redirected to the home page', setup: (w, h) => (w.route(h, '/papers/2021/x.pdf', respond.redirect(302, '/')), w.route(h, '/', respond.ok()), w.url(h, '/papers/2021/x.pdf')), expected: { verdict: 'dead', reason: 'soft_404', suggestion: undefined } },
  { name: 'deep link 301 to a language home page', setup: (w, h) => (w.route(h, '/project', respond.redirect(301, '/en/')), w.route(h, '/en/', respond.ok()), w.url(h, '/project')), expected: { verdict: 'dead', reason: 'soft_404', suggestion: undefined } },
  { name: 'redirect loop', setup: (w, h) => (w.route(h, '/a', respond.redirect(302, '/b')), w.route(h, '/b', respond.redirect(302, '/a')), w.url(h, '/a')), expected: { verdict: 'dead', reason: 'redirect_loop' } },
  { name: 'too many redirects', setup: (w, h) => (w.route(h, '/hop', (req, res) => respond.redirect(302, `/hop?n=${Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0) + 1}`)(req, res, { hit: 0 })), w.url(h, '/hop')), expected: { verdict: 'dead', reason: 'too_many_redirects' } },
  { name: 'redirect to a non-HTTP scheme', setup: (w, h) => (w.route(h, '/a', respond.redirect(302, 'itms-apps://apps.apple.com/app/1')), w.url(h, '/a')), expected: { verdict: 'skipped', reason: 'redirect_to_other_scheme' } },
  { name: '302 without Location', setup: (w, h) => (w.route(h, '/a', respond.status(302)), w.url(h, '/a')), expected: { verdict: 'server_error', reason: 'bad_redirect', httpStatus: 302 } },
  { name: 'host name that does not exist', setup: (w) => w.url('nxdomain.example.test', '/a'), expected: { verdict: 'dead', reason: 'dns_not_found', attempts: 1 } },
  { name: 'deleted Google Drive file (403 + "does not exist")', setup: (w) => (w.route('drive.google.com', '/file/d/deleted/view', respond.status(403, { body: html('Google Drive', 'Sorry, the file you have requested does not exist.') })), w.url('drive.google.com', '/file/d/deleted/view')), expected: { verdict: 'dead', reason: 'drive_file_not_found', method: 'GET', attempts: 1 } },
  { name: 'deleted Google Drive file (404)', setup: (w) => w.url('drive.google.com', '/file/d/never-existed/view'), expected: { verdict: 'dead', reason: 'http_404' } },
  // restricted
  { name: '401', setup: (w, h) => (w.route(h, '/a', respond.status(401)), w.url(h, '/a')), expected: { verdict: 'restricted', reason: 'http_401' } },
  { name: '403 without a bot wall', setup: (w, h) => (w.route(h, '/a', respond.status(403)), w.url(h, '/a')), expected: { verdict: 'restricted', reason: 'http_403', httpStatus: 403 } },
  { name: '403 whose body fails to decode: judged on the status line', setup: (w, h) => (w.route(h, '/a', respond.brokenGzip(403)), w.url(h, '/a')), expected: { verdict: 'restricted', reason: 'http_403' } },
  { name: '451', setup: (w, h) => (w.route(h, '/a', respond.status(451)), w.url(h, '/a')), expected: { verdict: 'restricted', reason: 'http_451' } },
  { name: 'redirect to a sign-in page', setup: (w, h) => (w.route(h, '/settings', respond.redirect(302, `${w.url('login.example.test', '/session/new')}?return_to=/settings`)), w.route('login.example.test', '/session/new', respond.ok()), w.url(h, '/settings')), expected: { verdict: 'restricted', reason: 'login_wall', suggestion: undefined } },
  { name: 'redirect to /users/sign_in that answers 401', setup: (w, h) => (w.route(h, '/repo', respond.redirect(302, '/users/sign_in')), w.route(h, '/users/sign_in', respond.status(401)), w.url(h, '/repo')), expected: { verdict: 'restricted', reason: 'login_wall' } },
  { name: 'private Google Drive file (to accounts.google.com)', setup: (w) => (w.route('drive.google.com', '/file/d/private/view', respond.redirect(302, `${w.url('accounts.google.com', '/ServiceLogin')}?continue=x`)), w.route('accounts.google.com', '/ServiceLogin', respond.ok()), w.url('drive.google.com', '/file/d/private/view')), expected: { verdict: 'restricted', reason: 'login_wall' } },
  // blocked
  { name: 'Cloudflare challenge (403 + cf-mitigated)', setup: (w, h) => (w.route(h, '/a', respond.cloudflareChallenge()), w.url(h, '/a', 'https')), expected: { verdict: 'blocked', reason: 'bot_challenge', httpStatus: 403 } },
  { name: 'Cloudflare "Just a moment" 503 without cf-mitigated', setup: (w, h) => (w.route(h, '/a', respond.status(503, { headers: { server: 'cloudflare' }, body: html('Just a moment...') })), w.url(h, '/a')), expected: { verdict: 'blocked', reason: 'bot_challenge', httpStatus: 503, attempts: 2 } },
  { name: 'AWS WAF challenge (202)', setup: (w, h) => (w.route(h, '/a', respond.status(202, { headers: { 'x-amzn-waf-action': 'challenge' }, body: '' })), w.url(h, '/a')), expected: { verdict: 'blocked', reason: 'bot_challenge' } },
  { name: 'LinkedIn 999', setup: (w, h) => (w.route(h, '/in/someone', respond.linkedIn999()), w.url(h, '/in/someone')), expected: { verdict: 'blocked', reason: 'http_999', httpStatus: 999 } },
  { name: "Google's sorry page", setup: (w) => (w.route('drive.google.com', '/file/d/busy/view', respond.redirect(302, `${w.url('www.google.com', '/sorry/index')}?continue=x`)), w.route('www.google.com', '/sorry/index', respond.status(429)), w.url('drive.google.com', '/file/d/busy/view')), expected: { verdict: 'blocked', reason: 'bot_challenge' } },
  // rate_limited
  { name: '429 forever without Retry-After', setup: (w, h) => (w.route(h, '/a', respond.status(429)), w.url(h, '/a')), expected: { verdict: 'rate_limited', reason: 'http_429', httpStatus: 429, attempts: 5 } },
  { name: '429 with Retry-After over the cap', setup: (w, h) => (w.route(h, '/a', respond.tooManyRequests('3600')), w.url(h, '/a')), expected: { verdict: 'rate_limited', reason: 'rate_limit_deferred', attempts: 1 } },
  { name: 'Drive quota page', setup: (w) => (w.route('drive.google.com', '/uc', respond.status(403, { body: html('Google Drive - Quota exceeded', 'Too many users have viewed or downloaded this file recently.') })), w.url('drive.google.com', '/uc?id=big&export=download')), expected: { verdict: 'rate_limited', reason: 'quota_exceeded' } },
  // server_error
  { name: '500 forever', setup: (w, h) => (w.route(h, '/a', respond.status(500)), w.url(h, '/a')), expected: { verdict: 'server_error', reason: 'http_5xx', httpStatus: 500, attempts: 4 } },
  { name: 'status 600', setup: (w, h) => (w.route(h, '/a', respond.status(600)), w.url(h, '/a')), expected: { verdict: 'server_error', reason: 'unexpected_status' } },
  // timeout
  { name: 'TLS handshake never completes', setup: (w, h, x) => `https://${h}:${x.blackhole.port}/a`, expected: { verdict: 'timeout', reason: 'connect_timeout', attempts: 1 } },
  { name: 'slow response head', setup: (w, h) => (w.route(h, '/a', respond.slowHead(3_000)), w.url(h, '/a')), expected: { verdict: 'timeout', reason: 'headers_timeout', method: 'HEAD', attempts: 1 } },
  // network_error
  { name: 'connection refused', setup: (w, h, x) => `http://${h}:${x.refused}/a`, expected: { verdict: 'network_error', reason: 'connection_refused', attempts: 4 } },
  { name: 'connection reset', setup: (w, h) => (w.route(h, '/a', respond.reset()), w.url(h, '/a')), expected: { verdict: 'network_error', reason: 'connection_reset', attempts: 4 } },
  { name: 'temporary DNS failure', setup: (w) => (w.mapHost('flaky-dns.example.test', { error: 'EAI_AGAIN' }), w.url('flaky-dns.example.test', '/a')), expected: { verdict: 'network_error', reason: 'dns_error' } },
  { name: 'not HTTP at all', setup: (w, h, x) => `http://${h}:${x.garbage.port}/a`, expected: { verdict: 'network_error', reason: 'protocol_error' } },
  { name: 'response head over the size bound', setup: (w, h) => (w.route(h, '/a', respond.status(200, { headers: { 'x-padding': 'x'.repeat(100 * 1024) } })), w.url(h, '/a')), expected: { verdict: 'network_error', reason: 'protocol_error' } },
  // tls_error
  { name: 'expired certificate', setup: (w) => w.url('expired.example.test', '/a', 'https'), expected: { verdict: 'tls_error', reason: 'tls_expired', attempts: 1 } },
  { name: 'certificate for another host', setup: (w) => w.url('wrong-host.example.test', '/a', 'https'), expected: { verdict: 'tls_error', reason: 'tls_wrong_host' } },
  { name: 'self-signed certificate', setup: (w) => w.url('self-signed.example.test', '/a', 'https'), expected: { verdict: 'tls_error', reason: 'tls_self_signed' } },
  // malformed and skipped
  { name: 'space in the host', setup: () => 'https://exa mple.org/x', expected: { verdict: 'malformed', reason: 'malformed_url' } },
  { name: 'unclosed IPv6 bracket', setup: () => 'http://[::1/x', expected: { verdict: 'malformed', reason: 'malformed_url' } },
  { name: 'mailto:', setup: () => 'mailto:someone@example.org', expected: { verdict: 'skipped', reason: 'unsupported_scheme' } },
  { name: 'tel:', setup: () => 'tel:+4930123456', expected: { verdict: 'skipped', reason: 'unsupported_scheme' } },
  { name: 'ftp:', setup: () => 'ftp://ftp.example.org/pub/data.tar.gz', expected: { verdict: 'skipped', reason: 'unsupported_scheme' } },
  { name: 'relative link', setup: () => './docs/CONTRIBUTING.md', expected: { verdict: 'skipped', reason: 'relative_link' } },
  { name: 'same-page anchor', setup: () => '#datasets', expected: { verdict: 'skipped', reason: 'relative_link' } },
  { name: 'file: URL without a local root', setup: () => 'file:///etc/passwd', expected: { verdict: 'skipped', reason: 'unsupported_scheme' } },
];

describe('checkUrls verdicts (one table, one run against the simulated web)', () => {
  let web: SimulatedWeb;
  let http: HttpClient;
  let run: CheckRun;
  const servers: TcpServer[] = [];
  const urls = new Map<string, string>();

  beforeAll(async () => {
    web = await startSimulatedWeb();
    for (const name of ['drive.google.com', 'accounts.google.com', 'www.google.com']) web.mapHost(name);
    const blackhole = await startTcpServer(() => undefined);
    const garbage = await startTcpServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    servers.push(blackhole, garbage);
    const refused = await closedPort();
    rows.forEach((row, i) => urls.set(row.name, row.setup(web, `row-${i}.example.test`, { blackhole, garbage, refused })));
    http = createHttpClient({ ...web.clientOptions, connectTimeoutMs: 500 });
    run = await checkUrls(
      urls.values(),
      {
        timeoutMs: { connect: 500, headers: 500, total: 2_000 },
        backoffMs: 10,
        canaryHosts: ['canary.example.test'],
        hosts: { 'google.com': { intervalMs: 0, concurrency: 4 } },
      },
      { http, ...createManualClock({ auto: true }), random: () => 0.5 },
    );
  });

  afterAll(async () => {
    await http?.close();
    await Promise.all(servers.map((s) => s.close()));
    await web?.close();
  });

  it.each(rows)('$name', (row) => {
    const url = urls.get(row.name)!;
    const result = run.results.get(url);
    const { suggestion, ...expected } = row.expected;
    expect(result).toMatchObject({ url, ...expected });
    // Rows that name `suggestion: undefined` assert there is none (soft 404s, sign-in walls).
    if ('suggestion' in row.expected) expect(result?.suggestion).toBe(suggestion);
    expect(CHECK_REASONS[result!.reason as keyof typeof CHECK_REASONS][0]).toBe(result!.verdict);
  });

  it('covers every verdict the checker can give on its own', () => {
    const verdicts = new Set([...run.results.values()].map((r) => r.verdict));
    expect([...verdicts].sort()).toEqual(
      ['alive', 'blocked', 'dead', 'malformed', 'network_error', 'rate_limited', 'redirected', 'restricted', 'server_error', 'skipped', 'timeout', 'tls_error'],
    );
  });

  it('is conclusive: the resolver works, so NXDOMAIN is dead', () => {
    expect(run.conclusive).toBe(true);
    expect(run.inconclusiveReason).toBeUndefined();
  });

  it.each([
    ['301 then 200', '/new', [301]],
    ['308 with a relative ../ Location', '/docs/v2/page', [308]],
    ['301 then 302: the permanent target is suggested', '/q', [301, 302]],
  ])('%s: records hops and suggests %s', (name, path, statuses) => {
    const url = urls.get(name)!;
    const result = run.results.get(url)!;
    const expectedSuggestion = new URL(path, url).href;
    expect(result.redirects.map((h) => h.status)).toEqual(statuses);
    expect(result.redirects[0]!.location).toBe(expectedSuggestion);
    expect(result.suggestion).toEqual({ url: expectedSuggestion, kind: 'permanent_redirect' });
    expect(result.finalUrl).toBe(result.redirects.at(-1)!.location);
  });

  it('records every hop of a loop and stops at the limit of 10', () => {
    expect(run.results.get(urls.get('redirect loop')!)!.redirects.map((h) => new URL(h.location).pathname)).toEqual(['/b', '/a']);
    expect(run.results.get(urls.get('too many redirects')!)!.redirects).toHaveLength(11);
  });

  it('never sends the fragment', () => {
    const host = new URL(urls.get('a fragment')!).hostname;
    expect(web.requests.filter((r) => r.host === host).map((r) => r.path)).toEqual(['/page']);
    expect(web.requests.every((r) => !r.path.includes('#'))).toBe(true);
  });
});
