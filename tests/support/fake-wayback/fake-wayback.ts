import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers for one URL. */
export type FakeWaybackState =
  /** Captured: the closest capture (by timestamp, else the latest) is returned. */
  | { kind: 'found'; captures: { timestamp: string; status?: string }[] }
  /** Archived or not, the API answers `archived_snapshots: {}` (its frequent miss). */
  | { kind: 'empty' }
  /** The answer takes this long. */
  | { kind: 'slow'; ms: number; captures: { timestamp: string; status?: string }[] }
  /** 503, as under load. */
  | { kind: 'unavailable' };

export interface FakeWayback {
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** By URL as the fake keys it: scheme and `www.` ignored, host lower-cased, path exact. */
  set(url: string, state: FakeWaybackState): void;
  counts: { requests: number };
  log: string[];
}

// The API matches scheme-less and www-less forms alike but not a trailing slash (notes §4.1).
function key(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : URL.canParse(`http://${url}`) ? new URL(`http://${url}`) : undefined;
  if (!parsed) return url;
  return `${parsed.hostname.toLowerCase().replace(/^www\./, '')}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}${parsed.search}`;
}

function closest(captures: { timestamp: string; status?: string }[], timestamp: string | null) {
  const sorted = [...captures].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  if (!timestamp) return sorted.at(-1);
  const target = Number(timestamp.padEnd(14, '0'));
  return sorted.reduce((best, c) => (Math.abs(Number(c.timestamp) - target) < Math.abs(Number(best.timestamp) - target) ? c : best), sorted[0]!);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFakeWayback(): FakeWayback {
  const states = new Map<string, FakeWaybackState>();
  const wayback: FakeWayback = {
    handler,
    set: (url, state) => void states.set(key(url), state),
    counts: { requests: 0 },
    log: [],
  };

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    if (url.pathname !== '/wayback/available') return false;
    wayback.counts.requests += 1;
    const target = url.searchParams.get('url') ?? '';
    const timestamp = url.searchParams.get('timestamp');
    wayback.log.push(target);
    const state = states.get(key(target)) ?? { kind: 'empty' };
    if (state.kind === 'unavailable') {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
      return true;
    }
    if (state.kind === 'slow') await sleep(state.ms);
    const capture = state.kind === 'empty' ? undefined : closest(state.captures, timestamp);
    const body = {
      url: target,
      archived_snapshots: capture
        ? { closest: { status: capture.status ?? '200', available: true, url: `http://web.archive.org/web/${capture.timestamp}/${target}`, timestamp: capture.timestamp } }
        : {},
      ...(timestamp ? { timestamp } : {}),
    };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
    return true;
  }

  return wayback;
}

export interface RunningFakeWayback extends FakeWayback {
  /** `http://127.0.0.1:PORT`: the availability API's base URL. */
  url: string;
  close(): Promise<void>;
}

export async function startFakeWayback(): Promise<RunningFakeWayback> {
  const wayback = createFakeWayback();
  const server = createServer((req, res) => {
    wayback.handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end();
      }
    }, (error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(wayback, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  });
}
