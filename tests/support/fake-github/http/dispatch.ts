import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeState } from '../state/fake-state.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import { ApiError } from './api-error.js';
import { authenticate } from './authenticate.js';
import { authorize } from './authorize.js';
import type { Faults, PlannedFault } from './faults.js';
import type { RateLimits } from './rate-limits.js';
import { readBody } from './read-body.js';
import type { Reply } from './reply.js';
import type { Caller, RouteContext, Router, Urls } from './route.js';

/** A handler another fake mounts; it answers (true) or passes (false). */
export type ExtraHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface RequestLogEntry {
  method: string;
  /** Decoded path without the `/api/v3` prefix (GraphQL as `/graphql`). */
  path: string;
  query: string;
  status: number;
  caller: 'anonymous' | 'app' | `installation:${number}`;
  fault?: string;
  body?: unknown;
}

export interface DispatchDeps {
  state: FakeState;
  router: Router;
  rateLimits: RateLimits;
  faults: Faults;
  extraHandlers: ExtraHandler[];
  log: RequestLogEntry[];
  wallNow: () => number;
  emit(event: WebhookEvent): void;
}

/** One HTTP request through layout mapping, faults, auth, rate limits, the route, and the log. */
export async function dispatch(deps: DispatchDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fake');
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  const ghes = url.pathname === '/api/v3' || url.pathname.startsWith('/api/v3/') || url.pathname === '/api/graphql';
  let path = url.pathname === '/api/graphql' ? '/graphql' : ghes ? url.pathname.slice('/api/v3'.length) || '/' : url.pathname;
  path = resolveRepositoryId(deps.state, path);
  const urls: Urls = { api: ghes ? `${origin}/api/v3` : origin, web: origin };
  const method = (req.method ?? 'GET').toUpperCase();
  const entry: RequestLogEntry = { method, path: safeDecode(path), query: url.search, status: 0, caller: 'anonymous' };
  deps.log.push(entry);
  await deps.faults.wait(method, entry.path);
  const headers: Record<string, string> = {
    'x-github-request-id': randomUUID().toUpperCase(),
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
  };

  let caller: Caller = { kind: 'anonymous' };
  let authError: ApiError | null = null;
  try {
    caller = authenticate(deps.state, req.headers, deps.wallNow());
  } catch (error) {
    authError = error as ApiError;
  }
  entry.caller = caller.kind === 'installation' ? `installation:${caller.installation.id}` : caller.kind;
  const charge = deps.rateLimits.charge(caller, path === '/graphql' ? 'graphql' : 'core');
  Object.assign(headers, charge.headers);

  const send = (reply: Reply) => {
    entry.status = reply.status;
    const all = { ...headers, ...reply.headers };
    if (reply.raw) {
      res.writeHead(reply.status, { ...all, 'content-type': reply.contentType ?? 'application/octet-stream' });
      res.end(reply.raw);
    } else if (reply.body === undefined) {
      res.writeHead(reply.status, all);
      res.end();
    } else {
      res.writeHead(reply.status, { ...all, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply.body));
    }
  };
  const fail = (error: ApiError) => send({ status: error.status, body: error.body, headers: error.headers });

  const fault = deps.faults.plan(method, path);
  if (fault) entry.fault = `${fault.kind}:${fault.when}`;
  if (fault?.when === 'before') return send(faultReply(fault, headers['x-github-request-id']!));
  if (charge.limited) return fail(primaryLimit(charge.limited, caller));

  const matched = deps.router.match(method, path);
  const ownerRepo = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
  const repo = ownerRepo ? deps.state.repo(ownerRepo[1]!, ownerRepo[2]!) : undefined;
  if (matched === undefined || (ownerRepo && !repo)) {
    req.url = path + url.search;
    for (const handler of deps.extraHandlers) {
      for (const [k, v] of Object.entries(headers)) if (!res.hasHeader(k)) res.setHeader(k, v);
      if (await handler(req, res)) {
        entry.status = res.statusCode;
        return;
      }
    }
    return fail(ApiError.notFound());
  }
  if (matched === 'method-not-allowed') return fail(ApiError.notFound());
  if (authError) return fail(authError);

  try {
    const body = method === 'GET' || method === 'HEAD' ? undefined : (await readBody(req)).json;
    if (body !== undefined) entry.body = body;
    const ctx: RouteContext = {
      state: deps.state,
      method,
      path,
      params: matched.params,
      query: url.searchParams,
      body,
      headers: req.headers,
      caller,
      urls,
      repo: repo as RouteContext['repo'],
      emit: deps.emit,
    };
    authorize(ctx, matched.route);
    const reply = await matched.route.handler(ctx);
    if (fault?.when === 'after') return send(faultReply(fault, headers['x-github-request-id']!));
    send(reply);
  } catch (error) {
    if (error instanceof ApiError) return fail(error);
    throw error;
  }
}

/** `/repositories/{id}/…` (the form GitHub's Link headers use) → `/repos/{owner}/{name}/…`. */
function resolveRepositoryId(state: FakeState, path: string): string {
  const m = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
  const repo = m ? state.repoById(Number(m[1])) : undefined;
  return repo ? `/repos/${repo.owner.login}/${repo.name}${m![2] ?? ''}` : path;
}

function primaryLimit(status: 403 | 429, caller: Caller): ApiError {
  const who =
    caller.kind === 'installation' ? `installation ID ${caller.installation.id}` : caller.kind === 'app' ? 'app' : '127.0.0.1';
  return new ApiError(status, `API rate limit exceeded for ${who}.`, {
    documentationUrl: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  });
}

function faultReply(fault: PlannedFault, requestId: string): Reply {
  if (fault.kind === 'secondary') {
    const e = new ApiError(
      fault.status,
      `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      { documentationUrl: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
    );
    return { status: e.status, body: e.body, headers: { 'retry-after': String(fault.retryAfter) } };
  }
  return { status: fault.status, body: { message: 'Server Error' } };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
