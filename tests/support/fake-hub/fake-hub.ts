import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeHubStore, type FakeHubKind, type FakeHubRepo, type FakeHubSeed } from './fake-hub-store.js';

/** A scripted failure for the next request. */
export type FakeHubFault =
  /** Answer this status (500, 503; 429 with the RateLimit headers of an empty bucket). */
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  /** Hold the answer this long (client timeouts). */
  | { kind: 'slow'; ms: number };

export interface FakeHubOptions {
  /** Tokens the Hub accepts (others get 401 "Invalid credentials"); any when omitted. */
  tokens?: string[];
  /** Tokens that can see private repositories. */
  privateAccessTokens?: string[];
  /** API requests per window: 500 anonymous (notes §3.4); authenticated callers get `quotaWithToken`. */
  quota?: number;
  quotaWithToken?: number;
  windowSeconds?: number;
  now?: () => number;
  repos?: FakeHubSeed[];
  /** The status of a rename's redirect: the Hub's exact code is unconfirmed (notes §3.3), 307 by default. */
  renameStatus?: 301 | 302 | 307 | 308;
}

export interface FakeHub {
  /** Answers `/api/{models,datasets,spaces}/…`; false for any other path. */
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  store: FakeHubStore;
  faults: FakeHubFault[];
  counts: { requests: number; throttled: number };
  log: { path: string; status: number; at: number }[];
  resetCounts(): void;
}

const KINDS: Record<string, FakeHubKind> = { models: 'model', datasets: 'dataset', spaces: 'space' };

// What `expand=` accepts per kind (notes §3.1); anything else is a 400.
const EXPANDABLE: Record<FakeHubKind, Set<string>> = {
  model: new Set(['author', 'baseModels', 'cardData', 'childrenModelCount', 'config', 'createdAt', 'disabled', 'downloads', 'downloadsAllTime', 'evalResults', 'gated', 'gguf', 'inference', 'inferenceProviderMapping', 'lastModified', 'library_name', 'likes', 'mask_token', 'model-index', 'pipeline_tag', 'private', 'resourceGroup', 'safetensors', 'sha', 'siblings', 'spaces', 'tags', 'transformersInfo', 'trendingScore', 'usedStorage', 'widgetData']),
  dataset: new Set(['author', 'cardData', 'citation', 'createdAt', 'description', 'disabled', 'downloads', 'downloadsAllTime', 'gated', 'lastModified', 'likes', 'mainSize', 'paperswithcode_id', 'private', 'resourceGroup', 'sha', 'siblings', 'tags', 'trendingScore', 'usedStorage']),
  space: new Set(['author', 'cardData', 'createdAt', 'datasets', 'disabled', 'lastModified', 'likes', 'models', 'private', 'region', 'resourceGroup', 'runtime', 'sdk', 'sha', 'siblings', 'subdomain', 'tags', 'trendingScore', 'usedStorage']),
};

