import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Octokit } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLinkmedicError } from '../errors.js';
import { respond, startSimulatedWeb, startTestProxy, type SimulatedWeb, type TestProxy } from '../../tests/support/simulated-web/index.js';
import { createHttpClient } from './create-http-client.js';
import { findPrivateAddressError } from './private-address-error.js';
import { USER_AGENT } from './user-agent.js';

const execFileAsync = promisify(execFile);
let web: SimulatedWeb;
let proxy: TestProxy;
const ports: number[] = [];

beforeAll(async () => {
  web = await startSimulatedWeb();
  proxy = await startTestProxy(web.lookup);
  web.route('*', '/echo', (req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ userAgent: req.headers['user-agent'] }));
  });
  web.route('*', '/big-head', respond.status(200, { headers: { 'x-padding': 'x'.repeat(100 * 1024) } }));
  web.route('api.example.test', '/repos/octo/cat', respond.status(200, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ full_name: 'octo/cat', stargazers_count: 7 }),
  }));
});
afterAll(async () => {
  await proxy.close();
  await web.close();
});

const errorCode = (error: unknown): string | undefined => {
  for (let e = error as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; i++, e = e.cause as typeof e) {
    if (e.code) return e.code;
  }
  return undefined;
};

describe('createHttpClient', () => {
  it('sends the linkmedic User-Agent unless the caller sets one', async () => {
    const http = createHttpClient(web.clientOptions);
    const ours = await (await http.fetch(web.url('ua.example.test', '/echo'))).json();
    const theirs = await (await http.fetch(web.url('ua.example.test', '/echo'), { headers: { 'user-agent': 'octokit.js/5' } })).json();
    await http.close();
    expect(ours).toEqual({ userAgent: USER_AGENT });
    expect(USER_AGENT).toMatch(/^linkmedic\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/linkmedic\/linkmedic\)$/);
    expect(theirs).toEqual({ userAgent: 'octokit.js/5' });
  });

  it('reuses kept-alive connections', async () => {
    const http = createHttpClient(web.clientOptions);
    ports.length = 0;
    for (let i = 0; i < 6; i++) await (await http.fetch(web.url('keepalive.example.test', '/echo'))).text();
    await http.close();
    // undici may open a second socket while the first finishes its response; never one per request.
    expect(new Set(ports).size).toBeLessThanOrEqual(2);
  });

  it.each([
    { name: 'extraCaCerts', options: () => ({ extraCaCerts: [web.caCert] }), ok: true },
    { name: 'NODE_EXTRA_CA_CERTS in the injected env', options: () => ({ env: { NODE_EXTRA_CA_CERTS: web.caFile } }), ok: true },
    { name: 'no extra CA: the test CA is not trusted', options: () => ({}), ok: false },
  ])('trusts the test CA through $name', async ({ options, ok }) => {
    const http = createHttpClient({ lookup: web.lookup, allowPrivateNetworks: true, ...options() });
    const attempt = http.fetch(web.url('tls.example.test', '/echo', 'https'));
    if (ok) expect((await attempt).status).toBe(200);
    else expect(errorCode(await attempt.catch((e: unknown) => e))).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    await http.close();
  });

  it('keeps Node\'s own NODE_EXTRA_CA_CERTS working (child process, real environment)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkmedic-ca-'));
    const script = join(dir, 'fetch.mts');
    const client = pathToFileURL(resolve('src/http/create-http-client.ts')).href;
    writeFileSync(script, `
      import { createHttpClient } from ${JSON.stringify(client)};
      const lookup = (name, options, callback) => options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);
      const http = createHttpClient({ lookup, allowPrivateNetworks: true });
      try { console.log((await http.fetch(process.argv[2])).status); }
      catch (error) { console.log(error.cause?.code ?? error.message); }
      await http.close();
    `);
    const run = (extra: Record<string, string>) => {
      const env = { ...process.env, ...extra };
      if (!extra.NODE_EXTRA_CA_CERTS) delete env.NODE_EXTRA_CA_CERTS;
      // Async: the simulated web lives in this process and must keep answering.
      return execFileAsync(process.execPath, ['--import', 'tsx', script, web.url('child.example.test', '/echo', 'https')], { env })
        .then(({ stdout }) => stdout.trim());
    };
    try {
      const [trusted, untrusted] = await Promise.all([run({ NODE_EXTRA_CA_CERTS: web.caFile }), run({})]);
      expect(trusted).toBe('200');
      expect(untrusted).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unreadable NODE_EXTRA_CA_CERTS as a config error', () => {
    const attempt = () => createHttpClient({ env: { NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' } });
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('rejects unknown and invalid options', () => {
    for (const options of [{ colour: 'blue' }, { connectTimeoutMs: -1 }, { lookup: 'dns' }]) {
      let thrown: unknown;
      try {
        createHttpClient(options as never);
      } catch (error) {
        thrown = error;
      }
      expect(isLinkmedicError(thrown) && thrown.code).toBe('CONFIG_INVALID');
    }
  });

  it('bounds the response head size (and the bound is configurable)', async () => {
    const strict = createHttpClient(web.clientOptions);
    const roomy = createHttpClient({ ...web.clientOptions, maxHeaderSize: 256 * 1024 });
    expect(errorCode(await strict.fetch(web.url('head.example.test', '/big-head')).catch((e: unknown) => e))).toBe('UND_ERR_HEADERS_OVERFLOW');
    expect((await roomy.fetch(web.url('head.example.test', '/big-head'))).status).toBe(200);
    await Promise.all([strict.close(), roomy.close()]);
  });

  it('bounds the response body size', async () => {
    const sent = { bytes: 0 };
    web.route('body.example.test', '/huge', respond.endless(sent));
    const http = createHttpClient({ ...web.clientOptions, maxResponseSize: 1024 * 1024 });
    const response = await http.fetch(web.url('body.example.test', '/huge'));
    const failure = await response.arrayBuffer().catch((e: unknown) => e);
    await http.close();
    expect(failure).toBeInstanceOf(Error);
    expect(sent.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses private targets by default, also for fetch redirects through a proxy', async () => {
    web.route('hop.example.test', '/to-metadata', respond.redirect(302, 'http://169.254.169.254/latest/meta-data/'));
    const direct = createHttpClient({ lookup: web.lookup });
    const proxied = createHttpClient({ lookup: web.lookup, env: { HTTP_PROXY: proxy.url } });
    const refusedDirect = await direct.fetch(web.url('alive.example.test', '/echo')).catch((e: unknown) => e);
    const refusedHop = await proxied.fetch(web.url('hop.example.test', '/to-metadata')).catch((e: unknown) => e);
    await Promise.all([direct.close(), proxied.close()]);
    expect(findPrivateAddressError(refusedDirect)).toMatchObject({ hostname: 'alive.example.test', address: '127.0.0.1' });
    expect(findPrivateAddressError(refusedHop)).toMatchObject({ address: '169.254.169.254' });
    expect(proxy.connects).not.toContain('169.254.169.254:80');
  });

  it('reads proxies only from the injected env, not from process.env', async () => {
    const saved = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = 'http://127.0.0.1:9';
    try {
      const http = createHttpClient({ ...web.clientOptions, env: {} });
      expect((await http.fetch(web.url('noproxy.example.test', '/echo', 'https'))).status).toBe(200);
      expect(http.proxies).toEqual([]);
      await http.close();
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = saved;
    }
  });

  it('serves as octokit\'s request.fetch', async () => {
    const http = createHttpClient({ ...web.clientOptions, env: { HTTPS_PROXY: proxy.url } });
    const octokit = new Octokit({ baseUrl: web.url('api.example.test', '', 'https').replace(/\/$/, ''), request: { fetch: http.fetch } });
    const { data } = await octokit.rest.repos.get({ owner: 'octo', repo: 'cat' });
    await http.close();
    expect(data).toMatchObject({ full_name: 'octo/cat', stargazers_count: 7 });
    expect(proxy.connects).toContain(`api.example.test:${web.httpsPort}`);
  });
});
