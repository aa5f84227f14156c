import { USER_AGENT } from '../../http/user-agent.js';
import type { Fetch } from '../default-fetch.js';
import type { HubAnswer } from './hub-answer.js';
import type { HubPacer } from './hub-pacer.js';
import { EXPAND, factsFromInfo } from './hub-repo-info.js';
import type { HubRepoRef } from './parse-hugging-face-url.js';
import { parseRateLimitHeaders, type HubRateLimit } from './parse-rate-limit-headers.js';

export interface HubRequestContext {
  endpoint: string;
  token?: string;
  fetch: Fetch;
  pacer: HubPacer;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  requestTimeoutMs: number;
  maxTransientRetries: number;
  stats: { requests: number };
  onRateLimit?: (limit: HubRateLimit) => void;
}

const MAX_REDIRECTS = 5;
/** 429s waited out per repository before it is reported rate limited. */
const MAX_RATE_LIMITED = 3;

function infoUrl(ctx: HubRequestContext, ref: HubRepoRef): URL {
  const url = new URL(`${ctx.endpoint.replace(/\/+$/, '')}/api/${ref.kind}s/${ref.id}`);
  for (const property of EXPAND[ref.kind]) url.searchParams.append('expand', property);
  return url;
}

/**
 * `GET /api/{kind}s/{id}`: one request per repository (plus one per rename hop), paced by the
 * shared pacer. Renames answer 3xx with a relative Location on the same host (never a CDN):
 * followed by hand so the new id is known.
 */
export async function fetchHubRepo(ref: HubRepoRef, ctx: HubRequestContext): Promise<HubAnswer> {
  const started = ctx.now().getTime();
  const elapsed = () => ctx.now().getTime() - started;
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (ctx.token) headers.authorization = `Bearer ${ctx.token}`;
  let url = infoUrl(ctx, ref);
  let hops = 0;
  let failures = 0;
  let limited = 0;
  for (;;) {
    if (!(await ctx.pacer.acquire())) {
      return { kind: 'verdict', verdict: 'rate_limited', reason: 'api_rate_limited', elapsedMs: elapsed(), detail: 'The Hub API budget did not come back within the wait cap.' };
    }
    ctx.stats.requests += 1;
    let response: Response;
    try {
      response = await ctx.fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(ctx.requestTimeoutMs) });
    } catch (error) {
      ctx.pacer.settle();
      // A name that does not resolve will not resolve in two seconds either (offline, or a typo'd endpoint).
      const permanent = (error as { cause?: { code?: string } }).cause?.code === 'ENOTFOUND';
      if (!permanent && failures++ < ctx.maxTransientRetries) {
        await ctx.sleep(1000 * 2 ** failures);
        continue;
      }
      return { kind: 'unverified', reason: 'api_unavailable', detail: `The Hub API did not answer: ${(error as Error).message}` };
    }
    const limit = parseRateLimitHeaders(response.headers);
    ctx.pacer.settle(limit);
    if (limit.remaining !== undefined) ctx.onRateLimit?.(limit);
    const status = response.status;
    const errorCode = response.headers.get('x-error-code') ?? '';
    const errorMessage = response.headers.get('x-error-message') ?? '';
    const body: unknown = await response.text().then((text) => { try { return JSON.parse(text); } catch { return text; } });

    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      const next = location ? new URL(location, url) : undefined;
      if (!next || next.origin !== url.origin || ++hops > MAX_REDIRECTS) {
        return { kind: 'unverified', reason: 'api_unexpected_response', detail: `The Hub API redirected to ${location ?? 'nowhere'}.` };
      }
      if (next.search === '') next.search = url.search;
      url = next;
      continue;
    }
    if (status === 200) {
      const facts = factsFromInfo(ref.kind, body);
      return facts
        ? { kind: 'facts', facts, elapsedMs: elapsed() }
        : { kind: 'unverified', reason: 'api_unexpected_response', detail: 'The Hub API answered an unreadable repository body.' };
    }
    if (status === 401 && ctx.token) {
      return { kind: 'unverified', reason: 'api_unauthorized', detail: `The Hub rejected HF_TOKEN: ${errorMessage || 'invalid credentials'}.` };
    }
    // Anonymous callers get 401 for missing and private repositories alike (notes §3.3).
    if (status === 401 || (status === 404 && (errorCode === 'RepoNotFound' || /repository not found/i.test(JSON.stringify(body))))) {
      return { kind: 'not_found', httpStatus: status, elapsedMs: elapsed() };
    }
    if (status === 403 && /disabled/i.test(`${errorMessage} ${JSON.stringify(body)}`)) {
      return { kind: 'verdict', verdict: 'dead', reason: 'repo_disabled', httpStatus: 403, elapsedMs: elapsed(), detail: `The Hub disabled ${ref.id}.` };
    }
    if (status === 403 && errorCode === 'GatedRepo') {
      return { kind: 'verdict', verdict: 'alive', reason: 'repo_gated', httpStatus: 403, elapsedMs: elapsed(), detail: `${ref.id} is gated: users must request access.` };
    }
    if (status === 429) {
      // huggingface_hub waits `t` when the bucket is empty, else Retry-After (notes §3.4).
      const seconds = (limit.remaining === 0 ? limit.resetSeconds : undefined) ?? limit.retryAfterSeconds ?? limit.resetSeconds ?? 60;
      ctx.pacer.block(seconds * 1000 + 1000);
      if (limited++ < MAX_RATE_LIMITED) continue;
      return { kind: 'verdict', verdict: 'rate_limited', reason: 'api_rate_limited', httpStatus: 429, elapsedMs: elapsed(), detail: 'The Hub API kept answering 429.' };
    }
    if (status >= 500 && failures++ < ctx.maxTransientRetries) {
      await ctx.sleep(1000 * 2 ** failures);
      continue;
    }
    return {
      kind: 'unverified', reason: status >= 500 ? 'api_unavailable' : 'api_unexpected_response',
      detail: `The Hub API answered ${status}${errorMessage ? `: ${errorMessage}` : ''}.`,
    };
  }
}