function info(repo: FakeHubRepo): Record<string, unknown> {
  const author = repo.id.includes('/') ? repo.id.split('/')[0] : undefined;
  return {
    _id: repo.objectId, id: repo.id, ...(author ? { author } : {}), sha: repo.sha, lastModified: repo.lastModified,
    private: repo.private, gated: repo.gated, disabled: repo.disabled,
    ...(repo.kind === 'space' ? { sdk: 'gradio', runtime: { stage: 'RUNNING' } } : { downloads: repo.downloads }),
    likes: repo.likes, tags: ['region:us'], ...(repo.kind === 'model' ? { modelId: repo.id } : {}),
    siblings: [{ rfilename: 'README.md' }], createdAt: repo.createdAt,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFakeHub(options: FakeHubOptions = {}): FakeHub {
  const now = options.now ?? Date.now;
  const windowMs = (options.windowSeconds ?? 300) * 1000;
  const store = new FakeHubStore();
  for (const seed of options.repos ?? []) store.add(seed);
  // One fixed window per caller (anonymous callers share one, like one IP).
  const windows = new Map<string, { start: number; count: number }>();
  const hub: FakeHub = {
    handler, store, faults: [], counts: { requests: 0, throttled: 0 }, log: [],
    resetCounts() {
      hub.counts = { requests: 0, throttled: 0 };
      hub.log = [];
    },
  };

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const match = /^\/api\/(models|datasets|spaces)\/(.+?)(?:\/revision\/[^/]+)?$/.exec(url.pathname);
    if (!match || req.method !== 'GET') return false;
    const kind = KINDS[match[1]!]!;
    const id = decodeURIComponent(match[2]!);
    hub.counts.requests += 1;

    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const caller = token ?? 'anonymous';
    const quota = token ? (options.quotaWithToken ?? 1000) : (options.quota ?? 500);
    let window = windows.get(caller);
    if (!window || now() >= window.start + windowMs) windows.set(caller, (window = { start: now(), count: 0 }));
    window.count += 1;
    const resetSeconds = Math.max(0, Math.ceil((window.start + windowMs - now()) / 1000));
    const remaining = Math.max(0, quota - window.count);

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      hub.log.push({ path: `${url.pathname}${url.search}`, status, at: now() });
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-request-id': `Root=1-${hub.counts.requests.toString(16)}`,
        ratelimit: `"api";r=${remaining};t=${resetSeconds}`,
        'ratelimit-policy': `"fixed window";"api";q=${quota};w=${windowMs / 1000}`,
        ...headers,
      });
      res.end(JSON.stringify(body));
      return true;
    };
    const error = (status: number, message: string, code?: string) =>
      send(status, { error: message }, { 'x-error-message': message, ...(code ? { 'x-error-code': code } : {}) });

    if (window.count > quota) {
      hub.counts.throttled += 1;
      return send(429, { error: 'You have exceeded our rate limit.' }, { ratelimit: `"api";r=0;t=${resetSeconds}` });
    }
    const fault = hub.faults.shift();
    if (fault?.kind === 'slow') await sleep(fault.ms);
    if (fault?.kind === 'status') {
      if (fault.status === 429) hub.counts.throttled += 1;
      return send(fault.status, { error: 'Fault injected by the test.' }, {
        ...(fault.status === 429 ? { ratelimit: `"api";r=0;t=${resetSeconds}` } : {}),
        ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}),
      });
    }
    if (token !== undefined && options.tokens && !options.tokens.includes(token)) {
      return error(401, 'Invalid credentials in Authorization header');
    }
    const expand = url.searchParams.getAll('expand');
    const unknown = expand.find((property) => !EXPANDABLE[kind].has(property));
    if (unknown) return error(400, `"expand" must be one of the ${kind} properties, got "${unknown}"`);

    const found = store.resolve(kind, id);
    const visible = found && (!found.repo.private || (token !== undefined && (options.privateAccessTokens?.includes(token) ?? false)));
    if (!found || !visible) {
      // Anonymous callers cannot tell missing from private: 401 (notes §3.3).
      return token === undefined
        ? error(401, 'Invalid username or password.', 'RepoNotFound')
        : error(404, 'Repository not found', 'RepoNotFound');
    }
    if (found.moved) {
      // Relative Location, query kept: the new id, on the same host.
      return send(options.renameStatus ?? 307, { error: 'Moved' }, { location: `/api/${match[1]}/${found.repo.id}${url.search}` });
    }
    if (found.repo.disabled) return error(403, 'Access to this resource is disabled.');
    const body = info(found.repo);
    if (expand.length === 0) return send(200, body);
    return send(200, Object.fromEntries(Object.entries(body).filter(([k]) => k === '_id' || k === 'id' || expand.includes(k))));
  }

  return hub;
}

export interface RunningFakeHub extends FakeHub {
  /** `http://127.0.0.1:PORT`: the `HF_ENDPOINT`. */
  url: string;
  close(): Promise<void>;
}

export async function startFakeHub(options: FakeHubOptions = {}): Promise<RunningFakeHub> {
  const hub = createFakeHub(options);
  const server = createServer((req, res) => {
    hub.handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not Found');
      }
    }, (error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(hub, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  });
}
