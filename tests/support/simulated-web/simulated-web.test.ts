import { connect } from 'node:tls';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock, respond, startSimulatedWeb, startTestProxy, type SimulatedWeb } from './index.js';

let web: SimulatedWeb;
beforeAll(async () => {
  web = await startSimulatedWeb();
});
afterAll(() => web.close());

const peer = (servername: string) =>
  new Promise<{ subject: string; validTo: Date; authorized: boolean }>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: web.httpsPort, servername, ca: [web.caCert], rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate();
      resolve({ subject: String(cert.subject.CN), validTo: new Date(cert.valid_to), authorized: socket.authorized });
      socket.end();
    });
    socket.on('error', reject);
  });

describe('simulated web', () => {
  it.each([
    ['alive.example.test', 'example.test', true],
    ['expired.example.test', 'expired.example.test', false],
    ['wrong-host.example.test', 'other.invalid', false],
    ['self-signed.example.test', 'self-signed.example.test', false],
  ])('serves %s the certificate for %s (trusted: %s)', async (name, subject, authorized) => {
    const cert = await peer(name);
    expect(cert.subject).toBe(subject);
    expect(cert.authorized).toBe(authorized);
    if (name.startsWith('expired')) expect(cert.validTo.getTime()).toBeLessThan(Date.now());
  });

  it('answers scripted routes per host, counts hits, and 404s the rest', async () => {
    web.route('*', '/flaky', respond.sequence(respond.status(503), respond.ok('fine')));
    web.route('one.example.test', '/only-here', respond.ok('here'));
    const { get: httpGet } = await import('node:http');
    // fetch() may not set Host; node:http can, as a browser's request for that name would.
    const get = (host: string, path: string) =>
      new Promise<string>((resolve, reject) => {
        httpGet({ host: '127.0.0.1', port: web.httpPort, path, headers: { host } }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk)).on('end', () => resolve(`${res.statusCode} ${body}`));
        }).on('error', reject);
      });
    expect(await get('a.example.test', '/flaky')).toMatch(/^503/);
    expect(await get('b.example.test', '/flaky')).toBe('200 fine');
    expect(await get('one.example.test', '/only-here')).toBe('200 here');
    expect(await get('two.example.test', '/only-here')).toMatch(/^404/);
    expect(web.count('a.example.test', '/flaky')).toBe(1);
  });

  it('reaches URLs without a port through defaultPorts, answering per scheme with byScheme', async () => {
    web.route('ports.example.test', '/page', respond.byScheme({ http: respond.ok('plain'), https: respond.ok('secure') }));
    const agent = new Agent({ connect: { lookup: web.lookup, ca: [web.caCert] } });
    const dispatcher = agent.compose(web.defaultPorts);
    try {
      const read = async (url: string) => (await (await dispatcher.request({ origin: new URL(url).origin, path: new URL(url).pathname, method: 'GET' })).body.text());
      expect(await read('http://ports.example.test/page')).toBe('plain');
      expect(await read('https://ports.example.test/page')).toBe('secure');
      expect(await read(web.url('ports.example.test', '/page', 'https'))).toBe('secure');
      expect(web.requests.filter((r) => r.host === 'ports.example.test').map((r) => r.scheme)).toEqual(['http', 'https', 'https']);
    } finally {
      await agent.close();
    }
  });

  it('resolves *.example.test to loopback and nothing else', async () => {
    const ask = (name: string) => new Promise<string>((resolve) => web.lookup(name, {}, (error, address) => resolve(error ? (error as NodeJS.ErrnoException).code! : String(address))));
    web.mapHost('broken.example.test', { error: 'EAI_AGAIN' });
    expect(await Promise.all(['x.example.test', 'example.test', 'nxdomain.example.test', 'github.com', 'broken.example.test'].map(ask)))
      .toEqual(['127.0.0.1', '127.0.0.1', 'ENOTFOUND', 'ENOTFOUND', 'EAI_AGAIN']);
  });

  it('the proxy tunnels with its own resolver', async () => {
    const proxy = await startTestProxy(web.lookup);
    const { request } = await import('node:http');
    const status = await new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port: Number(new URL(proxy.url).port), method: 'CONNECT', path: `tunnel.example.test:${web.httpPort}` })
        .on('connect', (res, socket) => {
          socket.end();
          resolve(String(res.statusCode));
        })
        .on('error', reject)
        .end();
    });
    await proxy.close();
    expect(status).toBe('200');
    expect(proxy.connects).toEqual([`tunnel.example.test:${web.httpPort}`]);
  });

  it('the manual clock wakes sleepers in order when advanced', async () => {
    const clock = createManualClock({ start: 0 });
    const woken: number[] = [];
    void clock.sleep(200).then(() => woken.push(clock.now()));
    void clock.sleep(100).then(() => woken.push(clock.now()));
    await clock.waitForSleeps(2);
    await clock.advance(150);
    expect(woken).toEqual([100]);
    await clock.advance(100);
    expect(woken).toEqual([100, 200]);
    expect(clock.now()).toBe(250);
  });
});
