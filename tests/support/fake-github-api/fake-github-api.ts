import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { executeGithubGraphql, prepareQuery, repositoryFieldCount, SAML_MESSAGE } from './execute-github-graphql.js';
import { FakeRepoStore, type FakeRepoSeed } from './fake-repo-store.js';
import { RateBudget } from './rate-budget.js';
import { bodies, toRestRepository } from './rest-bodies.js';

/** A scripted failure for the next request of a kind (REST or GraphQL). */
export type FakeGithubFault =
  /** Answer this status with GitHub's body for it (502, 504 "couldn't respond in time", 500 …). */
  | { kind: 'status'; status: number }
  /** 403 "secondary rate limit" with `retry-after`. */
  | { kind: 'secondary_limit'; retryAfterSeconds: number }
  /** Hold the answer this long (client timeouts). */
  | { kind: 'slow'; ms: number }
  /** GraphQL 200 with a RESOURCE_LIMITS_EXCEEDED error. */
  | { kind: 'resource_limit' };

export interface FakeGithubApiOptions {
  /** Tokens GitHub accepts (others get 401 Bad credentials); any token when omitted. */
  tokens?: string[];
  /** Tokens that can see private repositories. */
  privateAccessTokens?: string[];
  /** Batches with more `repository` fields than this time out (`oversizeStatus`). */
  maxBatch?: number;
  oversizeStatus?: 502 | 504;
  graphqlLimit?: number;
  coreLimit?: number;
  now?: () => number;
  repos?: FakeRepoSeed[];
  /** Who a token acts as, for GraphQL's `viewer` (the stateful fake GitHub knows its tokens). */
  viewerOf?: (token: string) => { login: string; databaseId: number } | undefined;
}

