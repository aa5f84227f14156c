import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import type { Dispatcher } from 'undici';
import { createTestLookup } from './create-test-lookup.js';
import { makeTestCertificates } from './make-test-certificates.js';
import { respond, type RouteHandler } from './routes.js';

/** One request as the simulated web received it. */
export interface RecordedRequest {
  method: string;
  /** Host header without the port. */
  host: string;
  /** Path and query as sent. */
  path: string;
  scheme: 'http' | 'https';
  headers: IncomingMessage['headers'];
}

export interface SimulatedWeb {
  httpPort: number;
  httpsPort: number;
  /** `http(s)://host:port/path` on this web. */
  url(host: string, path?: string, scheme?: 'http' | 'https'): string;
  /** Scripts `path` (pathname, query ignored) on `host` (`'*'` for every host). Later routes win. */
  route(host: string, path: string, handler: RouteHandler): void;
  /**
   * Resolver for the HTTP client: `example.test`, `*.example.test` and names added with
   * `mapHost` resolve to 127.0.0.1; `nxdomain.example.test` and everything else fail ENOTFOUND.
   */
  lookup: LookupFunction & { calls: string[] };
  /** Map another name (to 127.0.0.1 by default) or make it fail with an error code. */
  mapHost(hostname: string, answer?: string | { error: string }): void;
  /** The test CA (PEM) and a file holding it, for `extraCaCerts` / `NODE_EXTRA_CA_CERTS`. */
  caCert: string;
  caFile: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Requests received for a host (and path, if given). */
  count(host: string, path?: string): number;
  /** Highest number of requests in flight at once, per host, since start or `resetStats`. */
  maxInFlightByHost: Map<string, number>;
  /** Highest number of requests in flight at once over all hosts. */
  maxInFlight(): number;
  /** Distinct TCP connections that carried requests for a host (keep-alive reuse shows here). */
  connectionsFor(host: string): number;
  /**
   * For `dispatcher.compose()`: a URL without a port (`http://a.example.test/x`, as catalogs write
   * them) reaches this web's HTTP or HTTPS server instead of port 80 or 443.
   */
  defaultPorts: Dispatcher.DispatcherComposeInterceptor;
  /** Options for `createHttpClient` that reach this web: its resolver and CA, guard off. */
  clientOptions: { lookup: LookupFunction; extraCaCerts: string[]; allowPrivateNetworks: true };
  resetStats(): void;
  close(): Promise<void>;
}

/**
 * Starts a simulated web on 127.0.0.1: one HTTP and one HTTPS server (port 0) sharing a route
 * table. The HTTPS server picks its certificate by SNI: `expired.example.test` gets an expired
 * one, `wrong-host.example.test` one for another name, `self-signed.example.test` a self-signed
 * one, every other name the test CA's wildcard. Unscripted paths answer 404.
 */
export async function startSimulatedWeb(): Promise<SimulatedWeb> {
  const certs = makeTestCertificates();
  const dir = mkdtempSync(join(tmpdir(), 'linkmedic-web-'));
  const caFile = join(dir, 'test-ca.pem');
  writeFileSync(caFile, certs.caCert);

  const routes = new Map<string, { handler: RouteHandler; hits: number }>();
  const requests: RecordedRequest[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlightByHost = new Map<string, number>();
  let total = 0;
  let maxTotal = 0;
  const socketsByHost = new Map<string, WeakSet<Socket>>();
  const socketCounts = new Map<string, number>();
  const names = new Map<string, string | { error: string }>();

  const handle = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', host, path, scheme, headers: req.headers });
    const seen = socketsByHost.get(host) ?? new WeakSet<Socket>();
    socketsByHost.set(host, seen);
    if (!seen.has(req.socket)) {
      seen.add(req.socket);
      socketCounts.set(host, (socketCounts.get(host) ?? 0) + 1);
    }
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    maxInFlightByHost.set(host, Math.max(now, maxInFlightByHost.get(host) ?? 0));
    maxTotal = Math.max(maxTotal, ++total);
    res.on('close', () => {
      inFlight.set(host, (inFlight.get(host) ?? 1) - 1);
      total--;
    });
    const pathname = path.split('?')[0]!;
    const route = routes.get(`${host} ${pathname}`) ?? routes.get(`* ${pathname}`);
    if (!route) return respond.status(404)(req, res, { hit: 1 });
    route.hits += 1;
    Promise.resolve(route.handler(req, res, { hit: route.hits })).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  };

  const contexts = {
    'expired.example.test': createSecureContext(certs.expired),
    'wrong-host.example.test': createSecureContext(certs.wrongHost),
    'self-signed.example.test': createSecureContext(certs.selfSigned),
  } as Record<string, ReturnType<typeof createSecureContext>>;
  const defaultContext = createSecureContext(certs.leaf);
  const httpServer = http.createServer(handle('http'));
  const httpsServer = https.createServer(
    { ...certs.leaf, SNICallback: (name, cb) => cb(null, contexts[name] ?? defaultContext) },
    handle('https'),
  );
  const sockets = new Set<Socket>();
  for (const server of [httpServer, httpsServer]) {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const listen = (server: Server) =>
    new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const [httpPort, httpsPort] = await Promise.all([listen(httpServer), listen(httpsServer)]);

  const lookup = createTestLookup((name) => {
    if (names.has(name)) return names.get(name);
    if (name === 'nxdomain.example.test') return undefined;
    return name === 'example.test' || name.endsWith('.example.test') ? '127.0.0.1' : undefined;
  });

  return {
    httpPort,
    httpsPort,
    url: (host, path = '/', scheme = 'http') =>
      `${scheme}://${host}:${scheme === 'http' ? httpPort : httpsPort}${path.startsWith('/') ? path : `/${path}`}`,
    route: (host, path, handler) => void routes.set(`${host.toLowerCase()} ${path}`, { handler, hits: 0 }),
    lookup,
    mapHost: (hostname, answer = '127.0.0.1') => void names.set(hostname.toLowerCase(), answer),
    caCert: certs.caCert,
    caFile,
    requests,
    count: (host, path) => requests.filter((r) => r.host === host && (path === undefined || r.path === path)).length,
    maxInFlightByHost,
    maxInFlight: () => maxTotal,
    connectionsFor: (host) => socketCounts.get(host) ?? 0,
    defaultPorts: (dispatch) => (options, handler) => {
      const origin = new URL(String(options.origin));
      if (origin.port === '') origin.port = String(origin.protocol === 'https:' ? httpsPort : httpPort);
      return dispatch({ ...options, origin: origin.origin }, handler);
    },
    clientOptions: { lookup, extraCaCerts: [certs.caCert], allowPrivateNetworks: true },
    resetStats() {
      requests.length = 0;
      maxInFlightByHost.clear();
      socketsByHost.clear();
      socketCounts.clear();
      maxTotal = total;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([httpServer, httpsServer].map((s) => new Promise((resolve) => s.close(resolve))));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