export interface FakeGithubApi {
  /** Answers GitHub API routes (also under `/api/v3` and `/api/graphql`); false for any other path. */
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  store: FakeRepoStore;
  budgets: { core: RateBudget; graphql: RateBudget };
  faults: { graphql: FakeGithubFault[]; rest: FakeGithubFault[] };
  counts: { graphql: number; rest: number };
  /** `repository` fields per GraphQL request, in arrival order (rejected ones included). */
  graphqlBatchSizes: number[];
  log: { method: string; path: string; status: number }[];
  resetCounts(): void;
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFakeGithubApi(options: FakeGithubApiOptions = {}): FakeGithubApi {
  const now = options.now ?? Date.now;
  const store = new FakeRepoStore();
  for (const seed of options.repos ?? []) store.add(seed);
  const budgets = {
    core: new RateBudget('core', options.coreLimit ?? 5000, now),
    graphql: new RateBudget('graphql', options.graphqlLimit ?? 5000, now),
  };
  const api: FakeGithubApi = {
    handler, store, budgets, faults: { graphql: [], rest: [] }, counts: { graphql: 0, rest: 0 },
    graphqlBatchSizes: [], log: [],
    resetCounts() {
      api.counts = { graphql: 0, rest: 0 };
      api.graphqlBatchSizes = [];
      api.log = [];
    },
  };

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const ghe = url.pathname.startsWith('/api/');
    const path = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
    const isGraphql = path === '/graphql';
    const rest = /^\/(?:repos\/[^/]+\/[^/]+|repositories\/\d+|rate_limit)$/.test(path);
    if (!isGraphql && !rest) return false;

    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const budget = isGraphql ? budgets.graphql : budgets.core;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      api.log.push({ method: req.method ?? 'GET', path: url.pathname, status });
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-media-type': 'github.v3; format=json',
        ...budget.headers(),
        ...headers,
      });
      res.end(text);
    };
    if (isGraphql) api.counts.graphql += 1;
    else api.counts.rest += 1;

    const token = bearer(req);
    if (token !== undefined && options.tokens && !options.tokens.includes(token)) {
      send(401, bodies.badCredentials);
      return true;
    }
    const fault = (isGraphql ? api.faults.graphql : api.faults.rest).shift();
    if (fault?.kind === 'slow') await sleep(fault.ms);
    if (fault?.kind === 'secondary_limit') {
      send(403, bodies.secondaryLimit, { 'retry-after': String(fault.retryAfterSeconds) });
      return true;
    }
    if (fault?.kind === 'status') {
      send(fault.status, fault.status === 502 ? bodies.graphql502 : fault.status === 504 ? bodies.graphql504 : { message: 'Server Error' });
      return true;
    }

    if (isGraphql) {
      await answerGraphql(req, send, token, fault, origin);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(404, bodies.notFound);
      return true;
    }
    answerRest(req, path, send, token, ghe ? `${origin}/api/v3` : origin, origin);
    return true;
  }

  type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

  async function answerGraphql(req: IncomingMessage, send: Send, token: string | undefined, fault: FakeGithubFault | undefined, origin: string) {
    if (req.method !== 'POST') return send(404, bodies.notFound);
    if (token === undefined) return send(401, bodies.graphqlNeedsAuth);
    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(await readBody(req)) as typeof request;
    } catch {
      return send(400, { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' });
    }
    if (typeof request.query !== 'string') {
      return send(200, { errors: [{ message: 'A query attribute must be specified and must be a string.' }] });
    }
    const prepared = prepareQuery(request.query);
    if ('errors' in prepared) return send(200, { errors: prepared.errors });
    const size = repositoryFieldCount(prepared.document);
    api.graphqlBatchSizes.push(size);
    if (options.maxBatch !== undefined && size > options.maxBatch) {
      const status = options.oversizeStatus ?? 502;
      return send(status, status === 502 ? bodies.graphql502 : bodies.graphql504);
    }
    if (fault?.kind === 'resource_limit') return send(200, bodies.resourceLimit);
    if (!budgets.graphql.take(1)) return send(200, bodies.graphqlRateLimited);
    const body = await executeGithubGraphql(prepared.document, {
      query: request.query,
      variables: (request.variables ?? null) as Record<string, unknown> | null,
      operationName: typeof request.operationName === 'string' ? request.operationName : null,
    }, {
      store, budget: budgets.graphql, webOrigin: origin,
      canSeePrivate: options.privateAccessTokens?.includes(token) ?? false,
      ...(options.viewerOf?.(token) && { viewer: options.viewerOf(token)! }),
    });
    send(200, body);
  }

  function answerRest(req: IncomingMessage, path: string, send: Send, token: string | undefined, apiBase: string, webOrigin: string) {
    if (path === '/rate_limit') {
      const core = budgets.core.snapshot();
      return send(200, { resources: { core, graphql: budgets.graphql.snapshot() }, rate: core });
    }
    if (!budgets.core.take(1)) return send(403, bodies.primaryLimit);
    const byId = /^\/repositories\/(\d+)$/.exec(path);
    const found = byId
      ? (() => { const repo = store.byId(Number(byId[1])); return repo ? { repo, moved: false } : undefined; })()
      : store.resolve(path.slice('/repos/'.length));
    const canSeePrivate = token !== undefined && (options.privateAccessTokens?.includes(token) ?? false);
    if (!found || (found.repo.private && !canSeePrivate)) return send(404, bodies.notFound);
    const { repo, moved } = found;
    if (moved) {
      const location = `${apiBase}/repositories/${repo.id}`;
      return send(301, bodies.moved(location), { location });
    }
    if (repo.block) return send(repo.block.reason === 'dmca' ? 451 : 403, bodies.blocked(repo.block));
    if (repo.samlProtected) return send(403, { message: SAML_MESSAGE, documentation_url: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/' });
    const body = toRestRepository(repo, apiBase, webOrigin);
    const etag = `W/"${createHash('sha1').update(JSON.stringify(body)).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      // Conditional hits are free for authenticated callers (notes §1.6).
      if (token !== undefined) budgets.core.remaining += 1;
      return send(304, undefined, { etag });
    }
    send(200, body, { etag, 'cache-control': 'private, max-age=60, s-maxage=60' });
  }

  return api;
}

export interface RunningFakeGithubApi extends FakeGithubApi {
  /** `http://127.0.0.1:PORT`: the `GITHUB_API_URL` for api.github.com's layout. */
  url: string;
  /** `http://127.0.0.1:PORT/api/v3`: the GitHub Enterprise layout (GraphQL at `/api/graphql`). */
  enterpriseUrl: string;
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeGithubApi(options: FakeGithubApiOptions = {}): Promise<RunningFakeGithubApi> {
  const api = createFakeGithubApi(options);
  const server = createServer((req, res) => {
    api.handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(bodies.notFound));
      }
    }, (error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return Object.assign(api, {
    url,
    enterpriseUrl: `${url}/api/v3`,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  });
}
